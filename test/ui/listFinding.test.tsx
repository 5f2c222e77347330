// The list's FINDING column: the worst finding's code, coloured by its severity as the host
// view colours it, shown when the terminal is wide and left out at 80 columns before NAME
// would shrink; its legend in `?`.
import './forceColor.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { NOW, simplePod } from './fixtures.ts';
import { frameWith, KEY, press, renderApp, rowWith, storeWith } from './harness.tsx';
import { restarting } from './listFixtures.ts';
import { listHeader as header } from './listFrame.ts';

const CSI = '\u001b[';
const RED = `${CSI}31m`;
const YELLOW = `${CSI}33m`;

function unschedulable(): V1Pod {
  const pod = simplePod('shop', 'd-unschedulable-storefront-7d4b9c8f6-x2k9p', { phase: 'Pending' });
  pod.spec!.nodeName = undefined;
  pod.status = {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.', lastTransitionTime: new Date(NOW - 600_000) }],
  };
  return pod;
}

function cluster() {
  return storeWith([
    restarting('shop', 'a-fine-storefront-7d4b9c8f6-abcde', 0),
    restarting('shop', 'b-crash-storefront-7d4b9c8f6-fghij', 7, { waiting: 'CrashLoopBackOff' }),
    restarting('shop', 'c-restarted-storefront-7d4b9c8f6-klmno', 4),
    unschedulable(),
  ]);
}

test('200 columns: FINDING shows each Pod its worst code; a healthy Pod has none', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 200, rows: 12 });
  const frame = await frameWith(app, 'FINDING');
  assert.match(header(frame), /AGE +NODE +FINDING +CTRS/);
  assert.match(rowWith(frame, 'b-crash'), /CrashLoopBackOff +7 .* CrashLoopBackOff +●/);
  assert.match(rowWith(frame, 'c-restarted'), / Restarted +●/);
  assert.match(rowWith(frame, 'd-unschedulable'), / Unschedulable +/);
  // The finding sits under its header, and a healthy Pod's cell is blank.
  const at = header(frame).indexOf('FINDING');
  assert.equal(rowWith(frame, 'b-crash').slice(at, at + 16), 'CrashLoopBackOff');
  assert.equal(
    rowWith(frame, 'a-fine')
      .slice(at, at + 16)
      .trim(),
    '',
  );
  app.unmount();
});

test('the code is red for an error and yellow for a warning, as in the host view', async () => {
  const { app } = await renderApp({ store: cluster(), color: true }, { columns: 200, rows: 12 });
  const frame = await frameWith(app, 'FINDING');
  assert.ok(rowWith(frame, 'd-unschedulable').includes(`${RED}Unschedulable`), 'Unschedulable in red');
  assert.ok(rowWith(frame, 'c-restarted').includes(`${YELLOW}Restarted`), 'Restarted in yellow');
  app.unmount();
});

test('80 columns: no FINDING, and NAME as wide as in a list with no finding at all', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 80, rows: 12 });
  const frame = await frameWith(app, 'NAME');
  assert.ok(!frame.includes('FINDING'));
  assert.ok(!rowWith(frame, 'c-restarted').includes(' Restarted'));
  assert.match(frame, /c-restarted-storefront-7d4b/);
  app.unmount();
  const healthy = storeWith([restarting('shop', 'a-fine-storefront-7d4b9c8f6-abcde', 0)]);
  const { app: plain } = await renderApp({ store: healthy }, { columns: 80, rows: 12 });
  assert.equal(header(frame), header(await frameWith(plain, 'a-fine')));
  plain.unmount();
});

test('? explains the FINDING column and what only the host view can say', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 120, rows: 60 });
  await frameWith(app, 'a-fine');
  await press(app, '?');
  const frame = await frameWith(app, 'FINDING column');
  assert.match(frame, /events,\s+metrics or the probe/);
  assert.match(frame, /NearMemoryLimit/);
  await press(app, KEY.esc);
  app.unmount();
});

test('the filter finds Pods by their finding: finding:crash, finding:restarted', async () => {
  const { app } = await renderApp({ store: cluster() }, { columns: 200, rows: 12 });
  await frameWith(app, 'a-fine');
  await press(app, '/', ...'finding:crash'.split(''), KEY.enter);
  let frame = await frameWith(app, 'filter: finding:crash');
  assert.ok(frame.includes('b-crash') && !frame.includes('c-restarted') && !frame.includes('a-fine'), frame);
  await press(app, KEY.esc, '/', ...'finding:restarted'.split(''), KEY.enter);
  frame = await frameWith(app, 'filter: finding:restarted');
  assert.ok(frame.includes('c-restarted') && !frame.includes('b-crash') && !frame.includes('d-unschedulable'), frame);
  app.unmount();
});
