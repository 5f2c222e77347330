// The list's field filters as a user types them, and the filter remembered while the Pod is open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restarting } from './listFixtures.ts';
import { frameWhere, frameWith, KEY, press, renderApp, storeWith } from './harness.tsx';

function cluster() {
  return storeWith([
    restarting('shop', 'web-1', 0, { node: 'pool-1-a', labels: { app: 'web' } }),
    restarting('shop', 'web-2', 7, { node: 'pool-2-b', waiting: 'CrashLoopBackOff', labels: { app: 'web' } }),
    restarting('shop', 'api-1', 4, { node: 'pool-2-c', container: 'istio-proxy', image: 'envoyproxy/envoy:v1.30', labels: { app: 'api' } }),
    restarting('pay', 'web-9', 2, { node: 'pool-2-d', labels: { app: 'web' } }),
  ]);
}

const podRows = (frame: string) =>
  frame
    .split('\n')
    .filter((l) => /^[> ] \S+ +(web|api)-/.test(l) || /^[> ] (web|api)-/.test(l))
    .map((l) => l.slice(2).trim().split(/\s+/).slice(0, 2).join(' '));

const names = (frame: string) => podRows(frame).map((r) => r.split(' ')[0]);

async function filtered(app: Awaited<ReturnType<typeof renderApp>>['app'], text: string, shown: string): Promise<string> {
  await press(app, '/');
  app.stdin.write(text);
  const frame = await frameWith(app, shown);
  await press(app, KEY.esc);
  await frameWith(app, '│ 4 pods');
  return frame;
}

test('field terms narrow the list and combine with text and selectors', async () => {
  const { app } = await renderApp({ store: cluster(), allNamespaces: true }, { columns: 120, rows: 20 });
  await frameWith(app, 'web-9');
  assert.deepEqual(podRows(await filtered(app, 'status:CrashLoop', '1/4 pods')), ['shop web-2']);
  assert.deepEqual(podRows(await filtered(app, 'restarts>3', '2/4 pods')), ['shop api-1', 'shop web-2']);
  assert.deepEqual(podRows(await filtered(app, 'restarts<=2', '2/4 pods')), ['pay web-9', 'shop web-1']);
  assert.deepEqual(podRows(await filtered(app, 'node:pool-2 ns:shop', '2/4 pods')), ['shop api-1', 'shop web-2']);
  assert.deepEqual(podRows(await filtered(app, 'container:istio-proxy', '1/4 pods')), ['shop api-1']);
  assert.deepEqual(podRows(await filtered(app, 'image:envoy', '1/4 pods')), ['shop api-1']);
  assert.deepEqual(podRows(await filtered(app, 'label:app=web restarts>0 web', '2/4 pods')), ['pay web-9', 'shop web-2']);
  assert.deepEqual(podRows(await filtered(app, 'app=web node:pool-2', '2/4 pods')), ['pay web-9', 'shop web-2']);
  app.unmount();
});

test('a bad term is one line in the filter bar and the list stays whole', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 100, rows: 20 });
  await frameWith(app, 'web-9');
  await press(app, '/');
  app.stdin.write('restarts>lots');
  const frame = await frameWhere(app, (f) => f.includes('needs a whole number'), 'the error line');
  assert.equal(frame.split('\n').filter((l) => l.includes('needs a whole number')).length, 1);
  assert.equal(podRows(frame).length, 4);
  app.unmount();
});

test('the filter is remembered while a Pod is open and shown in the status bar', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 120, rows: 20 });
  await frameWith(app, 'web-9');
  await press(app, '/');
  app.stdin.write('status:CrashLoop');
  await press(app, KEY.enter);
  let frame = await frameWith(app, '1/4 pods · filter status:CrashLoop');
  await press(app, KEY.enter);
  frame = await frameWhere(app, (f) => !f.includes('filter: status'), 'the Pod view');
  assert.match(frame, /filter status:CrashLoop/, 'the status bar keeps saying it on the Pod view');
  await press(app, KEY.esc);
  frame = await frameWith(app, 'filter: status:CrashLoop');
  assert.deepEqual(names(frame), ['web-2']);
  app.unmount();
});

test('a Pod that starts crashing joins a status filter, alone, as it changes', async () => {
  const store = cluster();
  const { app } = await renderApp({ store }, { columns: 120, rows: 20 });
  await frameWith(app, 'web-9');
  await press(app, '/');
  app.stdin.write('status:CrashLoop');
  await press(app, KEY.enter);
  await frameWith(app, '1/4 pods');
  const now = restarting('shop', 'web-1', 1, { node: 'pool-1-a', waiting: 'CrashLoopBackOff', labels: { app: 'web' } });
  now.metadata!.resourceVersion = '2';
  store.apply([{ type: 'MODIFIED', pod: now }]);
  const frame = await frameWith(app, '2/4 pods');
  assert.deepEqual(names(frame), ['web-1', 'web-2']);
  app.unmount();
});
