// PodStore.passTime: a Pod whose finding changes by age alone gets the new one when the store's
// clock passes the instant, and is reported changed (so the list's index, sort and rows take it
// up); nothing else is touched or reported, and a Pod replaced meanwhile keeps its newer finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { V1Pod } from '@kubernetes/client-node';
import { findingTimeline } from '../../src/model/findingTimeline.ts';
import { FindingSchedule } from '../../src/store/findingSchedule.ts';
import { PodStore } from '../../src/store/podStore.ts';
import type { StoreChange } from '../../src/store/types.ts';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const HOUR = 3600_000;

function pod(name: string, finishedAgoMs: number | undefined, rv = '1'): V1Pod {
  const status = { name: 'app', image: 'i', imageID: '', ready: true, started: true, restartCount: 1, state: { running: {} } };
  const last = finishedAgoMs === undefined ? {} : { lastState: { terminated: { exitCode: 1, finishedAt: new Date(NOW - finishedAgoMs).toISOString() as unknown as Date } } };
  return {
    metadata: { name, namespace: 'ns', uid: name, resourceVersion: rv },
    spec: { containers: [{ name: 'app', image: 'i' }] },
    status: { phase: 'Running', containerStatuses: [{ ...status, ...last }] },
  };
}

function clockedStore() {
  const clock = { now: NOW };
  const store = new PodStore({ frameMs: 0, now: () => clock.now, findingOf: findingTimeline });
  const heard: StoreChange[] = [];
  store.subscribe((c) => heard.push(c));
  return { clock, store, heard };
}

test('a restart ages out: the finding goes at the hour, the Pod is reported changed, the rest are not', () => {
  const { clock, store, heard } = clockedStore();
  store.replaceAll([pod('young', 59 * 60_000), pod('old', 2 * HOUR), pod('fresh', 60_000)], '1');
  assert.equal(store.get('young')?.pod.finding?.code, 'Restarted');
  assert.equal(store.get('old')?.pod.finding, undefined);
  heard.length = 0;
  clock.now = NOW + 30_000;
  store.passTime();
  assert.equal(heard.length, 0, 'nothing due: no notification');
  clock.now = NOW + 61_001;
  store.passTime();
  assert.equal(store.get('young')?.pod.finding, undefined);
  assert.equal(store.get('young')?.pod.findingLater, undefined, 'no step left');
  assert.equal(store.get('fresh')?.pod.finding?.code, 'Restarted', 'its hour is not up');
  assert.deepEqual([...heard.flatMap((c) => [...c.changed])], ['young']);
  clock.now = NOW + HOUR;
  store.passTime();
  assert.equal(store.get('fresh')?.pod.finding, undefined);
  assert.deepEqual([...heard.flatMap((c) => [...c.changed])], ['young', 'fresh']);
});

test('a Pod replaced before its instant keeps the newer finding; a deleted one is left alone', () => {
  const { clock, store, heard } = clockedStore();
  store.replaceAll([pod('a', 59 * 60_000), pod('b', 59 * 60_000)], '1');
  // It restarted again: the newer restart is the one that counts.
  store.apply([{ type: 'MODIFIED', pod: pod('a', 0, '2') }]);
  store.apply([{ type: 'DELETED', pod: pod('b', 59 * 60_000, '2') }]);
  heard.length = 0;
  clock.now = NOW + 2 * 60_000;
  store.passTime();
  assert.equal(store.get('a')?.pod.finding?.code, 'Restarted');
  assert.equal(heard.length, 0, 'neither is reported');
  clock.now = NOW + HOUR + 1000;
  store.passTime();
  assert.equal(store.get('a')?.pod.finding, undefined);
});

test('the schedule hands out due entries earliest first and keeps only live ones on request', () => {
  const schedule = new FindingSchedule();
  for (const at of [50, 10, 40, 30, 20, 60]) schedule.add(at, `u${at}`, at);
  assert.equal(schedule.next, 10);
  assert.deepEqual(
    schedule.takeDue(35).map((d) => d.at),
    [10, 20, 30],
  );
  schedule.retain((uid) => uid !== 'u50');
  assert.equal(schedule.size, 2);
  assert.deepEqual(
    schedule.takeDue(100).map((d) => d.uid),
    ['u40', 'u60'],
  );
  assert.equal(schedule.next, undefined);
});

test('a young Pod changing often: its newest step still comes after the stale ones are dropped', () => {
  const { clock, store, heard } = clockedStore();
  store.replaceAll([pod('busy', 59 * 60_000)], '1');
  // Changes while the restart is recent, each leaving its predecessor's entry stale: 1,027
  // entries pass the bound (the live ones, a quarter more and 1,024), so stale ones are dropped
  // on the way, and the newest entry must survive that.
  for (let i = 2; i <= 1027; i++) store.apply([{ type: 'MODIFIED', pod: pod('busy', 59 * 60_000, String(i)) }]);
  heard.length = 0;
  clock.now = NOW + 61_001;
  store.passTime();
  assert.equal(store.get('busy')?.pod.finding, undefined);
  assert.deepEqual(
    heard.map((c) => [...c.changed]),
    [['busy']],
    'one change, heard once',
  );
});

test('a replaced Pod is not kept alive by its stale schedule entry', async () => {
  const { store } = clockedStore();
  store.replaceAll([pod('busy', 59 * 60_000)], '1');
  // The first version, as the store holds it; a weak reference does not keep it alive.
  const replaced = new WeakRef(store.get('busy')!.pod);
  store.apply([{ type: 'MODIFIED', pod: pod('busy', 59 * 60_000, '2') }]);
  assert.notEqual(store.get('busy')!.pod, replaced.deref(), 'the store holds the newer version');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  // A weak reference's target stays alive for the rest of the job that created or read it.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.equal(replaced.deref(), undefined, 'the schedule still holds the replaced version');
});
