// A volume's listing from the Pod view: the cursor in the Volumes section, the request for the
// selected volume, the pending line while the exec runs, the files largest first with the du
// total against sizeLimit, a Secret volume by name only, and a failure as one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VolumeListOutcome, VolumeListing } from '../../src/store/actionRequests.ts';
import { sizeLimitFinding } from '../../src/model/volumeListing.ts';
import { userMsvc } from './fixtures.ts';
import { fakeServices, frameWhere, frameWith, KEY, press, renderApp, rowWith, wholeStoreWith } from './harness.tsx';

const USER_MSVC = { namespace: 'shop', name: 'user-msvc' };
const MIB = 1024 * 1024;
const AT = Date.parse('2026-01-01T11:30:00Z');

async function openOn(outcome: VolumeListOutcome | Promise<VolumeListOutcome>) {
  const services = fakeServices();
  services.volumeOutcome = outcome;
  const rendered = await renderApp({ store: wholeStoreWith([userMsvc()]), services, initialPod: USER_MSVC }, { columns: 120, rows: 30 });
  await frameWith(rendered.app, '1 Containers');
  return { ...rendered, services };
}

test('v goes to the Volumes section and shows a cursor; ] moves it; enter lists the selected volume', async () => {
  let answer: (o: VolumeListOutcome) => void = () => {};
  const { app, services } = await openOn(new Promise((resolve) => (answer = resolve)));
  assert.doesNotMatch(app.lastFrame() ?? '', />\* logs/, 'no cursor before the section is focused');
  await press(app, 'v');
  let frame = await frameWith(app, '>* logs');
  assert.match(rowWith(frame, '* secret'), /^ \* secret/);
  await press(app, ']');
  frame = await frameWith(app, '>* secret');
  assert.match(rowWith(frame, '* logs'), /^ \* logs/);
  await press(app, '[', '[');
  await frameWith(app, '>* secret');
  await press(app, ']');
  await frameWith(app, '>* logs');
  await press(app, KEY.enter);
  await frameWith(app, 'listing volume logs: running find in a container that mounts it…');
  assert.deepEqual(services.volumeLists, [{ namespace: 'shop', name: 'user-msvc', volume: 'logs' }]);
  const listing: VolumeListing = {
    volume: 'logs',
    container: 'user-msvc',
    mountPath: '/var/log',
    namesOnly: false,
    files: [
      { path: '/var/log/app', relativePath: 'app', kind: 'dir', sizeBytes: 90 * MIB, modifiedMs: AT },
      { path: '/var/log/app/big.log', relativePath: 'app/big.log', kind: 'file', sizeBytes: 90 * MIB, modifiedMs: AT },
      { path: '/var/log/small.log', relativePath: 'small.log', kind: 'file', sizeBytes: 2048, modifiedMs: AT },
    ],
    usedBytes: 92 * MIB,
    sizeLimit: '100Mi',
    unreadable: 0,
    truncated: false,
  };
  const finding = sizeLimitFinding('logs', listing.usedBytes, listing.sizeLimit);
  assert.ok(finding);
  listing.finding = finding;
  answer({ kind: 'listing', listing });
  frame = await frameWith(app, 'listed in user-msvc:/var/log');
  assert.match(frame, /du total 92 MiB of sizeLimit 100Mi/);
  assert.match(frame, /! VolumeNearSizeLimit\s+emptyDir logs is near its sizeLimit/);
  assert.match(rowWith(frame, 'SIZE'), /SIZE\s+MODIFIED \(UTC\)\s+KIND\s+PATH/);
  assert.match(rowWith(frame, 'big.log'), /90 MiB\s+2026-01-01 11:30\s+file\s+\/var\/log\/app\/big\.log/);
  assert.match(rowWith(frame, 'small.log'), /2 KiB\s+2026-01-01 11:30\s+file/);
  const lines = frame.split('\n');
  assert.ok(lines.findIndex((l) => l.includes('big.log')) < lines.findIndex((l) => l.includes('small.log')), 'largest first');
  await press(app, KEY.esc);
  await frameWith(app, '>* logs');
  app.unmount();
});

test('a Secret volume lists its file names only', async () => {
  const listing: VolumeListing = {
    volume: 'secret',
    container: 'user-msvc',
    mountPath: '/etc/user-msvc/secret',
    namesOnly: true,
    files: [
      { path: '/etc/user-msvc/secret/db-password', relativePath: 'db-password' },
      { path: '/etc/user-msvc/secret/tls.key', relativePath: 'tls.key' },
    ],
    unreadable: 0,
    truncated: false,
  };
  const { app, services } = await openOn({ kind: 'listing', listing });
  await press(app, 'v', ']', 'v');
  const frame = await frameWith(app, 'Secret volume: file names only');
  assert.equal(services.volumeLists[0]?.volume, 'secret');
  assert.match(frame, /^\s+\/etc\/user-msvc\/secret\/db-password\s*$/m);
  assert.match(frame, /^\s+\/etc\/user-msvc\/secret\/tls\.key\s*$/m);
  for (const absent of ['SIZE', 'MODIFIED', 'du total', 'KiB']) assert.ok(!frame.includes(absent), `no ${absent} for a Secret volume`);
  app.unmount();
});

test('a listing that fails is one line; ? lists the listing keys; q quits', async () => {
  const { app, exits } = await openOn({ kind: 'error', message: 'cannot list user-msvc:/var/log: the image has no sh or find (exec: "sh": not found)' });
  await press(app, 'v', KEY.enter);
  const frame = await frameWith(app, 'volume logs: cannot list');
  assert.equal(frame.split('\n').filter((l) => l.trim() !== '').length, 1, 'one line');
  await press(app, '?');
  await frameWith(app, 'Keys: volume listing');
  await press(app, KEY.esc);
  await frameWith(app, 'volume logs: cannot list');
  await press(app, 'q');
  await frameWhere(app, () => exits() === 1, 'q quits');
  app.unmount();
});
