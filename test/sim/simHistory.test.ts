// How long the sim keeps what a slow client needs, as kube-apiserver does: watch events for 75 s
// at least (with a floor of 20,000 and a ceiling of 102,400 events), and a continue token until
// etcd's next compaction but one (every 5 minutes). A fixed window given by a test replaces the
// watch policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KObject } from '../../src/sim/kObject.ts';
import { ObjectStore } from '../../src/sim/objectStore.ts';
import { storedResource } from '../../src/sim/resources.ts';

const CONFIG_MAPS = storedResource('configmaps');
const MINUTE = 60_000;

function clockedStore(historyWindow?: number) {
  const clock = { now: Date.parse('2026-01-02T03:04:05Z') };
  const store = new ObjectStore(historyWindow, () => clock.now);
  let n = 0;
  const change = (count = 1) => {
    for (let i = 0; i < count; i++) store.create(CONFIG_MAPS, { metadata: { namespace: 'ns', name: `cm-${n++}` }, data: {} } as KObject);
  };
  return { store, clock, change };
}

test('a burst of 30,000 changes within 75 s is kept whole; 76 s later only the newest 20,000', () => {
  const { store, clock, change } = clockedStore();
  const start = store.rv;
  change(30_000);
  assert.equal(store.eventsSince(start)?.length, 30_000, 'a watch from before the burst resumes');
  clock.now += 76_000;
  change();
  assert.equal(store.eventsSince(start), undefined, 'events older than 75 s beyond the floor are gone');
  assert.equal(store.eventsSince(store.rv - 20_000)?.length, 20_000);
  assert.equal(store.eventsSince(store.rv - 20_001), undefined);
});

test('at most 102,400 events are kept however young', () => {
  const { store, change } = clockedStore();
  change(102_400 + 10);
  assert.equal(store.eventsSince(store.rv - 102_400)?.length, 102_400);
  assert.equal(store.eventsSince(store.rv - 102_401), undefined);
});

test('a fixed window keeps that many events, however young', () => {
  const { store, change } = clockedStore(6);
  change(10);
  assert.equal(store.eventsSince(store.rv - 6)?.length, 6);
  assert.equal(store.eventsSince(store.rv - 7), undefined);
});

test('a continue token lives until the etcd compaction after next, not as long as watch history', () => {
  const { store, clock, change } = clockedStore(6);
  const listedAt = store.rv;
  change(100); // far past the 6-event watch window
  assert.ok(listedAt >= store.continueFloorRv(), 'fresh: still valid');
  clock.now += 5 * MINUTE + 1;
  change(5);
  assert.ok(listedAt >= store.continueFloorRv(), 'one compaction later: still valid (etcd compacts to the revision of the run before)');
  clock.now += 5 * MINUTE;
  change();
  assert.ok(listedAt < store.continueFloorRv(), 'two compactions later: expired');
});

test('compact() expires every continue token and watch position at once', () => {
  const { store, change } = clockedStore();
  change(3);
  const listedAt = store.rv;
  change();
  store.compact();
  assert.ok(listedAt < store.continueFloorRv());
  assert.equal(store.eventsSince(listedAt), undefined);
});
