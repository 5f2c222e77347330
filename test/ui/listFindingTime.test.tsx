// The list's FINDING follows the clock, as the host view's diagnosis does: a restart stops
// being news an hour after it, a start becomes stuck after STUCK_START_SECONDS, with no watch
// event in between. The column, the `finding:` filter and the problems-first sort all move.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { findingTimeline } from '../../src/model/findingTimeline.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { NOW, simplePod } from './fixtures.ts';
import { frameWhere, frameWith, KEY, press, renderApp, rowWith } from './harness.tsx';
import { restarting } from './listFixtures.ts';
import { listHeader as header, rowNames } from './listFrame.ts';

/** A store on a clock the test moves, keeping findings as the TUI does. */
function storeAt(clock: { now: number }, pods: V1Pod[]): PodStore {
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 60_000, now: () => clock.now, findingOf: findingTimeline });
  store.replaceAll(pods, '1');
  store.setConnection({ kind: 'live' });
  return store;
}

/** Times as the watch brings them: RFC 3339 text (the cluster layer parses no dates). */
const wireTime = (ms: number) => new Date(ms).toISOString() as unknown as Date;

function restartedAgo(name: string, ms: number): V1Pod {
  const pod = restarting('shop', name, 4);
  pod.status!.containerStatuses![0]!.lastState = { terminated: { exitCode: 1, finishedAt: wireTime(NOW - ms) } };
  return pod;
}

function creatingFor(name: string, ms: number): V1Pod {
  const pod = simplePod('shop', name, { phase: 'Pending' });
  pod.metadata!.creationTimestamp = wireTime(NOW - ms);
  pod.status = {
    phase: 'Pending',
    startTime: wireTime(NOW - ms),
    containerStatuses: [{ name: 'app', image: 'nginx:1.27', imageID: '', ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
  };
  return pod;
}

/** The row's FINDING cell: under the header, up to the next column. */
const findingCell = (frame: string, name: string) => {
  const at = header(frame).indexOf('FINDING');
  return rowWith(frame, name).slice(at, header(frame).indexOf('CTRS')).trim();
};
const order = (frame: string) => rowNames(frame, /^[a-f]-/);

test('a restart 59 minutes ago: Restarted, until the clock passes the hour with no event; filter and sort follow', async () => {
  const clock = { now: NOW };
  const store = storeAt(clock, [
    restarting('shop', 'a-fine', 0),
    restarting('shop', 'b-crash', 7, { waiting: 'CrashLoopBackOff' }),
    restartedAgo('c-restarted', 59 * 60_000),
    restarting('shop', 'd-pending', 0, { waiting: 'ContainerCreating' }),
  ]);
  const { app } = await renderApp({ store, now: () => clock.now }, { columns: 200, rows: 14 });
  let frame = await frameWith(app, 'FINDING');
  assert.equal(findingCell(frame, 'c-restarted'), 'Restarted');
  await press(app, '!');
  frame = await frameWith(app, 'STATUS!↓');
  assert.deepEqual(order(frame), ['b-crash', 'c-restarted', 'd-pending', 'a-fine'], 'the recent restart is a warning, with more restarts than d-pending');
  await press(app, '/', ...'finding:restarted'.split(''), KEY.enter);
  frame = await frameWith(app, 'filter: finding:restarted');
  assert.ok(frame.includes('c-restarted') && !frame.includes('a-fine'), frame);

  // Two minutes on, no watch event: the restart is 61 minutes old, which the host view no longer reports.
  const rv = store.get('uid-shop-c-restarted')?.pod.metadata?.resourceVersion;
  clock.now = NOW + 2 * 60_000;
  frame = await frameWhere(app, (f) => f.includes('filter: finding:restarted') && !f.includes('c-restarted'), 'c-restarted leaves the finding:restarted matches');
  await press(app, KEY.esc);
  frame = await frameWith(app, 'a-fine');
  assert.equal(findingCell(frame, 'c-restarted'), '', 'the FINDING cell is empty');
  assert.equal(findingCell(frame, 'b-crash'), 'CrashLoopBackOff');
  assert.deepEqual(order(frame), ['b-crash', 'd-pending', 'c-restarted', 'a-fine'], 'problems first: the Pod moved down among the well ones');
  assert.equal(store.get('uid-shop-c-restarted')?.pod.metadata?.resourceVersion, rv, 'no watch event brought it');
  app.unmount();
  store.close();
});

test('a Pod creating its container: nothing at 299 s, ContainerCreatingStuck at 301 s with no event', async () => {
  const clock = { now: NOW };
  const store = storeAt(clock, [restarting('shop', 'a-fine', 0), creatingFor('e-starting', 299_000)]);
  const { app } = await renderApp({ store, now: () => clock.now }, { columns: 200, rows: 10 });
  let frame = await frameWith(app, 'e-starting');
  // No Pod has a finding yet: no FINDING column at all.
  assert.ok(!frame.includes('FINDING') && !frame.includes('Stuck'), frame);
  clock.now = NOW + 2_000;
  frame = await frameWhere(app, (f) => f.includes('FINDING') && findingCell(f, 'e-starting') !== '', 'a finding for e-starting');
  assert.equal(findingCell(frame, 'e-starting'), 'ContainerCreatingStuck');
  app.unmount();
  store.close();
});
