// `:sort COLUMN` in the `:` prompt: the list sorts as its shift-letter keys sort it, the header
// and the status bar show it, tab completes the column, an unknown one is an error line. It
// needs no cluster: these lists have no scope store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameWhere, frameWith, KEY, press, renderApp, storeWith } from './harness.tsx';
import { restarting } from './listFixtures.ts';
import { listHeader as header, rowNames } from './listFrame.ts';

function cluster() {
  return storeWith([
    restarting('shop', 'a-fine', 0),
    restarting('shop', 'b-crash', 7, { waiting: 'CrashLoopBackOff' }),
    restarting('shop', 'c-restarted', 4, { node: 'node-3' }),
    restarting('shop', 'd-pending', 0, { waiting: 'ContainerCreating', node: 'node-2' }),
  ]);
}

const order = (frame: string) => rowNames(frame, /^[a-d]-/);
const statusOf = (frame: string) => frame.split('\n').at(-1)!;
const type = (text: string) => text.split('');

test(':sort re, tab offers ready and restarts; :sort restarts sorts as T does, the header and status bar say so', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 120, rows: 12 });
  await frameWith(app, 'd-pending');
  await press(app, ':', ...type('so'), KEY.tab);
  await frameWith(app, ':sort _');
  await press(app, 'r', 'e', KEY.tab);
  let frame = await frameWhere(app, (f) => statusOf(f).startsWith(':sort re_'), 'sort re');
  assert.match(statusOf(frame), /ready\s+restarts/);
  await press(app, 's', KEY.tab);
  await frameWith(app, ':sort restarts_');
  await press(app, KEY.enter);
  frame = await frameWith(app, 'RESTARTS↓');
  assert.deepEqual(order(frame), ['b-crash', 'c-restarted', 'a-fine', 'd-pending']);
  assert.match(statusOf(frame), /sort restarts/);
  // -COLUMN turns it round, as T again would.
  await press(app, ':', ...type('sort -restarts'), KEY.enter);
  frame = await frameWith(app, 'RESTARTS↑');
  assert.deepEqual(order(frame), ['a-fine', 'd-pending', 'c-restarted', 'b-crash']);
  assert.match(statusOf(frame), /sort restarts \(reversed\)/);
  app.unmount();
});

test(':sort node desc, :sort finding (problems first) and back to :sort name', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 120, rows: 12 });
  await frameWith(app, 'd-pending');
  await press(app, ':', ...type('sort node desc'), KEY.enter);
  let frame = await frameWith(app, 'NODE↑');
  assert.deepEqual(order(frame), ['c-restarted', 'd-pending', 'a-fine', 'b-crash']);
  await press(app, ':', ...type('sort finding'), KEY.enter);
  frame = await frameWith(app, 'STATUS!↓');
  assert.deepEqual(order(frame), ['b-crash', 'c-restarted', 'd-pending', 'a-fine']);
  await press(app, ':', ...type('sort NAME'), KEY.enter);
  frame = await frameWith(app, 'NAME↓');
  assert.deepEqual(order(frame), ['a-fine', 'b-crash', 'c-restarted', 'd-pending']);
  assert.ok(!header(frame).includes('!'));
  app.unmount();
});

test('an unknown column is one error line naming the columns, and the order stays', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 160, rows: 12 });
  await frameWith(app, 'd-pending');
  await press(app, 'T');
  await frameWith(app, 'RESTARTS↓');
  await press(app, ':', ...type('sort bogus'), KEY.enter);
  const frame = await frameWith(app, 'no column "bogus" to sort by');
  assert.match(statusOf(frame), /no column "bogus" to sort by \(age, cpu, finding, mem, name/);
  assert.deepEqual(order(frame), ['b-crash', 'c-restarted', 'a-fine', 'd-pending']);
  assert.match(header(frame), /RESTARTS↓/);
  // :ns without a cluster is still refused in one line.
  await press(app, ':', ...type('ns shop'), KEY.enter);
  await frameWith(app, 'switching namespace needs a live cluster');
  app.unmount();
});

test(':sort typed ahead in one chunk with the : (a paste, tmux send-keys) runs; without the enter the prompt holds it', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 120, rows: 12 });
  await frameWith(app, 'd-pending');
  await press(app, ':sort restarts\r');
  const frame = await frameWith(app, 'RESTARTS↓');
  assert.deepEqual(order(frame), ['b-crash', 'c-restarted', 'a-fine', 'd-pending']);
  await press(app, ':sort na');
  await frameWith(app, ':sort na_');
  await press(app, 'm', 'e', KEY.enter);
  assert.deepEqual(order(await frameWith(app, 'NAME↓')), ['a-fine', 'b-crash', 'c-restarted', 'd-pending']);
  app.unmount();
});
