// From a diagnosis line to its evidence (n/N move the cursor, enter opens, esc comes back).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { conflictingPorts, crashingWithSidecar, simplePod } from './fixtures.ts';
import { frameWhere, frameWith, KEY, press, renderApp, rowWith, until, wholeStoreWith } from './harness.tsx';

const cursorLine = (frame: string) => frame.split('\n').find((l) => /^> [✗!i] /.test(l));

test('enter on a crash opens the ended instance logs; esc comes back to the same diagnosis line', async () => {
  const pod = crashingWithSidecar();
  const { app, services } = await renderApp({ store: wholeStoreWith([pod]) }, { columns: 120, rows: 30 });
  await press(app, KEY.enter);
  await frameWith(app, '1 Containers');
  // The cursor shows only once used.
  assert.equal(cursorLine(app.lastFrame()!), undefined);
  await press(app, 'n');
  let frame = await frameWhere(app, (f) => cursorLine(f) !== undefined, 'the finding cursor');
  const first = cursorLine(frame)!;
  assert.match(first, /CrashLoopBackOff|OOMKilled/);
  await press(app, KEY.enter);
  await until(() => services.logs.length === 1, 'a log request');
  // The worker is waiting to start again: the instance that ended is the previous one.
  assert.deepEqual(services.logs[0], { namespace: 'shop', name: 'worker-0', container: 'worker', previous: true, follow: false, tailLines: 200 });
  await press(app, KEY.esc);
  frame = await frameWhere(app, (f) => cursorLine(f) !== undefined, 'back in the Pod view');
  assert.equal(cursorLine(frame), first);
  app.unmount();
});

test('a container terminated for good shows its current instance logs', async () => {
  const pod = simplePod('shop', 'job-1', { uid: 'uid-job-1', phase: 'Failed' });
  pod.spec!.restartPolicy = 'Never';
  pod.spec!.containers = [{ name: 'task', image: 'task:1' }];
  pod.status!.containerStatuses = [{ name: 'task', image: 'task:1', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } }];
  const { app, services } = await renderApp({ store: wholeStoreWith([pod]), initialPod: { namespace: 'shop', name: 'job-1' } }, { columns: 120, rows: 30 });
  await frameWith(app, 'ContainerFailed');
  // enter without moving the cursor opens the worst line's evidence.
  await press(app, KEY.enter);
  await until(() => services.logs.length === 1, 'a log request');
  assert.deepEqual(services.logs[0], { namespace: 'shop', name: 'job-1', container: 'task', follow: false, tailLines: 200 });
  app.unmount();
});

function unschedulable(): V1Pod {
  const pod = simplePod('shop', 'pending-1', { uid: 'uid-pending-1', phase: 'Pending' });
  pod.status!.containerStatuses = [];
  pod.status!.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }];
  return pod;
}

test('enter on a scheduling finding scrolls to the events and marks the scheduler ones; esc returns', async () => {
  const key = { namespace: 'shop', name: 'pending-1' };
  const focused = new FocusedPodStore();
  focused.focus(key);
  focused.write(key, {
    details: {
      events: [
        { type: 'Warning', reason: 'BackOff', message: 'unrelated warning', count: 1 },
        { type: 'Warning', reason: 'FailedScheduling', message: '0/3 nodes are available', count: 4 },
      ],
      notes: [],
    },
  });
  const { app } = await renderApp({ store: wholeStoreWith([unschedulable()]), focused, initialPod: key }, { columns: 120, rows: 20 });
  await frameWith(app, 'Unschedulable');
  await press(app, 'n');
  const before = await frameWhere(app, (f) => cursorLine(f)?.includes('Unschedulable') === true, 'cursor on Unschedulable');
  await press(app, KEY.enter);
  const frame = await frameWhere(app, (f) => f.includes('FailedScheduling') && /^> /m.test(rowWith(f, 'FailedScheduling')), 'the marked event');
  assert.match(rowWith(frame, 'FailedScheduling'), /^>\s+FailedScheduling ×4/);
  assert.match(rowWith(frame, 'unrelated warning'), /^\s+BackOff/);
  await press(app, KEY.esc);
  const back = await frameWhere(app, (f) => !f.includes('FailedScheduling'), 'back at the diagnosis');
  assert.equal(cursorLine(back), cursorLine(before));
  assert.equal(back, before);
  app.unmount();
});

test('enter on a port finding shows the port map and runs the probe', async () => {
  const { app, services } = await renderApp({ store: wholeStoreWith([conflictingPorts()]), initialPod: { namespace: 'shop', name: 'clash' } }, { columns: 100, rows: 14 });
  services.probeResult = { ok: false, reason: 'no shell with cat in any container' };
  await frameWith(app, 'PortDeclaredTwice');
  assert.equal(services.probeResult.ok, false);
  await press(app, 'n', KEY.enter);
  const frame = await frameWith(app, 'probe: skipped: no shell with cat');
  // The Ports section is at the top of the body, under the section bar.
  assert.match(frame.split('\n')[3]!, /^── 4 Ports/);
  assert.match(rowWith(frame, '127.0.0.1:8080/TCP'), /web, metrics\s+CONFLICT/);
  await press(app, KEY.esc);
  await frameWhere(app, (f) => cursorLine(f)?.includes('PortDeclaredTwice') === true, 'back on the line');
  app.unmount();
});

test('enter on a mount finding marks the volume row; esc returns to the line', async () => {
  const pod = simplePod('shop', 'vols', { uid: 'uid-vols' });
  pod.spec!.volumes = [
    { name: 'cache', emptyDir: {} },
    { name: 'spare', emptyDir: {} },
  ];
  pod.spec!.containers = [{ name: 'app', image: 'app:1', volumeMounts: [{ name: 'cache', mountPath: '/cache' }] }];
  const { app } = await renderApp({ store: wholeStoreWith([pod]), initialPod: { namespace: 'shop', name: 'vols' } }, { columns: 100, rows: 24 });
  await frameWith(app, 'VolumeUnused');
  await press(app, 'n');
  const before = await frameWhere(app, (f) => cursorLine(f)?.includes('VolumeUnused') === true, 'cursor on VolumeUnused');
  await press(app, KEY.enter);
  const frame = await frameWhere(app, (f) => /^ >spare/m.test(f), 'the marked volume');
  assert.match(rowWith(frame, 'cache'), /^ {2}cache/);
  await press(app, KEY.esc);
  const back = await frameWhere(app, (f) => !/^ >spare/m.test(f), 'unmarked');
  assert.equal(back, before);
  app.unmount();
});
