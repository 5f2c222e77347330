import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followWholePod } from '../../src/cluster/focusWhole.ts';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { trimPod } from '../../src/store/trimPod.ts';
import type { StoreChange } from '../../src/store/types.ts';
import { pod } from './fixtures.ts';

test('a burst of 1,000 applies reaches subscribers as one notification per frame', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const store = new PodStore({ frameMs: 33 });
  const heard: StoreChange[] = [];
  store.subscribe((change) => heard.push(change));
  for (let i = 0; i < 1000; i++) store.apply([{ type: 'ADDED', pod: pod('ns', `p${i}`) }]);
  assert.equal(heard.length, 0, 'nothing before the frame ends');
  t.mock.timers.tick(33);
  assert.equal(heard.length, 1);
  assert.equal(heard[0]!.changed.size, 1000);
  assert.equal(store.size, 1000);
  store.close();
});

test('applies in order: a later MODIFIED wins, a DELETED lingers then leaves', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let now = 1000;
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 3000, now: () => now });
  store.apply([
    { type: 'ADDED', pod: pod('a', 'x', { rv: '1' }) },
    { type: 'MODIFIED', pod: pod('a', 'x', { rv: '2' }) },
  ]);
  assert.equal(store.find('a', 'x')?.pod.metadata?.resourceVersion, '2');
  now = 2000;
  store.apply([{ type: 'DELETED', pod: pod('a', 'x', { rv: '3' }) }]);
  const lingering = store.find('a', 'x');
  assert.equal(lingering?.deletedAt, 2000, 'deleted Pod stays, marked');
  const heard: StoreChange[] = [];
  store.subscribe((change) => heard.push(change));
  t.mock.timers.tick(3000);
  assert.equal(store.find('a', 'x'), undefined, 'and leaves after the linger');
  assert.equal(store.size, 0);
  assert.ok(
    heard.some((c) => c.changed.has('uid-a-x')),
    'its departure is notified',
  );
  store.close();
});

test('a Pod re-created under the same uid during the linger is not evicted', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 100 });
  store.apply([
    { type: 'ADDED', pod: pod('a', 'x') },
    { type: 'DELETED', pod: pod('a', 'x') },
    { type: 'ADDED', pod: pod('a', 'x', { rv: '9' }) },
  ]);
  t.mock.timers.tick(100);
  assert.equal(store.find('a', 'x')?.deletedAt, undefined);
  assert.equal(store.size, 1);
});

test('replaceAll removes ghosts and marks the change as a reset', () => {
  const store = new PodStore({ frameMs: 0 });
  store.apply([
    { type: 'ADDED', pod: pod('a', 'keep') },
    { type: 'ADDED', pod: pod('a', 'ghost') },
    { type: 'ADDED', pod: pod('b', 'ghost2') },
  ]);
  const heard: StoreChange[] = [];
  store.subscribe((change) => heard.push(change));
  store.replaceAll([pod('a', 'keep', { rv: '5' }), pod('c', 'new')], '42');
  assert.deepEqual([...store.all()].map((e) => e.pod.metadata?.name).sort(), ['keep', 'new']);
  assert.deepEqual(store.namespaces(), ['a', 'c'], 'the namespace index forgets emptied namespaces');
  assert.equal(store.resourceVersion, '42');
  assert.equal(heard.at(-1)?.reset, true);
});

test('pruneExcept ends a paged list the same way', () => {
  const store = new PodStore({ frameMs: 0 });
  store.apply([
    { type: 'ADDED', pod: pod('a', 'one') },
    { type: 'ADDED', pod: pod('a', 'two') },
  ]);
  const heard: StoreChange[] = [];
  store.subscribe((change) => heard.push(change));
  store.pruneExcept(new Set(['uid-a-two']), '7');
  assert.deepEqual(
    [...store.all()].map((e) => e.pod.metadata?.name),
    ['two'],
  );
  assert.equal(store.resourceVersion, '7');
  assert.deepEqual([...heard[0]!.changed], ['uid-a-one'], 'the Pods that left are reported');
  assert.equal(heard[0]!.reset, false, 'subscribers can stay incremental');
});

test('the focused Pod is stored whole but without managedFields and the last-applied annotation', () => {
  const store = new PodStore({ frameMs: 0 });
  const focused = new FocusedPodStore();
  followWholePod(focused, store);
  const fat = pod('a', 'fat', { managed: true });
  fat.metadata!.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{"big":true}', keep: 'me' };
  store.apply([{ type: 'ADDED', pod: fat }]);
  focused.focus({ namespace: 'a', name: 'fat' });
  store.apply([{ type: 'MODIFIED', pod: fat }]);
  // The open Pod's record holds it whole (the store keeps every Pod lean).
  const stored = focused.current!.pod!;
  assert.equal(stored.metadata?.managedFields, undefined);
  assert.deepEqual(stored.metadata?.annotations, { keep: 'me' });
  assert.ok(fat.metadata?.managedFields, 'the input object is not mutated');
  assert.equal(trimPod(pod('a', 'lean')).metadata?.name, 'lean');
});

test('details and connection changes are notified and details leave with their Pod', () => {
  const store = new PodStore({ frameMs: 0 });
  const heard: StoreChange[] = [];
  store.subscribe((change) => heard.push(change));
  store.apply([{ type: 'ADDED', pod: pod('a', 'x') }]);
  store.setConnection({ kind: 'live' });
  assert.equal(heard.at(-1)?.connectionChanged, true);
  assert.deepEqual(store.connection, { kind: 'live' });
  // Details are the open Pod's record's (store/focusedPod): heard there, and gone with the focus.
  const focused = new FocusedPodStore();
  let changes = 0;
  focused.subscribe(() => changes++);
  focused.focus({ namespace: 'a', name: 'x' });
  assert.equal(focused.write({ namespace: 'a', name: 'x' }, { details: { notes: ['metrics API not served'] } }), true);
  assert.equal(changes, 2);
  assert.deepEqual(focused.current?.details?.notes, ['metrics API not served']);
  focused.focus({ namespace: 'a', name: 'y' });
  assert.equal(focused.current?.details, undefined);
  assert.equal(focused.write({ namespace: 'a', name: 'x' }, { details: { notes: ['late'] } }), false, 'a late write for the Pod left behind is dropped');
  assert.equal(focused.current?.details, undefined);
});

test('while a list loads, subscribers hear at the slower loading cadence; its end and what follows at the usual one', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const store = new PodStore({ frameMs: 50, loadingFrameMs: 250 });
  const heard: StoreChange[] = [];
  store.subscribe((change) => heard.push(change));
  store.setConnection({ kind: 'loading', loaded: 0 });
  store.apply([{ type: 'ADDED', pod: pod('a', 'one') }]);
  t.mock.timers.tick(60);
  assert.equal(heard.length, 0, 'not on the 50 ms frame while loading');
  t.mock.timers.tick(190);
  assert.equal(heard.length, 1);
  store.apply([{ type: 'ADDED', pod: pod('a', 'two') }]);
  store.pruneExcept(new Set(['uid-a-one', 'uid-a-two']), '9');
  assert.equal(heard.length, 2, 'the end of the list at once');
  assert.deepEqual([...heard[1]!.changed], ['uid-a-two']);
  store.setConnection({ kind: 'loading', loaded: 2 });
  store.setConnection({ kind: 'live' });
  t.mock.timers.tick(50);
  assert.equal(heard.length, 3, 'leaving loading is heard on the usual frame');
  assert.equal(heard[2]!.connectionChanged, true);
  store.close();
});
