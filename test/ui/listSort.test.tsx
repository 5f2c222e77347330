// Sorting the list by a column with k9s's keys, problems first, and the RESTARTS column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameWith, press, renderApp, storeWith } from './harness.tsx';
import { restarting } from './listFixtures.ts';
import type { PodRow } from '../../src/model/types.ts';
import { RESTARTS_WIDE } from '../../src/ui/list/listColumns.ts';
import { restartsText } from '../../src/ui/list/PodListRow.tsx';
import { listHeader as header, rowNames } from './listFrame.ts';

function cluster() {
  return storeWith([
    restarting('shop', 'a-fine', 0),
    restarting('shop', 'b-crash', 7, { waiting: 'CrashLoopBackOff' }),
    restarting('shop', 'c-restarted', 4),
    restarting('shop', 'd-pending', 0, { waiting: 'ContainerCreating' }),
    restarting('shop', 'e-crash', 2, { waiting: 'CrashLoopBackOff' }),
    restarting('shop', 'f-restarted', 4),
  ]);
}

const order = (frame: string) => rowNames(frame, /^[a-f]-/);

test('T sorts by restarts, most first, ties by name; T again reverses; the header shows it', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 120, rows: 20 });
  await frameWith(app, 'f-restarted');
  await press(app, 'T');
  let frame = await frameWith(app, 'RESTARTS↓');
  assert.deepEqual(order(frame), ['b-crash', 'c-restarted', 'f-restarted', 'e-crash', 'a-fine', 'd-pending']);
  assert.match(frame, /sort restarts/, 'the status bar says the sort');
  await press(app, 'T');
  frame = await frameWith(app, 'RESTARTS↑');
  assert.deepEqual(order(frame), ['a-fine', 'd-pending', 'e-crash', 'c-restarted', 'f-restarted', 'b-crash'], 'reversed; ties keep name order');
  await press(app, 'N');
  frame = await frameWith(app, 'NAME↓');
  assert.deepEqual(order(frame), ['a-fine', 'b-crash', 'c-restarted', 'd-pending', 'e-crash', 'f-restarted']);
  assert.ok(!header(frame).includes('RESTARTS↑'));
  app.unmount();
});

test('! puts failing Pods first, then not-yet-well ones, each by restarts', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 120, rows: 20 });
  await frameWith(app, 'f-restarted');
  await press(app, '!');
  const frame = await frameWith(app, 'STATUS!↓');
  // c- and f-restarted run, but restarted 4 minutes ago: a warning finding (Restarted), as the
  // pending d- is a warning by its STATUS; among warnings, more restarts first.
  assert.deepEqual(order(frame), ['b-crash', 'e-crash', 'c-restarted', 'f-restarted', 'd-pending', 'a-fine']);
  assert.match(frame, /c-restarted .*Restarted/);
  app.unmount();
});

test('the sort holds while Pods change: a Pod moves when its restarts do, the rest and the selection stay put', async () => {
  const store = cluster();
  const { app } = await renderApp({ store }, { columns: 120, rows: 20 });
  await frameWith(app, 'f-restarted');
  await press(app, 'T', 'g', 'j', 'j');
  let frame = await frameWith(app, '> f-restarted');
  const more = restarting('shop', 'a-fine', 9);
  more.metadata!.resourceVersion = '2';
  const again = restarting('shop', 'c-restarted', 4);
  again.metadata!.resourceVersion = '2'; // changed, same restarts: keeps its place
  store.apply([
    { type: 'MODIFIED', pod: more },
    { type: 'MODIFIED', pod: again },
    { type: 'ADDED', pod: restarting('shop', 'c-new', 4) },
  ]);
  frame = await frameWith(app, 'c-new');
  assert.deepEqual(order(frame), ['a-fine', 'b-crash', 'c-new', 'c-restarted', 'f-restarted', 'e-crash', 'd-pending']);
  assert.match(frame, /^> f-restarted/m, 'the selection follows its Pod');
  app.unmount();
});

test("RESTARTS says kubectl's (4m ago) when the last restart is known and the terminal is wide", async () => {
  const wide = await renderApp({ store: cluster() }, { columns: 120, rows: 20 });
  const frame = await frameWith(wide.app, 'f-restarted');
  assert.match(frame.split('\n').find((l) => l.includes('b-crash'))!, /7 \(4m ago\)/);
  assert.match(frame.split('\n').find((l) => l.includes('a-fine'))!, / 0 /);
  wide.app.unmount();
  const narrow = await renderApp({ store: cluster() }, { columns: 80, rows: 20 });
  const small = await frameWith(narrow.app, 'f-restarted');
  assert.ok(!small.includes('ago)'), 'narrow terminals keep the count alone');
  narrow.app.unmount();
});

test('RESTARTS gives "(4m30s ago)" its first unit, "(4m ago)", before it gives up the age', () => {
  const row = { restarts: 14, lastRestartAgeSeconds: 270 } as PodRow;
  assert.equal(restartsText(row, 14, 0), '14 (4m30s ago)');
  assert.equal(restartsText(row, RESTARTS_WIDE, 0), '14 (4m ago)');
  assert.equal(restartsText({ ...row, lastRestartAgeSeconds: 6 * 86400 + 23 * 3600 }, RESTARTS_WIDE, 0), '14 (6d ago)');
  assert.equal(restartsText({ ...row, restarts: 3, lastRestartAgeSeconds: 6 * 86400 + 23 * 3600 }, RESTARTS_WIDE, 0), '3 (6d23h ago)');
  assert.equal(restartsText(row, 8, 0), '14');
});

test('on a narrow terminal the sort arrow keeps its place in a short column', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 80, rows: 20 });
  await frameWith(app, 'f-restarted');
  await press(app, 'T');
  const frame = await frameWith(app, 'RESTART↓');
  assert.deepEqual(order(frame).slice(0, 2), ['b-crash', 'c-restarted']);
  await press(app, 'R');
  await frameWith(app, 'READ↓');
  app.unmount();
});
