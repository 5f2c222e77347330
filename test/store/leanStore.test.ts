// The store keeps every Pod lean except the one the user has open: the list must not notice,
// the open Pod must get its whole object, and a stale copy must never replace a newer one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { toPodRow } from '../../src/model/podRow.ts';
import { makeScalePod } from '../../src/sim/scenario/scale.ts';
import { leanPod, SHARED_PART_LIMIT, sharedPartCount } from '../../src/store/leanPod.ts';
import { followWholePod, offerWhole } from '../../src/cluster/focusWhole.ts';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { trimPod } from '../../src/store/trimPod.ts';
import { heldField } from './fixtures.ts';
import { defaultContainer } from '../../src/model/defaultContainer.ts';
import { podLimits } from '../../src/model/podUsage.ts';
import { conflictingPorts, crashingWithSidecar, NOW, simplePod, userMsvc } from '../ui/fixtures.ts';

const SCALE = { pods: 200, namespaces: 4, seed: 7, nowMs: NOW };

/** Pods as a watch decodes them: plain JSON, nothing shared between them. */
function decoded(): V1Pod[] {
  const pods = [userMsvc(), crashingWithSidecar(), conflictingPorts(), simplePod('shop', 'web-1', { phase: 'Pending' })];
  for (let i = 0; i < SCALE.pods; i++) pods.push(makeScalePod(i, SCALE));
  const deleting = userMsvc();
  deleting.metadata = { ...deleting.metadata, uid: 'deleting', deletionTimestamp: new Date(NOW - 5000) };
  pods.push(deleting);
  const gated = simplePod('shop', 'gated', { phase: 'Pending' });
  gated.status = { ...gated.status, conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] };
  pods.push(gated);
  const annotated = conflictingPorts();
  annotated.metadata = { ...annotated.metadata, uid: 'annotated', annotations: { 'kubectl.kubernetes.io/default-container': 'metrics', 'example.com/big': 'x'.repeat(1000) } };
  pods.push(annotated);
  return pods.map((p) => JSON.parse(JSON.stringify(p)) as V1Pod);
}

const uid = (p: V1Pod) => p.metadata!.uid!;

test('a lean Pod gives the same list row, labels and default container as the whole one', () => {
  const pods = decoded();
  const statuses = new Set<string>();
  for (const pod of pods) {
    const lean = leanPod(pod);
    const whole = trimPod(pod);
    assert.deepEqual(toPodRow(lean, NOW), toPodRow(whole, NOW), pod.metadata!.name!);
    assert.deepEqual(toPodRow(lean, NOW, true), toPodRow(whole, NOW, true));
    assert.equal(defaultContainer(lean), defaultContainer(whole));
    assert.deepEqual(podLimits(lean), podLimits(whole), `${pod.metadata!.name!}: the ceiling of the CPU and MEM columns`);
    if (podLimits(lean).memBytes !== undefined) statuses.add('with a memory limit');
    statuses.add(toPodRow(lean, NOW).status);
  }
  const annotated = leanPod(pods.find((p) => uid(p) === 'annotated')!);
  assert.equal(defaultContainer(annotated), 'metrics', 'the default-container annotation survives');
  assert.deepEqual(annotated.metadata?.annotations, { 'kubectl.kubernetes.io/default-container': 'metrics' }, 'no other annotation does');
  const scaled = pods.find((p) => p.metadata?.ownerReferences !== undefined)!;
  assert.equal(heldField(leanPod(scaled).metadata, 'ownerReferences'), undefined);
  // The sample covers more than the happy path, or the equality above proves little.
  for (const s of ['Running', 'CrashLoopBackOff', 'Terminating', 'SchedulingGated', 'Pending', 'with a memory limit']) assert.ok(statuses.has(s), `${s} in ${[...statuses].join(', ')}`);
});

/** The open Pod's record, kept whole from the store's watch events (cluster/focusWhole). */
function openPodFeed(store: PodStore): FocusedPodStore {
  const focused = new FocusedPodStore();
  followWholePod(focused, store);
  return focused;
}
const keyOf = (p: V1Pod) => ({ namespace: p.metadata!.namespace!, name: p.metadata!.name! });
/** Whether the record holds this Pod whole. */
const hasFull = (focused: FocusedPodStore, p: V1Pod) => focused.current?.pod?.metadata?.uid === uid(p);

