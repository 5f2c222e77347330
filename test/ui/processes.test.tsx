import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPodHost } from '../../src/model/memo.ts';
import { crashingWithSidecar, NOW } from './fixtures.ts';
import { frameWith, press, renderApp, rowWith, wholeStoreWith } from './harness.tsx';

const WORKER = { namespace: 'shop', name: 'worker-0' };

test('containers are listed as processes in start order with kind badges and the last termination', async () => {
  const store = wholeStoreWith([crashingWithSidecar()]);
  const { app } = await renderApp({ store, initialPod: WORKER }, { columns: 100, rows: 40 });
  const frame = await frameWith(app, '1 Containers');
  const lines = frame.split('\n');
  const index = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const migrate = index(/^[> ] init\s+migrate\s+terminated: Completed/);
  const proxy = index(/^[> ] sidecar\s+proxy\s+running\s+ready/);
  const worker = index(/^[> ] app\s+worker\s+waiting: CrashLoopBackOff\s+not ready\s+restarts 6/);
  assert.ok(migrate >= 0 && proxy > migrate && worker > proxy, `start order in:\n${frame}`);
  assert.match(rowWith(frame, 'last termination'), /OOMKilled, exit 137/);
  app.unmount();
});

test('every diagnosis of the model is drawn, errors marked ✗', async () => {
  const pod = crashingWithSidecar();
  const host = toPodHost(pod, { now: NOW });
  assert.ok(host.diagnosis.length > 0, 'the fixture is diagnosed');
  const store = wholeStoreWith([pod]);
  const { app } = await renderApp({ store, initialPod: WORKER }, { columns: 160, rows: 40 });
  await frameWith(app, '1 Containers');
  await press(app, '2');
  const frame = await frameWith(app, '── 2 Diagnosis');
  for (const d of host.diagnosis) assert.ok(frame.includes(d.code), `diagnosis ${d.code} shown`);
  assert.ok(
    host.diagnosis.some((d) => d.severity === 'error'),
    'the fixture has an error to rank first',
  );
  assert.match(frame.split('── 2 Diagnosis')[1]!.split('\n')[1]!, /^ {2}✗ /);
  app.unmount();
});

test('the list glyphs show one container per glyph, by kind', async () => {
  const store = wholeStoreWith([crashingWithSidecar()]);
  const { app } = await renderApp({ store }, { columns: 100, rows: 24 });
  const frame = await frameWith(app, 'worker-0');
  assert.match(rowWith(frame, 'worker-0'), /▪◆●\s*$/);
  assert.match(rowWith(frame, 'worker-0'), /CrashLoopBackOff/);
  app.unmount();
});
