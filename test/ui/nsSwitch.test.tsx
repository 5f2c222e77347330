// The `:ns` prompt on the list: completion, the switch shown while the old Pods stay, errors in
// one line, -A and back. The cluster side is played by the test through the ScopeStore.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScopeStore } from '../../src/store/scopeSwitch.ts';
import { simplePod } from './fixtures.ts';
import { frameWhere, frameWith, KEY, press, renderApp, rowWith, storeWith } from './harness.tsx';

const statusOf = (frame: string) => frame.split('\n').at(-1)!;

test(':ns completes a namespace, shows the switch until the new list is in, and :ns - goes back', async () => {
  const store = storeWith([simplePod('shop', 'web-1'), simplePod('shop', 'web-2')]);
  const scope = new ScopeStore('kind-demo', 'shop');
  const { app } = await renderApp({ store, scope }, { columns: 120, rows: 12 });
  await frameWith(app, 'web-1');
  await press(app, ':');
  await frameWith(app, ':_');
  // The prompt asked the cluster for the names once; the feed answers.
  assert.equal(scope.takeNamesRequest(), true);
  assert.equal(scope.takeNamesRequest(), false);
  scope.setNames(['shop', 'payments', 'platform']);
  await press(app, 'n', KEY.tab);
  let frame = await frameWith(app, 'payments  platform  shop');
  assert.match(statusOf(frame), /^:ns _/);
  await press(app, 'p');
  frame = await frameWhere(app, (f) => statusOf(f).startsWith(':ns p_'), 'typed p');
  assert.match(statusOf(frame), /payments\s+platform/);
  assert.ok(!statusOf(frame).includes('shop'));
  await press(app, 'a', KEY.tab);
  await frameWith(app, ':ns payments_');
  await press(app, KEY.enter);
  assert.deepEqual(scope.take(), { namespace: 'payments' });
  frame = await frameWith(app, 'switching…');
  assert.match(statusOf(frame), /^kind-demo │ shop → payments \(switching…\)/);
  assert.match(frame, /web-1/, 'the old Pods stay while the new list loads');
  // The new watch's list arrives.
  store.replaceAll([simplePod('payments', 'pay-1')], '9');
  scope.switched('payments');
  frame = await frameWhere(app, (f) => f.includes('pay-1') && !f.includes('switching'), 'switched');
  assert.match(statusOf(frame), /^kind-demo │ payments │/);
  assert.ok(!frame.includes('web-1'));
  // A name the cluster does not have is said at once; nothing is asked.
  await press(app, ':', ...'ns shp'.split(''), KEY.enter);
  await frameWith(app, 'namespace "shp" not found');
  assert.equal(scope.take(), undefined);
  // Recent namespaces: `:-` is the one before.
  await press(app, ':');
  frame = await frameWith(app, 'recent: shop');
  await press(app, 'n', 's', ' ');
  frame = await frameWhere(app, (f) => statusOf(f).startsWith(':ns _'), 'ns typed');
  assert.match(statusOf(frame), /:ns _\s+shop\s+payments\s+platform/, 'the recent namespace first');
  await press(app, KEY.esc, ':', '-', KEY.enter);
  assert.deepEqual(scope.take(), { namespace: 'shop' });
  app.unmount();
});

test('a refused switch is one line and the old namespace stays; :ns all shows every namespace', async () => {
  const store = storeWith([simplePod('shop', 'web-1')]);
  const scope = new ScopeStore('kind-demo', 'shop');
  const { app } = await renderApp({ store, scope }, { columns: 120, rows: 12 });
  await frameWith(app, 'web-1');
  await press(app, ':', ...'ns secrets'.split(''), KEY.enter);
  assert.deepEqual(scope.take(), { namespace: 'secrets' });
  scope.failed('forbidden: cannot list pods in namespace "secrets"');
  let frame = await frameWith(app, 'forbidden: cannot list');
  assert.match(statusOf(frame), /^kind-demo │ shop │ .*forbidden: cannot list pods in namespace "secrets"/);
  assert.match(frame, /web-1/);
  // Not a name at all: said at once, nothing asked of the cluster.
  await press(app, ':', ...'ns BAD'.split(''), KEY.enter);
  frame = await frameWith(app, 'is not a namespace name');
  assert.equal(scope.take(), undefined);
  // esc leaves the prompt without asking anything.
  await press(app, ':', 'x');
  await frameWith(app, ':x_');
  await press(app, KEY.esc);
  await frameWhere(app, (f) => !f.includes(':x_'), 'prompt closed');
  assert.equal(scope.take(), undefined);
  // -A: every namespace, with the NAMESPACE column.
  await press(app, ':', ...'ns all'.split(''), KEY.enter);
  assert.deepEqual(scope.take(), { namespace: undefined });
  // `0` asks the same at once.
  await press(app, '0');
  assert.deepEqual(scope.take(), { namespace: undefined });
  store.replaceAll([simplePod('shop', 'web-1'), simplePod('payments', 'pay-1')], '10');
  scope.switched(undefined);
  frame = await frameWhere(app, (f) => f.includes('pay-1') && !f.includes('switching'), 'all namespaces');
  assert.match(statusOf(frame), /^kind-demo │ all │/);
  assert.match(rowWith(frame, 'pay-1'), /payments/);
  app.unmount();
});

test(':ctx NAME asks for another context; the status bar shows it switching, then the new context and namespace', async () => {
  const store = storeWith([simplePod('shop', 'web-1')]);
  const scope = new ScopeStore('kind-demo', 'shop');
  const { app } = await renderApp({ store, scope }, { columns: 120, rows: 12 });
  await frameWith(app, 'web-1');
  await press(app, ':');
  await frameWhere(app, (f) => statusOf(f).startsWith(':_'), 'empty prompt');
  // Pasted with its enter, as one chunk.
  await press(app, 'ctx kind-prod\r');
  assert.deepEqual(scope.take(), { context: 'kind-prod' });
  let frame = await frameWith(app, 'switching…');
  assert.match(statusOf(frame), /^kind-demo │ shop → context kind-prod \(switching…\)/);
  store.replaceAll([simplePod('web', 'front-1')], '3');
  scope.switchedContext('kind-prod', 'web');
  frame = await frameWhere(app, (f) => f.includes('front-1') && !f.includes('switching'), 'switched context');
  assert.match(statusOf(frame), /^kind-prod │ web │/);
  app.unmount();
});