test('unfocused Pods are stored lean; the focused one whole, from its next event on', () => {
  const store = new PodStore({ frameMs: 0 });
  const focused = openPodFeed(store);
  const [msvc, crash] = [userMsvc(), crashingWithSidecar()];
  store.replaceAll([msvc, crash], '1');
  const stored = store.get(uid(msvc))!.pod;
  assert.equal(heldField(stored.spec?.containers[0], 'ports'), undefined, 'no ports in a lean Pod');
  assert.equal(stored.spec?.containers[0]?.image, msvc.spec!.containers[0]!.image, 'the image stays for the filter');
  assert.equal(heldField(stored.spec, 'volumes'), undefined);
  assert.equal(heldField(stored.metadata, 'ownerReferences'), undefined);
  assert.deepEqual(stored.metadata?.labels, msvc.metadata?.labels, 'labels stay for the filter');
  assert.equal(hasFull(focused, msvc), false);

  focused.focus(keyOf(msvc));
  assert.equal(hasFull(focused, msvc), false, 'focusing alone does not make a lean Pod whole');
  store.apply([{ type: 'MODIFIED', pod: { ...msvc, metadata: { ...msvc.metadata, resourceVersion: '999' } } }]);
  assert.equal(hasFull(focused, msvc), true);
  assert.deepEqual(focused.current!.pod!.spec?.containers[0]?.ports, msvc.spec!.containers[0]!.ports);
  assert.equal(heldField(store.get(uid(crash))!.pod.spec?.containers[0]?.resources, 'requests'), undefined, 'the others stay lean: limits only, for the CPU and MEM columns');
  assert.equal(heldField(store.get(uid(msvc))!.pod.spec?.containers[0], 'ports'), undefined, 'the store itself keeps even the open Pod lean');

  focused.focus(keyOf(crash));
  assert.equal(hasFull(focused, msvc), false);
  assert.equal(heldField(store.get(uid(msvc))!.pod.spec?.containers[0], 'ports'), undefined, 'the Pod left behind goes back to lean');
  assert.equal(store.get(uid(msvc))!.pod.metadata?.resourceVersion, '999');
});

test('a read whole Pod is taken only for the focused, present Pod, and never an older copy', () => {
  const heard: number[] = [];
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 60_000 });
  const focused = openPodFeed(store);
  focused.subscribe(() => heard.push(1));
  const at = (p: V1Pod, rv: string): V1Pod => ({ ...p, metadata: { ...p.metadata, resourceVersion: rv } });
  const msvc = userMsvc();
  const other = simplePod('shop', 'web-1');
  store.replaceAll([at(msvc, '10'), other], '10');
  const put = (p: V1Pod) => offerWhole(focused, store, keyOf(p), p, false);

  assert.equal(put(at(msvc, '10')), false, 'not focused: stays lean');
  assert.equal(hasFull(focused, msvc), false);

  focused.focus(keyOf(msvc));
  assert.equal(put(at(msvc, '9')), false, 'older than the stored lean copy');
  assert.equal(hasFull(focused, msvc), false);
  heard.length = 0;
  assert.equal(put(at(msvc, '10')), true, 'same version: the whole of what the list showed');
  assert.deepEqual(heard, [1], 'subscribers hear of it');
  assert.equal(focused.current!.pod!.spec?.volumes?.length, msvc.spec!.volumes!.length);
  assert.equal(focused.current!.pod!.metadata?.managedFields, undefined, 'still trimmed');
  assert.equal(put(at(msvc, '10')), false, 'already whole at that version: no redraw');

  store.apply([{ type: 'DELETED', pod: at(msvc, '11') }]);
  assert.equal(focused.current!.pod!.spec?.volumes?.length, msvc.spec!.volumes!.length, 'a deleted focused Pod lingers whole');
  assert.equal(put(at(msvc, '12')), false, 'no resurrection of a deleted Pod');
  focused.focus(keyOf(other));
  assert.equal(put(at(msvc, '12')), false);
  assert.equal(offerWhole(focused, store, keyOf(other), { ...other, metadata: { ...other.metadata, uid: 'unknown' } }, false), false, 'a Pod the store does not have is not added');
  assert.equal(store.size, 2);
  store.close();
});

test('a re-list keeps the focused Pod whole and prunes as before', () => {
  const store = new PodStore({ frameMs: 0 });
  const focused = openPodFeed(store);
  const [msvc, crash, web] = [userMsvc(), crashingWithSidecar(), simplePod('shop', 'web-1')];
  store.replaceAll([crash], '4');
  focused.focus(keyOf(crash));
  store.replaceAll([msvc, crash, web], '5');
  assert.equal(hasFull(focused, crash), true);
  store.apply([
    { type: 'ADDED', pod: msvc },
    { type: 'ADDED', pod: crash },
  ]);
  store.pruneExcept(new Set([uid(msvc), uid(crash)]), '6');
  assert.equal(store.size, 2);
  assert.equal(hasFull(focused, crash), true);
  assert.ok(focused.current!.pod!.spec?.containers.some((c) => c.resources !== undefined));
  assert.equal(heldField(store.get(uid(msvc))!.pod.spec?.containers[0], 'ports'), undefined);
  assert.equal(store.resourceVersion, '6');
});

