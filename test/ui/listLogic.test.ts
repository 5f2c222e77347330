import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPodRow } from '../../src/model/podRow.ts';
import type { LeanPod } from '../../src/model/leanPodType.ts';
import { navReducer } from '../../src/ui/list/listNav.ts';
import { windowStart } from '../../src/ui/list/listWindow.ts';
import { RowCache } from '../../src/ui/list/rowCache.ts';
import { NOW, simplePod } from './fixtures.ts';
import { storeWith } from './harness.tsx';

test('the window moves only as far as needed to keep the selection visible', () => {
  assert.equal(windowStart(5, 0, 10, 100), 0);
  assert.equal(windowStart(10, 0, 10, 100), 1);
  assert.equal(windowStart(3, 1, 10, 100), 1);
  assert.equal(windowStart(0, 5, 10, 100), 0);
  assert.equal(windowStart(99, 0, 10, 100), 90);
  assert.equal(windowStart(4, 50, 10, 8), 0, 'everything fits');
  assert.equal(windowStart(95, 95, 10, 100), 90, 'never leaves empty rows at the end');
});

test('several moves before a redraw all count, and a move is clamped to the list', () => {
  const uids = ['a', 'b', 'c', 'd'];
  let state = navReducer({ uid: undefined, index: 0 }, { type: 'move', delta: 0, uids });
  for (let i = 0; i < 3; i++) state = navReducer(state, { type: 'move', delta: 1, uids });
  assert.deepEqual(state, { uid: 'd', index: 3 });
  state = navReducer(state, { type: 'move', delta: 10, uids });
  assert.deepEqual(state, { uid: 'd', index: 3 });
  // The list changes under the selection: it follows the uid.
  state = navReducer(state, { type: 'move', delta: -1, uids: ['x', 'a', 'b', 'c', 'd'] });
  assert.deepEqual(state, { uid: 'c', index: 3 });
});

test('rows are built only for the Pods asked for, and rebuilt only on a new resourceVersion', () => {
  const store = storeWith(Array.from({ length: 1000 }, (_, i) => simplePod('ns', `p-${i}`)));
  let built = 0;
  const cache = new RowCache(
    store,
    (pod: LeanPod, now: number, deleted?: boolean) => {
      built++;
      return toPodRow(pod, now, deleted);
    },
    () => NOW,
  );
  const first = cache.row('uid-ns-p-1');
  cache.row('uid-ns-p-1');
  cache.row('uid-ns-p-2');
  assert.equal(built, 2);
  assert.equal(cache.size, 2);
  store.apply([{ type: 'MODIFIED', pod: simplePod('ns', 'p-1', { rv: '2', phase: 'Failed' }) }]);
  const second = cache.row('uid-ns-p-1');
  assert.equal(built, 3);
  assert.notEqual(first, second);
  store.apply([{ type: 'DELETED', pod: simplePod('ns', 'p-1', { rv: '3' }) }]);
  assert.equal(cache.row('uid-ns-p-1')!.deleted, true);
  assert.equal(cache.row('uid-missing'), undefined);
});

test('the row cache keeps the rows read most recently, up to its limit', () => {
  const store = storeWith(Array.from({ length: 100 }, (_, i) => simplePod('ns', `p-${i}`)));
  let built = 0;
  const cache = new RowCache(
    store,
    (pod: LeanPod, now: number, deleted?: boolean) => {
      built++;
      return toPodRow(pod, now, deleted);
    },
    () => NOW,
    10,
  );
  for (let i = 0; i < 100; i++) cache.row(`uid-ns-p-${i}`);
  assert.equal(cache.size, 10, 'scrolling through every Pod keeps only the limit');
  assert.equal(built, 100);
  cache.row('uid-ns-p-95');
  assert.equal(built, 100, 'a recent row is still cached');
  for (let i = 0; i < 9; i++) cache.row(`uid-ns-p-${i}`);
  cache.row('uid-ns-p-95');
  assert.equal(built, 109, 'read again, p-95 outlived rows read before it');
  cache.row('uid-ns-p-90');
  assert.equal(built, 110, 'p-90 was dropped first');
});
