import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPodWatch, canListPods } from '../../src/cluster/podWatch.ts';
import { PodStore } from '../../src/store/podStore.ts';
import type { ConnectionState } from '../../src/store/types.ts';
import { fakePod, startFakeApi } from './fakeApiServer.ts';
import type { FakeApi } from './fakeApiServer.ts';
import { waitFor } from './waitFor.ts';

const names = (store: PodStore) =>
  [...store.all()]
    .filter((e) => e.deletedAt === undefined)
    .map((e) => e.pod.metadata!.name!)
    .sort();
const fast = { initialMs: 10, maxMs: 50 };

async function setup(t: { after(fn: () => Promise<void> | void): void }, count: number): Promise<{ api: FakeApi; store: PodStore; states: ConnectionState[] }> {
  const api = await startFakeApi();
  for (let i = 0; i < count; i++) api.upsert(fakePod(`p${String(i).padStart(3, '0')}`));
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 10 });
  const states: ConnectionState[] = [];
  store.subscribe((c) => {
    if (c.connectionChanged) states.push(store.connection);
  });
  t.after(async () => {
    store.close();
    await api.close();
  });
  return { api, store, states };
}

test('lists page by page, then watches from the list resourceVersion with bookmarks', async (t) => {
  const { api, store, states } = await setup(t, 25);
  const watch = startPodWatch({ kubeConfig: api.kubeConfig, store, pageSize: 10, backoff: fast });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');
  assert.equal(store.size, 25);
  assert.equal(api.requests.filter((r) => r.startsWith('list')).length, 3, 'three pages of 10');
  assert.deepEqual(
    states.filter((s) => s.kind === 'loading').map((s) => (s as { loaded: number }).loaded),
    [0, 10, 20, 25],
  );
  const watchRequest = api.requests.find((r) => r.startsWith('watch'))!;
  assert.match(watchRequest, /resourceVersion=125/);
  assert.match(watchRequest, /allowWatchBookmarks=true/);
  api.upsert(fakePod('new'));
  api.remove('p000');
  api.raw(`${JSON.stringify({ type: 'BOOKMARK', object: { kind: 'Pod', metadata: { resourceVersion: '999' } } })}\n`);
  await waitFor('bookmark rv', () => store.resourceVersion === '999');
  assert.ok(names(store).includes('new'));
  assert.ok(!names(store).includes('p000'));
});

test('torn lines across chunks are joined; a burst arrives in order', async (t) => {
  const { api, store } = await setup(t, 1);
  const watch = startPodWatch({ kubeConfig: api.kubeConfig, store, backoff: fast });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');
  const line = `${JSON.stringify({ type: 'ADDED', object: { ...fakePod('torn'), metadata: { ...fakePod('torn').metadata, resourceVersion: '500' } } })}\n`;
  api.raw(line.slice(0, 20));
  await new Promise((r) => setTimeout(r, 30));
  api.raw(line.slice(20));
  await waitFor('torn pod', () => store.find('default', 'torn') !== undefined);
});

test('410 Gone (ERROR event or HTTP) re-lists and leaves no ghost', async (t) => {
  const { api, store } = await setup(t, 3);
  const watch = startPodWatch({ kubeConfig: api.kubeConfig, store, backoff: fast });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');
  // Deleted while we are "away": the watch is told its history is gone.
  api.stall = true;
  api.remove('p001');
  api.upsert(fakePod('p002'));
  api.stall = false;
  api.compactedBelow = api.rv;
  api.raw(`${JSON.stringify({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old' } })}\n`);
  await waitFor('relisted', () => api.requests.filter((r) => r.startsWith('list')).length === 2 && store.connection.kind === 'live');
  assert.deepEqual(names(store), ['p000', 'p002']);
  assert.equal(store.find('default', 'p002')!.pod.metadata!.resourceVersion, api.pods.get('p002')!.metadata!.resourceVersion);
  // Now the HTTP form: the reconnecting watch itself is answered 410.
  api.stall = true;
  api.remove('p000');
  api.stall = false;
  api.compactedBelow = api.rv;
  api.dropWatches();
  await waitFor('relisted after HTTP 410', () => api.requests.filter((r) => r.startsWith('list')).length === 3 && store.connection.kind === 'live');
  assert.deepEqual(names(store), ['p002']);
});

test('a dropped watch reconnects from its resourceVersion; a stalled one is abandoned', async (t) => {
  const { api, store, states } = await setup(t, 2);
  const watch = startPodWatch({ kubeConfig: api.kubeConfig, store, backoff: fast, stallTimeoutMs: 300 });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');
  api.dropWatches();
  api.upsert(fakePod('while-away'));
  await waitFor('caught up', () => store.find('default', 'while-away') !== undefined);
  assert.ok(
    states.some((s) => s.kind === 'reconnecting'),
    'the drop was reported',
  );
  assert.equal(api.requests.filter((r) => r.startsWith('list')).length, 1, 'no re-list needed');
  api.stall = true;
  api.dropWatches();
  await waitFor('stall reported', () => states.some((s) => s.kind === 'reconnecting' && /silent/.test(s.reason)));
  api.stall = false;
  api.upsert(fakePod('after-stall'));
  await waitFor('converged after stall', () => store.find('default', 'after-stall') !== undefined && store.connection.kind === 'live');
});

test('403 at the cluster scope is reported, and the namespace scope works', async (t) => {
  const { api, store } = await setup(t, 2);
  api.forbidClusterScope = true;
  const watch = startPodWatch({ kubeConfig: api.kubeConfig, store, backoff: fast });
  await waitFor('forbidden', () => store.connection.kind === 'forbidden');
  const state = store.connection as { message: string };
  assert.equal(state.message, 'forbidden: User "dev" cannot list resource "pods" in API group "" at the cluster scope');
  await watch.stop();
  assert.deepEqual(await canListPods(api.kubeConfig), { allowed: false, reason: state.message });
  assert.deepEqual(await canListPods(api.kubeConfig, 'default'), { allowed: true });
  const nsWatch = startPodWatch({ kubeConfig: api.kubeConfig, store, namespace: 'default', backoff: fast });
  t.after(() => nsWatch.stop());
  await waitFor('live in namespace', () => store.connection.kind === 'live' && store.size === 2);
});

test('an unreachable server is reported while retrying', async (t) => {
  const { api, store } = await setup(t, 0);
  await api.close();
  const watch = startPodWatch({ kubeConfig: api.kubeConfig, store, backoff: fast });
  t.after(() => watch.stop());
  await waitFor('unreachable', () => store.connection.kind === 'unreachable');
  assert.match((store.connection as { message: string }).message, /^cannot reach the API server at http:\/\/127\.0\.0\.1:\d+: connection refused$/);
});
