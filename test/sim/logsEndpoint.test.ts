// The sim's pods/log endpoint against the real kubectl and against client-node, with
// kube-apiserver's wording for each refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Log } from '@kubernetes/client-node';
import { makePod, restart, startLogsSim, type LogsSim } from './logsSim.ts';

const KUBECTL = '/usr/bin/kubectl';
const haveKubectl = existsSync(KUBECTL);
const noKubectl = haveKubectl ? false : `kubectl not found at ${KUBECTL}`;

async function withSim(body: (sim: LogsSim) => Promise<void>): Promise<void> {
  const sim = await startLogsSim({ pods: [makePod('web', ['app', 'side']), makePod('boot', ['app'], { waiting: { app: 'ContainerCreating' } })] });
  try {
    await body(sim);
  } finally {
    await sim.close();
  }
}

function kubectl(sim: LogsSim, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(KUBECTL, ['--kubeconfig', sim.kubeconfigPath, '--request-timeout=20s', ...args], { timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

async function get(sim: LogsSim, path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${sim.url}/api/v1/namespaces/default/pods/${path}`);
  return { status: res.status, body: await res.text() };
}

test('kubectl logs: container, tail, timestamps, previous, and the errors it prints', { skip: noKubectl }, () =>
  withSim(async (sim) => {
    sim.logs.emit('default', 'web', 'app', ['one', 'two', 'three']);
    assert.deepEqual(await kubectl(sim, ['logs', 'web', '-c', 'app']), { code: 0, stdout: 'one\ntwo\nthree\n', stderr: '' });
    assert.equal((await kubectl(sim, ['logs', 'web', '-c', 'app', '--tail=1'])).stdout, 'three\n');
    assert.match((await kubectl(sim, ['logs', 'web', '-c', 'app', '--timestamps'])).stdout, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z one\n/);
    const previous = await kubectl(sim, ['logs', 'web', '-c', 'app', '--previous']);
    assert.equal(previous.code, 1);
    assert.match(previous.stderr, /previous terminated container "app" in pod "web" not found/);
    restart(sim, 'default', 'web', 'app');
    sim.logs.emit('default', 'web', 'app', ['new run']);
    assert.equal((await kubectl(sim, ['logs', 'web', '-c', 'app', '--previous'])).stdout, 'one\ntwo\nthree\n');
    assert.equal((await kubectl(sim, ['logs', 'web', '-c', 'app'])).stdout, 'new run\n');
    assert.match((await kubectl(sim, ['logs', 'web', '-c', 'nope'])).stderr, /container nope is not valid for pod web/);
    assert.match((await kubectl(sim, ['logs', 'boot'])).stderr, /container "app" in pod "boot" is waiting to start: ContainerCreating/);
  }),
);

test('kubectl logs -f follows new lines and exits when the Pod is deleted', { skip: noKubectl }, () =>
  withSim(async (sim) => {
    sim.logs.emit('default', 'web', 'side', ['history']);
    const child = spawn(KUBECTL, ['--kubeconfig', sim.kubeconfigPath, 'logs', '-f', 'web', '-c', 'side'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    while (!out.includes('history')) await new Promise((r) => setTimeout(r, 10));
    sim.logs.emit('default', 'web', 'side', ['live line']);
    while (!out.includes('live line')) await new Promise((r) => setTimeout(r, 10));
    sim.deletePod('default', 'web');
    assert.equal(await exited, 0);
    assert.equal(out, 'history\nlive line\n');
  }),
);

test('the endpoint words its refusals as kube-apiserver does', () =>
  withSim(async (sim) => {
    const noContainer = await get(sim, 'web/log');
    assert.equal(noContainer.status, 400);
    assert.equal(JSON.parse(noContainer.body).message, 'a container name must be specified for pod web, choose one of: [app side]');
    assert.equal(JSON.parse((await get(sim, 'web/log?container=zz')).body).message, 'container zz is not valid for pod web');
    assert.equal(JSON.parse((await get(sim, 'boot/log')).body).message, 'container "app" in pod "boot" is waiting to start: ContainerCreating');
    assert.equal((await get(sim, 'gone/log')).status, 404);
    sim.deny('log');
    const forbidden = await get(sim, 'web/log?container=app');
    assert.equal(forbidden.status, 403);
    assert.equal(JSON.parse(forbidden.body).reason, 'Forbidden');
  }));

test('limitBytes, sinceTime and tailLines=0 shape the history', () =>
  withSim(async (sim) => {
    sim.logs.emit('default', 'web', 'app', ['abcdef', 'ghijkl']);
    assert.equal((await get(sim, 'web/log?container=app&limitBytes=9')).body, 'abcdef\ngh');
    assert.equal((await get(sim, 'web/log?container=app&tailLines=0')).body, '');
    assert.equal((await get(sim, `web/log?container=app&sinceTime=${new Date(Date.now() + 60_000).toISOString().slice(0, 19)}Z`)).body, '');
    assert.equal((await get(sim, 'web/log?container=app&sinceSeconds=60')).body, 'abcdef\nghijkl\n');
  }));

test("client-node follows; a restart ends the old instance's stream", () =>
  withSim(async (sim) => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const ended = new Promise<void>((resolve) => out.on('end', resolve));
    sim.logs.emit('default', 'web', 'app', ['before']);
    const controller = await new Log(sim.kubeConfig()).log('default', 'web', 'app', out, { follow: true });
    sim.logs.emit('default', 'web', 'app', ['during']);
    while (!text.includes('during')) await new Promise((r) => setTimeout(r, 10));
    restart(sim, 'default', 'web', 'app');
    await ended;
    assert.equal(text, 'before\nduring\n');
    assert.equal(sim.logs.followers(), 0);
    controller.abort();
  }));

test('kubectl logs against the full sim server (TLS, discovery, auth), merged with --all-containers', { skip: noKubectl }, async () => {
  const { emptyScenario, startSim } = await import('../../src/sim/index.ts');
  const scenario = emptyScenario();
  scenario.objects.pods.push(makePod('web', ['app', 'side']));
  const sim = await startSim({ scenario, metrics: false });
  const dir = mkdtempSync(join(tmpdir(), 'podview-logs-kubectl-'));
  try {
    const kubeconfig = join(dir, 'kubeconfig');
    sim.writeKubeconfig(kubeconfig);
    sim.control.logs.emit('default', 'web', 'app', ['from app']);
    sim.control.logs.emit('default', 'web', 'side', ['from side']);
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(KUBECTL, ['--kubeconfig', kubeconfig, ...args], { timeout: 30_000 }, (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr })),
      );
    assert.deepEqual(await run(['logs', 'web', '-c', 'side']), { code: 0, stdout: 'from side\n', stderr: '' });
    const all = await run(['logs', 'web', '--all-containers', '--prefix']);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(all.stdout.split('\n').filter(Boolean).sort(), ['[pod/web/app] from app', '[pod/web/side] from side']);
    sim.control.deny({ subresource: 'log' });
    const denied = await run(['logs', 'web', '-c', 'app']);
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /Forbidden|forbidden/);
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