test('lean Pods that look alike share their parts, and a change never reaches another Pod', () => {
  const make = (name: string, ready: boolean, labels: Record<string, string>) =>
    JSON.parse(
      JSON.stringify({
        metadata: { namespace: 'shop', name, uid: `uid-${name}`, resourceVersion: '1', labels },
        spec: {
          containers: [
            { name: 'app', image: 'nginx' },
            { name: 'proxy', image: 'envoy' },
          ],
        },
        status: {
          phase: 'Running',
          conditions: [
            { type: 'Ready', status: ready ? 'True' : 'False' },
            { type: 'Initialized', status: 'True' },
          ],
          containerStatuses: [
            { name: 'app', ready, started: true, restartCount: 0, state: { running: { startedAt: '2024-01-01T00:00:00Z' } } },
            { name: 'proxy', ready: true, started: true, restartCount: 0, state: { running: { startedAt: '2024-01-01T00:00:01Z' } } },
          ],
        },
      }),
    ) as V1Pod;
  const a = leanPod(make('web-a', true, { app: 'web' }));
  const b = leanPod(make('web-b', true, { app: 'web' }));
  const c = leanPod(make('web-c', false, { app: 'web', canary: 'yes' }));
  assert.equal(a.spec!.containers, b.spec!.containers, 'the same containers: one array');
  assert.equal(a.status!.containerStatuses, b.status!.containerStatuses);
  assert.equal(a.status!.conditions, b.status!.conditions);
  assert.equal(a.metadata!.labels, b.metadata!.labels);
  assert.notEqual(a.metadata, b.metadata, 'names are their own');
  assert.ok(Object.isFrozen(a.status!.containerStatuses![0]), 'a shared part cannot be changed under another Pod');
  assert.notEqual(c.status!.containerStatuses, a.status!.containerStatuses);
  assert.equal(c.status!.containerStatuses![1], a.status!.containerStatuses![1], 'the unchanged container is still shared');
  assert.equal(c.status!.containerStatuses![0]!.ready, false);
  assert.equal(a.status!.containerStatuses![0]!.ready, true);
  assert.deepEqual(c.metadata!.labels, { app: 'web', canary: 'yes' });
  assert.deepEqual(toPodRow(c, NOW).status, toPodRow(trimPod(make('web-c', false, { app: 'web', canary: 'yes' })), NOW).status);
});

test("a large cluster's workloads keep their parts shared: the table holds 12,000 workloads' labels", () => {
  const first = leanPod(simplePod('ns', 'w-0-a', { labels: { app: 'w-0' } }));
  for (let i = 1; i < 12_000; i++) leanPod(simplePod('ns', `w-${i}-a`, { labels: { app: `w-${i}` } }));
  const again = leanPod(simplePod('ns', 'w-0-b', { labels: { app: 'w-0' } }));
  assert.equal(again.metadata!.labels, first.metadata!.labels, "workload w-0's labels are still the one shared object");
});

test('a part still in use stays shared when the table fills under churn', () => {
  const first = leanPod(simplePod('ns', 'steady-a', { labels: { app: 'steady' } }));
  // Churn: new parts, enough to fill the table twice over, while the steady workload's Pods
  // keep changing (their parts are looked up again now and then).
  for (let i = 0; i < 2 * SHARED_PART_LIMIT; i++) {
    leanPod(simplePod('ns', `churn-${i}`, { labels: { app: `churn-${i}` } }));
    if (i % 10_000 === 0) leanPod(simplePod('ns', `steady-${i}`, { labels: { app: 'steady' } }));
  }
  const later = leanPod(simplePod('ns', 'steady-b', { labels: { app: 'steady' } }));
  assert.equal(later.metadata!.labels, first.metadata!.labels, "the steady workload's labels are still the one shared object");
});

test('the table of shared parts is bounded, and a malformed field is never shared', () => {
  for (let i = 0; i < 3 * SHARED_PART_LIMIT; i++) leanPod(simplePod('ns', `p-${i}`, { labels: { app: `app-${i}` } }));
  assert.ok(sharedPartCount() <= 2 * SHARED_PART_LIMIT, `${sharedPartCount()} parts held`);
  const odd = (reason: unknown) =>
    leanPod(JSON.parse(JSON.stringify({ metadata: { name: 'x', namespace: 'n', uid: 'x' }, status: { containerStatuses: [{ name: 'app', state: { waiting: { reason } } }] } })) as V1Pod);
  const one = odd({ text: 'a' });
  const two = odd({ text: 'b' });
  assert.deepEqual(two.status!.containerStatuses![0]!.state!.waiting!.reason, { text: 'b' });
  assert.deepEqual(one.status!.containerStatuses![0]!.state!.waiting!.reason, { text: 'a' });
});
