// podWatch against the simulated API server over the wire, checked against real kubectl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { canListPods, startPodWatch } from '../../src/cluster/podWatch.ts';
import { PodStore } from '../../src/store/podStore.ts';
import type { ConnectionState } from '../../src/store/types.ts';
import { recording } from './recordingConfig.ts';
import { sameMap, storePods, withSim } from './simHarness.ts';
import { waitFor } from './waitFor.ts';

const fast = { initialMs: 20, maxMs: 200 };

function newPod(namespace: string, name: string): V1Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name, labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };
}

function recordStates(store: PodStore): ConnectionState[] {
  const states: ConnectionState[] = [];
  store.subscribe((c) => {
    if (c.connectionChanged) states.push(store.connection);
  });
  return states;
}

test('initial list, then live add, change and delete; bookmarks advance the resourceVersion', async (t) => {
  const h = await withSim(t, { bookmarkIntervalMs: 100 });
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 50 });
  const watch = startPodWatch({ kubeConfig: h.config.kubeConfig, store, pageSize: 7, backoff: fast });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');
  assert.ok(sameMap(storePods(store), await h.kubectlPods()), 'the list equals kubectl get pods -A');

  const created = h.sim.control.create<V1Pod>('pods', newPod('shop', 'added-live'));
  await waitFor('added', () => store.find('shop', 'added-live') !== undefined);
  h.sim.control.patchPod('shop', 'added-live', (pod) => {
    pod.metadata!.labels = { ...pod.metadata!.labels, changed: 'yes' };
  });
  await waitFor('modified', () => store.find('shop', 'added-live')?.pod.metadata?.labels?.changed === 'yes');
  h.sim.control.delete('pods', 'shop', 'added-live');
  await waitFor('deleted', () => store.get(created.metadata!.uid!)?.deletedAt !== undefined || store.get(created.metadata!.uid!) === undefined);

  // Only non-Pod objects change: the pod watch sees no event, yet bookmarks carry it forward.
  h.sim.control.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'shop', name: 'cm-bookmark' }, data: {} });
  const target = Number(h.sim.control.stats().resourceVersion);
  await waitFor('bookmark', () => Number(store.resourceVersion) >= target);
  assert.ok(sameMap(storePods(store), await h.kubectlPods()));
});

test('410 after compaction re-lists: Pods deleted while away leave, changed ones update', async (t) => {
  const h = await withSim(t);
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 50 });
  const states = recordStates(store);
  const watch = startPodWatch({ kubeConfig: h.config.kubeConfig, store, backoff: fast, stallTimeoutMs: 60_000 });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');
  const resume = h.sim.control.stallWatches();
  const victims = [...store.all()].slice(0, 5).map((e) => e.pod.metadata!);
  for (const meta of victims) h.sim.control.delete('pods', meta.namespace, meta.name!);
  h.sim.control.create('pods', newPod('catalog', 'born-while-away'));
  h.sim.control.crash('shop', 'guestbook', 'app');
  h.sim.control.compact();
  h.sim.control.dropWatches();
  resume();
  // The deleted Pods' controllers start replacements, so kubectl's truth moves on for a moment: ask it again.
  await waitFor('converged to kubectl', async () => sameMap(storePods(store), await h.kubectlPods()) && store.connection.kind === 'live');
  for (const meta of victims) assert.equal(store.get(meta.uid!), undefined, `no ghost of ${meta.name}`);
  assert.ok(states.filter((s) => s.kind === 'loading').length >= 2, 'a second list happened');
});

