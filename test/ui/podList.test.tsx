import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simplePod, userMsvc } from './fixtures.ts';
import { frameWith, frameWhere, KEY, press, renderApp, rowWith, storeWith } from './harness.tsx';

const names = (n: number) => Array.from({ length: n }, (_, i) => `web-${String(i).padStart(3, '0')}`);

test('the list shows kubectl columns, one row per Pod, sorted, with the namespace column under -A', async () => {
  const store = storeWith([simplePod('shop', 'web-b'), userMsvc(), simplePod('auth', 'web-a', { node: 'node-7' })]);
  const { app } = await renderApp({ store, allNamespaces: true }, { columns: 100, rows: 24 });
  const frame = await frameWith(app, 'user-msvc');
  const header = frame.split('\n')[0]!;
  for (const column of ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE']) assert.ok(header.includes(column), `${column} in ${header}`);
  const lines = frame.split('\n');
  assert.ok(lines.findIndex((l) => l.includes('web-a')) < lines.findIndex((l) => l.includes('user-msvc')), 'namespace auth sorts before shop');
  assert.ok(lines.findIndex((l) => l.includes('user-msvc')) < lines.findIndex((l) => l.includes('web-b')), 'names sort within a namespace');
  const row = rowWith(frame, 'user-msvc');
  assert.match(row, /^> |^ {2}/);
  assert.match(row, /shop\s+user-msvc\s+3\/3\s+Running\s+2\s+3h\s+node-2\s+●●●/);
  assert.match(rowWith(frame, 'web-a'), /node-7/);
  app.unmount();
});

test('without -A there is no NAMESPACE column and the status bar names the namespace', async () => {
  const store = storeWith([simplePod('shop', 'web-b')]);
  const { app } = await renderApp({ store }, { columns: 80, rows: 24 });
  const frame = await frameWith(app, 'web-b');
  assert.ok(!frame.includes('NAMESPACE'));
  assert.match(frame.split('\n').at(-1)!, /kind-demo │ shop │ ● live │ 1 pods/);
  assert.equal(frame.split('\n').length, 24, 'the frame fills the terminal exactly');
  app.unmount();
});

test('j/k, arrows, G/g and PgDn move the selection', async () => {
  const store = storeWith(names(50).map((n) => simplePod('shop', n)));
  const { app } = await renderApp({ store }, { columns: 80, rows: 24 });
  await frameWith(app, '> web-000');
  await press(app, 'j', 'j', KEY.down);
  await frameWith(app, '> web-003');
  await press(app, 'k', KEY.up);
  await frameWith(app, '> web-001');
  await press(app, 'G');
  let frame = await frameWith(app, '> web-049');
  assert.ok(!frame.includes('web-000'), 'the window scrolled to the end');
  await press(app, 'g');
  await frameWith(app, '> web-000');
  await press(app, KEY.pageDown);
  frame = await frameWith(app, '> web-022');
  assert.ok(!frame.includes('web-000 '), 'a page down scrolls the window');
  app.unmount();
});

test('only the rows that fit are rendered, however many Pods there are', async () => {
  const store = storeWith(Array.from({ length: 5000 }, (_, i) => simplePod(`ns-${i % 50}`, `pod-${i}`)));
  const { app } = await renderApp({ store, allNamespaces: true }, { columns: 100, rows: 24 });
  const frame = await frameWith(app, '5000 pods');
  const lines = frame.split('\n');
  assert.equal(lines.length, 24);
  assert.equal(lines.filter((l) => /pod-\d+/.test(l)).length, 22, 'header + 22 rows + status bar');
  app.unmount();
});

test('the selection stays on the same Pod while others are added and removed', async () => {
  const pods = names(10).map((n) => simplePod('shop', n));
  const store = storeWith(pods);
  const { app } = await renderApp({ store }, { columns: 80, rows: 24 });
  await frameWith(app, '> web-000');
  await press(app, 'j', 'j', 'j', 'j', 'j');
  await frameWith(app, '> web-005');
  // Pods sorting before the selection appear and disappear.
  store.apply([
    { type: 'ADDED', pod: simplePod('shop', 'aaa-new') },
    { type: 'ADDED', pod: simplePod('shop', 'web-0005') },
  ]);
  let frame = await frameWith(app, 'aaa-new');
  assert.match(frame, /> web-005/);
  store.replaceAll(pods.filter((p) => p.metadata!.name !== 'web-001' && p.metadata!.name !== 'web-002'));
  frame = await frameWhere(app, (f) => !f.includes('web-001'), 'web-001 gone');
  assert.match(frame, /> web-005/);
  // When the selected Pod itself leaves, the selection stays at the same place.
  store.replaceAll(pods.filter((p) => !['web-001', 'web-002', 'web-005'].includes(p.metadata!.name!)));
  frame = await frameWhere(app, (f) => !f.includes('web-005'), 'web-005 gone');
  assert.match(frame, /> web-006/);
  app.unmount();
});

test('a deleted Pod stays listed as Deleted until the store lets it go', async () => {
  const pods = [simplePod('shop', 'web-a'), simplePod('shop', 'web-b')];
  const store = storeWith(pods);
  const { app } = await renderApp({ store }, { columns: 80, rows: 24 });
  await frameWith(app, 'web-b');
  store.apply([{ type: 'DELETED', pod: pods[1]! }]);
  const frame = await frameWith(app, 'Deleted');
  assert.match(rowWith(frame, 'web-b'), /Deleted/);
  assert.match(rowWith(frame, 'web-a'), /Running/);
  app.unmount();
});

test('q and ctrl-c quit through onExit', async () => {
  const store = storeWith([simplePod('shop', 'web-a')]);
  const { app, exits } = await renderApp({ store }, { columns: 80, rows: 24 });
  await frameWith(app, 'web-a');
  await press(app, 'q');
  assert.equal(exits(), 1);
  await press(app, '\u0003');
  assert.equal(exits(), 2);
  app.unmount();
});
