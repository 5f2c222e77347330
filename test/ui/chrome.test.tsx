import './forceColor.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW, userMsvc, simplePod } from './fixtures.ts';
import { frameWhere, frameWith, KEY, press, renderApp, rowWith, storeWith } from './harness.tsx';
import { PodStore } from '../../src/store/podStore.ts';
import { clockTime } from '../../src/ui/StatusBar.tsx';
import { colorWanted } from '../../src/ui/theme.ts';
import { keysText } from '../../src/ui/keys/keyTable.ts';
import { LIST_KEYS } from '../../src/ui/list/listKeys.ts';

const CSI = '\u001b[';

test('color=false writes no escape sequence at all, in the list and in the Pod view', async () => {
  const store = storeWith([userMsvc(), simplePod('shop', 'web-1', { phase: 'Pending' })]);
  const { app } = await renderApp({ store, color: false }, { columns: 100, rows: 24 });
  let frame = await frameWith(app, 'user-msvc');
  assert.ok(!frame.includes(CSI), 'list frame has no ESC[');
  await press(app, KEY.enter);
  frame = await frameWith(app, '1 Containers');
  assert.ok(!frame.includes(CSI), 'host frame has no ESC[');
  assert.match(frame, /^> /m, 'the selection is still visible without colour');
  app.unmount();
});

test('color=true does colour (so the test above can fail)', async () => {
  const store = storeWith([userMsvc()]);
  const { app } = await renderApp({ store, color: true }, { columns: 100, rows: 24 });
  const frame = await frameWith(app, 'user-msvc');
  assert.ok(frame.includes(CSI));
  app.unmount();
});

test('NO_COLOR (non-empty) turns colour off; empty or unset leaves the flag in charge', () => {
  assert.equal(colorWanted(true, { NO_COLOR: '1' }), false);
  assert.equal(colorWanted(true, { NO_COLOR: '' }), true);
  assert.equal(colorWanted(true, {}), true);
  assert.equal(colorWanted(false, {}), false);
});

test('? lists every key; esc closes help', async () => {
  const store = storeWith([simplePod('shop', 'web-1')]);
  const { app } = await renderApp({ store }, { columns: 100, rows: 34 });
  await frameWith(app, 'web-1');
  await press(app, '?');
  const frame = await frameWith(app, 'Keys');
  for (const k of LIST_KEYS) assert.ok(frame.includes(keysText(k)), `help lists ${keysText(k)}`);
  for (const key of ['j / ↓', '/', 'enter', 'esc', 'l', 's', 'q / ctrl-c']) assert.match(frame, new RegExp(`^${key.replace(/[/?]/g, '\\$&')}\\s`, 'm'));
  await press(app, KEY.esc);
  await frameWith(app, 'NAME');
  app.unmount();
});

test('the status bar shows context, namespace, connection state and counts', async () => {
  const store = storeWith([simplePod('shop', 'web-1'), simplePod('shop', 'web-2')]);
  const { app } = await renderApp({ store, context: 'prod-eu' }, { columns: 120, rows: 24 });
  await frameWith(app, 'prod-eu │ shop │ ● live │ 2 pods');
  store.setConnection({ kind: 'reconnecting', attempt: 3, reason: 'watch stalled\u001b]0;pwned\u0007' });
  let frame = await frameWith(app, 'reconnecting (attempt 3): watch stalled');
  assert.ok(!frame.includes('pwned') && !frame.includes('\u0007'), 'the reason is sanitized');
  store.setConnection({ kind: 'loading', loaded: 1500 });
  await frameWith(app, 'loading 1500…');
  store.setConnection({ kind: 'forbidden', message: 'pods is forbidden at cluster scope' });
  frame = await frameWith(app, 'forbidden: pods is forbidden');
  assert.equal(frame.split('\n').length, 24);
  app.unmount();
});

test('a start-up notice (e.g. -A forbidden) shows in the status bar until the first key', async () => {
  const store = storeWith([simplePod('shop', 'web-1'), simplePod('shop', 'web-2')]);
  const { app } = await renderApp({ store, notice: 'cannot list pods at the cluster scope; showing namespace "shop" instead' }, { columns: 120, rows: 24 });
  await frameWith(app, 'showing namespace "shop" instead');
  await press(app, 'j');
  const frame = await frameWith(app, 'enter open');
  assert.ok(!frame.includes('showing namespace'), 'the notice gives way to the key hint');
  app.unmount();
});

test('the status bar says "all" under -A and the list starts waiting when empty', async () => {
  const store = storeWith([]);
  store.setConnection({ kind: 'connecting' });
  const { app } = await renderApp({ store, allNamespaces: true }, { columns: 80, rows: 24 });
  await frameWith(app, 'waiting for Pods…');
  await frameWith(app, 'kind-demo │ all │ connecting…');
  app.unmount();
});

test('names from the cluster are sanitized before they are drawn', async () => {
  const evil = simplePod('shop', 'web-1');
  evil.spec!.nodeName = 'node\u001b[2J\u001b]8;;http://x\u0007-1';
  const store = storeWith([evil]);
  const { app } = await renderApp({ store, color: false }, { columns: 100, rows: 24 });
  const frame = await frameWith(app, 'web-1');
  assert.ok(!frame.includes('\u001b'), 'no escape reaches the terminal');
  assert.match(frame, /node\ufffd-1/, 'what was removed is marked, not hidden');
  app.unmount();
});

test('while the server is unreachable the rows are greyed and the status bar says since when', async () => {
  let now = NOW;
  const store = new PodStore({ frameMs: 0, now: () => now });
  store.replaceAll([simplePod('shop', 'web-1'), simplePod('shop', 'web-2')], '1');
  store.setConnection({ kind: 'live' });
  const { app } = await renderApp({ store, color: true, now: () => now }, { columns: 140, rows: 24 });
  const GREEN = `${CSI}32m`;
  const GREY = `${CSI}90m`;
  let frame = await frameWith(app, 'web-2');
  assert.ok(rowWith(frame, 'web-2').includes(GREEN), 'a live Running row is green');
  assert.ok(!frame.includes('stale'));

  now = NOW + 5_000;
  store.setConnection({ kind: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:6443' });
  now = NOW + 185_000;
  frame = await frameWith(app, `stale since ${clockTime(NOW + 5_000)} (3m ago)`);
  const row = rowWith(frame, 'web-2');
  assert.ok(row.includes(GREY) && !row.includes(GREEN), `the row is greyed: ${JSON.stringify(row)}`);
  store.setConnection({ kind: 'reconnecting', attempt: 2, reason: 'watch stalled' });
  frame = await frameWith(app, 'reconnecting (attempt 2)');
  assert.match(frame, new RegExp(`stale since ${clockTime(NOW + 5_000)}`), 'the first moment it was lost, kept through retries');

  store.setConnection({ kind: 'live' });
  frame = await frameWhere(app, (f) => f.includes('● live') && !f.includes('stale'), 'live again');
  assert.ok(rowWith(frame, 'web-2').includes(GREEN), 'live again: coloured again');
  app.unmount();
  store.close();
});