test('a list whose continue tokens keep expiring is asked for whole, and ends equal to kubectl', async (t) => {
  const h = await withSim(t);
  const { kubeConfig, urls } = recording(h.config.kubeConfig);
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 50 });
  const pagedListsAsked = () => urls.filter((u) => u.pathname === '/api/v1/pods' && u.searchParams.has('limit')).length;
  const wholeListAsked = () => urls.some((u) => u.pathname === '/api/v1/pods' && !u.searchParams.has('watch') && !u.searchParams.has('limit'));
  // A cluster whose history is compacted faster than a paged list is read: while lists are
  // paged, each page read brings a change and a compaction, so every next continue token has
  // expired. A Pod of the first page is deleted meanwhile and must not stay behind.
  let victim: { namespace?: string; name?: string; uid?: string } | undefined;
  let changes = 0;
  store.subscribe(() => {
    if (store.connection.kind !== 'loading' || store.size === 0 || wholeListAsked()) return;
    if (!victim) {
      victim = [...store.all()][0]!.pod.metadata!;
      h.sim.control.delete('pods', victim.namespace, victim.name!, { gracePeriodSeconds: 0 });
    }
    h.sim.control.patchPod('shop', 'guestbook', (pod) => {
      pod.metadata!.labels = { ...pod.metadata!.labels, change: String(++changes) };
      return pod;
    });
    h.sim.control.compact();
  });
  const watch = startPodWatch({ kubeConfig, store, pageSize: 2, backoff: fast });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');
  assert.ok(wholeListAsked(), 'the list was asked for without a limit');
  assert.ok(pagedListsAsked() >= 2, 'paging was tried first');
  assert.equal(store.get(victim!.uid!), undefined, 'the Pod deleted after the first page is gone');
  await waitFor('converged to kubectl', async () => sameMap(storePods(store), await h.kubectlPods()));
});

test('dropped and stalled watches reconnect with backoff and converge to kubectl', async (t) => {
  const h = await withSim(t, { bookmarkIntervalMs: 60_000 });
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 50 });
  const states = recordStates(store);
  const watch = startPodWatch({ kubeConfig: h.config.kubeConfig, store, backoff: fast, stallTimeoutMs: 400 });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');

  h.sim.control.dropWatches();
  h.sim.control.create('pods', newPod('payments', 'after-drop'));
  h.sim.control.crash('shop', 'guestbook', 'app');
  const afterDrop = await h.kubectlPods(); // the sim is quiet between our changes: read the truth once
  await waitFor('after drop', () => sameMap(storePods(store), afterDrop));

  const resume = h.sim.control.stallWatches();
  h.sim.control.create('pods', newPod('payments', 'during-stall'));
  await waitFor('stall detected', () => states.some((s) => s.kind === 'reconnecting' && /silent/.test(s.reason)));
  resume();
  const afterStall = await h.kubectlPods();
  await waitFor('after stall', () => sameMap(storePods(store), afterStall) && store.connection.kind === 'live');

  await h.sim.control.restart();
  h.sim.control.create('pods', newPod('payments', 'after-restart'));
  const afterRestart = await h.kubectlPods();
  await waitFor('after restart', () => sameMap(storePods(store), afterRestart) && store.connection.kind === 'live');
  assert.ok(
    states.some((s) => s.kind === 'reconnecting'),
    'reconnects were reported',
  );
});

test('403 at the cluster scope: reported in one line, and the namespace scope works', async (t) => {
  const h = await withSim(t);
  const undo = [h.sim.control.deny({ verb: 'list', resource: 'pods', namespace: '' }), h.sim.control.deny({ verb: 'watch', resource: 'pods', namespace: '' })];
  const store = new PodStore({ frameMs: 0 });
  const watch = startPodWatch({ kubeConfig: h.config.kubeConfig, store, backoff: fast });
  await waitFor('forbidden', () => store.connection.kind === 'forbidden');
  const message = (store.connection as { message: string }).message;
  assert.match(message, /^forbidden: User ".*" cannot list resource "pods" in API group "" at the cluster scope$/);
  await watch.stop();
  const cluster = await canListPods(h.config.kubeConfig);
  assert.equal(cluster.allowed, false);
  assert.deepEqual(await canListPods(h.config.kubeConfig, 'shop'), { allowed: true });

  const nsStore = new PodStore({ frameMs: 0 });
  const nsWatch = startPodWatch({ kubeConfig: h.config.kubeConfig, store: nsStore, namespace: 'shop', backoff: fast });
  t.after(() => nsWatch.stop());
  await waitFor('live in shop', () => nsStore.connection.kind === 'live');
  assert.ok(sameMap(storePods(nsStore), await h.kubectlPods('shop')), 'equals kubectl get pods -n shop');

  // The permission comes back (a 403 flap): the cluster-wide watch recovers by itself.
  const flapStore = new PodStore({ frameMs: 0 });
  const flapWatch = startPodWatch({ kubeConfig: h.config.kubeConfig, store: flapStore, backoff: fast });
  t.after(() => flapWatch.stop());
  await waitFor('forbidden again', () => flapStore.connection.kind === 'forbidden');
  for (const u of undo) u();
  const truth = await h.kubectlPods();
  await waitFor('recovered', () => flapStore.connection.kind === 'live' && sameMap(storePods(flapStore), truth));
});
