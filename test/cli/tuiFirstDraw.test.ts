// The TUI draws its first frame once the first list is in (so a small cluster is drawn once,
// whole), or after a bounded wait (so a large one is shown loading).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstListOrTimeout } from '../../src/cli/tuiView.tsx';
import { PodStore } from '../../src/store/podStore.ts';

const settledAfter = async (promise: Promise<void>, step: () => void): Promise<boolean> => {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  const before = settled;
  step();
  await promise;
  return before;
};

test('waits while the list loads and goes on once it is live', async (t) => {
  const store = new PodStore({ frameMs: 0 });
  t.after(() => store.close());
  store.setConnection({ kind: 'loading', loaded: 500 });
  store.flush();
  const drawn = firstListOrTimeout(store, 60_000);
  const early = await settledAfter(drawn, () => {
    store.setConnection({ kind: 'live' });
    store.flush();
  });
  assert.equal(early, false, 'not before the list is in');
});

test('a failed list (forbidden, unreachable) is drawn at once', async (t) => {
  const store = new PodStore({ frameMs: 0 });
  t.after(() => store.close());
  store.setConnection({ kind: 'unreachable', message: 'connection refused' });
  store.flush();
  await firstListOrTimeout(store, 60_000);
});

test('a list still loading at the deadline is drawn anyway', async (t) => {
  const store = new PodStore({ frameMs: 0 });
  t.after(() => store.close());
  store.setConnection({ kind: 'loading', loaded: 0 });
  store.flush();
  await firstListOrTimeout(store, 10);
  assert.equal(store.connection.kind, 'loading');
});

test('a list that is in is drawn before its watch opens', { timeout: 10_000 }, async (t) => {
  const store = new PodStore({ frameMs: 0 });
  t.after(() => store.close());
  store.setConnection({ kind: 'loading', loaded: 0 });
  const drawn = firstListOrTimeout(store, 60_000);
  const early = await settledAfter(drawn, () => store.pruneExcept(new Set(), '7'));
  assert.equal(early, false, 'not before the list is in');
  assert.equal(store.connection.kind, 'loading', 'the watch is not open yet');
});
