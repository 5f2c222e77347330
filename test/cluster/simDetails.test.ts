// Events, owner chains, usage, one-Pod reads and paged snapshots against the simulated API server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { METRICS_ABSENT_NOTE } from '../../src/cluster/detailSources.ts';
import { UserError } from '../../src/cluster/errors.ts';
import { getPod } from '../../src/cluster/getPod.ts';
import { startDetailsFeed } from '../../src/cluster/focusFeed.ts';
import { startPodWatch } from '../../src/cluster/podWatch.ts';
import { detailsForPods, listPodsOnce } from '../../src/cluster/snapshot.ts';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { PodStore } from '../../src/store/podStore.ts';
import type { PodDetails } from '../../src/store/types.ts';

/** The open Pod's details, when the Pod with this uid is the open one. */
function detailsOf(focused: FocusedPodStore, store: PodStore, uid: string): PodDetails | undefined {
  const meta = store.get(uid)?.pod.metadata;
  const key = focused.current?.key;
  return key && meta && key.namespace === meta.namespace && key.name === meta.name ? focused.current?.details : undefined;
}
import { withSim } from './simHarness.ts';
import { waitFor } from './waitFor.ts';
import { heldField } from '../store/fixtures.ts';

function podNamed(pods: V1Pod[], prefix: string): V1Pod {
  const pod = pods.find((p) => p.metadata!.name!.startsWith(prefix));
  assert.ok(pod, prefix);
  return pod;
}

async function liveStore(t: { after(fn: () => Promise<void> | void): void }, kubeConfig: Parameters<typeof startPodWatch>[0]['kubeConfig']): Promise<PodStore> {
  const store = new PodStore({ frameMs: 0 });
  const watch = startPodWatch({ kubeConfig, store, backoff: { initialMs: 20, maxMs: 200 } });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');
  return store;
}

test('the focused Pod gets its events, owner chain ReplicaSet -> Deployment, and usage', async (t) => {
  const h = await withSim(t);
  const store = await liveStore(t, h.config.kubeConfig);
  const focused = new FocusedPodStore();
  const feed = startDetailsFeed({ kubeConfig: h.config.kubeConfig, store, focused, pollMs: 200 });
  t.after(() => feed.stop());
  const pod = podNamed(h.sim.control.list<V1Pod>('pods', 'shop'), 'user-msvc-');
  const uid = pod.metadata!.uid!;
  focused.focus({ namespace: 'shop', name: pod.metadata!.name! });
  await waitFor('details', () => detailsOf(focused, store, uid) !== undefined);
  const details = detailsOf(focused, store, uid)!;
  assert.deepEqual(
    details.owners?.map((o) => `${o.kind}/${o.name}/${o.resolved}`),
    [`ReplicaSet/${(pod.metadata!.ownerReferences![0])!.name}/true`, 'Deployment/user-msvc/true'],
  );
  assert.ok((details.events?.length ?? 0) > 0, 'events of this Pod');
  assert.ok(
    details.events!.every((e) => (e as { involvedObject?: { uid?: string } }).involvedObject?.uid === uid),
    "only this Pod's events",
  );
  assert.ok(details.usage && Object.keys(details.usage).length > 0, 'usage from metrics.k8s.io');
  assert.deepEqual(details.notes, []);

  const job = podNamed(h.sim.control.list<V1Pod>('pods', 'shop'), 'nightly-report-');
  focused.focus({ namespace: 'shop', name: job.metadata!.name! });
  await waitFor('job details', () => detailsOf(focused, store, job.metadata!.uid!) !== undefined);
  assert.deepEqual(
    detailsOf(focused, store, job.metadata!.uid!)!.owners?.map((o) => o.kind),
    ['Job', 'CronJob'],
  );
});

test('metrics API absent: no usage and a note, no error; forbidden events: a note saying why', async (t) => {
  const h = await withSim(t, { metrics: false });
  h.sim.control.deny({ resource: 'events' });
  h.sim.control.deny({ resource: 'replicasets' });
  const store = await liveStore(t, h.config.kubeConfig);
  const focused = new FocusedPodStore();
  const feed = startDetailsFeed({ kubeConfig: h.config.kubeConfig, store, focused, pollMs: 200 });
  t.after(() => feed.stop());
  const pod = podNamed(h.sim.control.list<V1Pod>('pods', 'payments'), 'payments-api-');
  focused.focus({ namespace: 'payments', name: pod.metadata!.name! });
  await waitFor('details', () => detailsOf(focused, store, pod.metadata!.uid!) !== undefined);
  const details = detailsOf(focused, store, pod.metadata!.uid!)!;
  assert.equal(details.usage, undefined);
  assert.equal(details.events, undefined);
  assert.ok(details.notes.includes(METRICS_ABSENT_NOTE), details.notes.join(' | '));
  assert.ok(
    details.notes.some((n) => /^events: forbidden: User ".*" cannot list resource "events"/.test(n)),
    details.notes.join(' | '),
  );
  assert.deepEqual(
    details.owners?.map((o) => `${o.kind}/${o.resolved}`),
    ['ReplicaSet/false'],
    'the owner the Pod names, marked unresolved',
  );
});

