// A volume's files listed through the sim's sandboxed exec: the container picked, sizes and times
// largest first, the du total against an emptyDir's sizeLimit, a Secret's file names only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startExecHarness, type ExecHarness } from './execHarness.ts';
import { ensureBubblewrap } from './bubblewrap.ts';
import { execCapture } from '../../src/cluster/execCapture.ts';
import { listVolume } from '../../src/cluster/volumeListing.ts';

const skip = ensureBubblewrap();
let sim: ExecHarness;
before(async () => {
  sim = await startExecHarness();
});
after(() => sim.close());

const key = { namespace: 'shop', name: 'user-msvc' };
const sh = (container: string, script: string) => execCapture(sim.kubeConfig, { namespace: 'shop', pod: 'user-msvc', container }, ['sh', '-c', script]);

/** Changes the Pod's spec in the sim (a sizeLimit, a read-only mount), as a new Pod revision would. */
function editPod(edit: (spec: NonNullable<ReturnType<ExecHarness['world']['pod']>>['spec'] & object) => void): void {
  sim.world.updatePod('shop', 'user-msvc', (pod) => {
    const copy = structuredClone(pod);
    edit(copy.spec!);
    return copy;
  });
}

test('a shared emptyDir: every file with its size and time, largest first, in the container that mounts it', { skip }, async () => {
  const made = await sh('user-msvc', 'mkdir -p /var/log/app && head -c 30000 /dev/zero > /var/log/app/big.log && echo hi > /var/log/small.txt && touch "/var/log/$(printf "evil\\033[2J\\nname")"');
  assert.equal(made.kind === 'exited' && made.exitCode, 0, JSON.stringify(made));
  const outcome = await listVolume(sim.kubeConfig, { ...key, volume: 'logs' });
  assert.equal(outcome.kind, 'listing', JSON.stringify(outcome));
  if (outcome.kind !== 'listing') return;
  const { listing } = outcome;
  assert.equal(listing.container, 'user-msvc');
  assert.equal(listing.mountPath, '/var/log');
  assert.equal(listing.namesOnly, false);
  assert.deepEqual(
    listing.files.slice(0, 2).map((f) => [f.path, f.kind, f.sizeBytes]),
    [
      ['/var/log/app', 'dir', 30000],
      ['/var/log/app/big.log', 'file', 30000],
    ],
  );
  const small = listing.files.find((f) => f.path === '/var/log/small.txt');
  assert.equal(small?.sizeBytes, 3);
  assert.ok(small?.modifiedMs !== undefined && Math.abs(small.modifiedMs - Date.now()) < 3_600_000, 'a modification time from the container');
  assert.ok(
    listing.files.some((f) => f.path === '/var/log/evil\ufffdname'),
    JSON.stringify(listing.files.map((f) => f.path)),
  );
  assert.ok(listing.usedBytes !== undefined && listing.usedBytes >= 30000);
  assert.equal(listing.finding, undefined, 'no sizeLimit, no finding');
});

test('a read-only mount is preferred, and the du total near the sizeLimit is a finding', { skip }, async () => {
  await sh('user-msvc', 'head -c 80000 /dev/zero > /var/log/fill.bin');
  editPod((spec) => {
    spec.volumes!.find((v) => v.name === 'logs')!.emptyDir = { sizeLimit: '128Ki' };
    spec.containers.find((c) => c.name === 'datadog-agent')!.volumeMounts![0]!.readOnly = true;
  });
  const outcome = await listVolume(sim.kubeConfig, { ...key, volume: 'logs' });
  assert.equal(outcome.kind, 'listing', JSON.stringify(outcome));
  if (outcome.kind !== 'listing') return;
  assert.equal(outcome.listing.container, 'datadog-agent');
  assert.equal(outcome.listing.mountPath, '/var/log/monitor');
  assert.ok(outcome.listing.files.some((f) => f.path === '/var/log/monitor/fill.bin' && f.sizeBytes === 80000));
  assert.equal(outcome.listing.sizeLimit, '128Ki');
  const used = outcome.listing.usedBytes!;
  assert.ok(used >= 0.8 * 128 * 1024, `du says ${used} bytes`);
  assert.equal(outcome.listing.finding?.code, used >= 128 * 1024 ? 'VolumeOverSizeLimit' : 'VolumeNearSizeLimit');
  assert.match(outcome.listing.finding?.message ?? '', /^emptyDir logs is (near|at) its sizeLimit: .* of 128Ki in use \(\d+ %\)/);
});

test('a Secret volume: its file names only, never a size, a time or the value', { skip }, async () => {
  const outcome = await listVolume(sim.kubeConfig, { ...key, volume: 'secret' });
  assert.equal(outcome.kind, 'listing', JSON.stringify(outcome));
  if (outcome.kind !== 'listing') return;
  assert.equal(outcome.listing.namesOnly, true);
  assert.ok(outcome.listing.files.some((f) => f.path === '/etc/user-msvc/secret/password'));
  for (const f of outcome.listing.files) assert.deepEqual(Object.keys(f).sort(), ['path', 'relativePath']);
  assert.equal(outcome.listing.usedBytes, undefined);
  assert.doesNotMatch(JSON.stringify(outcome), /s3cret/);
});

test('no container that can run the listing, a volume nobody mounts, exec forbidden: one line each', { skip }, async () => {
  const outcome = await listVolume(sim.kubeConfig, { namespace: 'shop', name: 'distroless', volume: 'none' });
  assert.deepEqual(outcome, { kind: 'error', message: 'volume none is not declared in the Pod' });
  sim.world.updatePod('shop', 'distroless', (pod) => {
    const copy = structuredClone(pod);
    copy.spec!.volumes = [{ name: 'data', emptyDir: {} }];
    copy.spec!.containers[0]!.volumeMounts = [{ name: 'data', mountPath: '/data' }];
    return copy;
  });
  const noShell = await listVolume(sim.kubeConfig, { namespace: 'shop', name: 'distroless', volume: 'data' });
  assert.equal(noShell.kind, 'error');
  assert.match(noShell.kind === 'error' ? noShell.message : '', /^cannot list app:\/data: the image has no sh or find \(.*\)$/);
  sim.denyExec(true);
  try {
    const denied = await listVolume(sim.kubeConfig, { ...key, volume: 'logs' });
    assert.equal(denied.kind, 'error');
    assert.match(denied.kind === 'error' ? denied.message : '', /^cannot list (datadog-agent:\/var\/log\/monitor|user-msvc:\/var\/log): .*forbidden[^\n]*$/);
  } finally {
    sim.denyExec(false);
  }
});