test('getPod returns the whole Pod, or one clear line when it does not exist', async (t) => {
  const h = await withSim(t);
  const pod = await getPod(h.config.kubeConfig, 'shop', 'guestbook');
  assert.equal(pod.metadata?.name, 'guestbook');
  await assert.rejects(getPod(h.config.kubeConfig, 'shop', 'nope'), (err: unknown) => err instanceof UserError && err.message === 'pod "nope" not found in namespace "shop"');
});

test('listPodsOnce pages through every Pod; detailsForPods reads in bulk', async (t) => {
  const h = await withSim(t);
  const pages: V1Pod[][] = [];
  for await (const page of listPodsOnce({ kubeConfig: h.config.kubeConfig, pageSize: 10 })) pages.push(page);
  const truth = await h.kubectlPods();
  assert.ok(pages.length > 1 && pages.every((p) => p.length <= 10));
  assert.deepEqual(new Set(pages.flat().map((p) => p.metadata!.uid!)), new Set(truth.keys()));
  const shop = pages.flat().filter((p) => p.metadata!.namespace === 'shop');
  const details = await detailsForPods(h.config.kubeConfig, shop, 'shop');
  assert.equal(details.size, shop.length);
  const msvc = details.get(podNamed(shop, 'user-msvc-').metadata!.uid!)!;
  assert.deepEqual(
    msvc.owners?.map((o) => o.kind),
    ['ReplicaSet', 'Deployment'],
  );
  assert.ok((msvc.events?.length ?? 0) > 0);
  assert.ok(msvc.usage);
});

test('focusing a Pod reads its whole object over the wire into its record; the watch keeps it whole; the one left behind goes lean', async (t) => {
  const h = await withSim(t);
  const store = await liveStore(t, h.config.kubeConfig);
  const focused = new FocusedPodStore();
  const feed = startDetailsFeed({ kubeConfig: h.config.kubeConfig, store, focused, pollMs: 60_000 });
  t.after(() => feed.stop());
  const pods = h.sim.control.list<V1Pod>('pods', 'shop');
  const [first, second] = [podNamed(pods, 'user-msvc-'), podNamed(pods, 'guestbook')];
  const [a, b] = [first.metadata!.uid!, second.metadata!.uid!];
  const rv = store.get(a)!.pod.metadata!.resourceVersion;
  assert.equal(heldField(store.get(a)!.pod.spec, 'volumes'), undefined, 'listed Pods are lean');

  focused.focus({ namespace: 'shop', name: first.metadata!.name! });
  const hasFull = (u: string) => focused.current?.pod?.metadata?.uid === u;
  await waitFor('whole Pod', () => hasFull(a));
  const whole = focused.current!.pod!;
  assert.equal(whole.metadata?.resourceVersion, rv, 'read by GET, not brought by a watch event');
  assert.deepEqual(
    whole.spec?.containers.map((c) => c.image),
    first.spec!.containers.map((c) => c.image),
  );
  assert.deepEqual(
    whole.spec?.volumes?.map((v) => v.name),
    first.spec!.volumes?.map((v) => v.name),
  );
  assert.equal(whole.metadata?.managedFields, undefined, 'trimmed as before');

  focused.focus({ namespace: 'shop', name: second.metadata!.name! });
  await waitFor('second whole', () => hasFull(b));
  assert.equal(hasFull(a), false);
  assert.equal(heldField(store.get(a)!.pod.spec, 'volumes'), undefined, 'the Pod left behind is lean again');

  h.sim.control.patchPod('shop', second.metadata!.name!, (p) => ({ ...p, metadata: { ...p.metadata, labels: { ...p.metadata?.labels, touched: 'yes' } } }));
  await waitFor('watch event', () => store.get(b)!.pod.metadata?.labels?.touched === 'yes');
  await waitFor('the record follows the watch', () => focused.current?.pod?.metadata?.labels?.touched === 'yes');
  assert.equal(hasFull(b), true);
  assert.deepEqual(
    focused.current!.pod!.spec?.containers.map((c) => c.image),
    second.spec!.containers.map((c) => c.image),
  );
  assert.equal(heldField(store.get(b)!.pod.spec, 'volumes'), undefined, 'the store keeps even the open Pod lean');
});
