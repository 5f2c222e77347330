// The part of kube-controller-manager a Pod's user sees: delete a ReplicaSet's, StatefulSet's or
// unfinished Job's Pod and its controller makes another from its template.
//
// Minimal on purpose, and O(1) per deletion: the controllers act on the deletions SimCore makes
// (an API DELETE, the control API), replacing one Pod for the one that went, instead of watching
// every Pod event and counting a workload's Pods as kube's controllers do. The churn generator
// writes to the store directly and models creations itself, so it never wakes them.
// - ReplicaSet and Job: a replacement named `<owner>-<5 random>` as soon as the old Pod is
//   Terminating (kube's controllers count a Pod with a deletionTimestamp as gone).
// - StatefulSet: the same name again, once the old Pod has left the store.
// - Bare Pods and Pods of other owners (DaemonSet, or an owner that no longer exists) stay gone.
// The template is the owner's spec.template; an owner stored without one (a hand-made scenario)
// gets the deleted Pod's own spec and labels, which is what its controller made it from.
import { randomInt } from 'node:crypto';
import type { V1OwnerReference, V1Pod, V1PodTemplateSpec } from '@kubernetes/client-node';
import type { KObject } from './objectStore.ts';
import { pendingPod, replacementEvents, startedPod, type Placement } from './replacementPod.ts';
import { storedResource } from './resources.ts';
import type { SimCore } from './simCore.ts';
import type { PodRuntime } from './scenario/types.ts';

const PODS = storedResource('pods');
const EVENTS = storedResource('events');
const OWNERS: Record<string, string> = { ReplicaSet: 'replicasets', StatefulSet: 'statefulsets', Job: 'jobs' };
/** How long the kubelet takes from the Pod's creation to its containers running. */
export const START_DELAY_MS = 400;
/** kube's utilrand alphabet for generated name suffixes (no vowels, no 0/1/3). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export interface Controllers {
  /** A Pod was marked Terminating (or removed without a grace period); `runtime`: what ran in it. */
  terminating(pod: KObject, runtime: PodRuntime | undefined): void;
  /** A Pod left the store. */
  removed(pod: KObject, runtime: PodRuntime | undefined): void;
}

const generated = (base: string): string => base + Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

function controllerOf(pod: KObject): V1OwnerReference | undefined {
  return (pod.metadata?.ownerReferences as V1OwnerReference[] | undefined)?.find((o) => o.controller && OWNERS[o.kind]);
}

/** A Pod template without what the API server and admission added to the deleted Pod. */
function templateFromPod(pod: KObject): V1PodTemplateSpec {
  const { nodeName: _n, ...spec } = pod.spec ?? {};
  return { metadata: { labels: pod.metadata?.labels, annotations: pod.metadata?.annotations }, spec: spec as V1PodTemplateSpec['spec'] };
}

function jobFinished(job: KObject): boolean {
  return (job.status?.conditions ?? []).some((c: KObject) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

export function createControllers(core: SimCore): Controllers {
  const ownerOf = (pod: KObject, ref: V1OwnerReference): KObject | undefined => {
    const owner = core.store.get(storedResource(OWNERS[ref.kind]), pod.metadata?.namespace, ref.name)?.object();
    return owner?.metadata?.uid === ref.uid ? owner : undefined;
  };

  const replace = (old: KObject, runtime: PodRuntime | undefined, ref: V1OwnerReference, owner: KObject, name: string) => {
    const namespace = old.metadata!.namespace as string;
    const template: V1PodTemplateSpec = owner.spec?.template?.spec ? owner.spec.template : templateFromPod(old);
    // A StatefulSet's Pod keeps its identity labels; the others get the template's labels only.
    if (ref.kind === 'StatefulSet') template.metadata = { ...template.metadata, labels: { ...old.metadata?.labels } };
    const placement: Placement = { nodeName: old.spec?.nodeName ?? 'node-1', hostIP: old.status?.hostIP ?? '10.128.0.1', podIP: old.status?.podIP };
    const createdMs = core.now();
    const pod = pendingPod({ namespace, name, owner: { ...ref, blockOwnerDeletion: true }, template, placement, nowMs: createdMs });
    if (old.metadata?.generateName) pod.metadata!.generateName = old.metadata.generateName;
    const uid = core.store.create(PODS, pod as KObject).object().metadata?.uid;
    // The new Pod runs what the old one ran: logs and exec keep working.
    if (runtime) core.runtimes.set(`${namespace}/${name}`, runtime);
    const events = replacementEvents(pod, createdMs, createdMs + START_DELAY_MS);
    createEvent(core, events.scheduled);
    core.later(START_DELAY_MS, () => {
      const current = core.store.get(PODS, namespace, name)?.object();
      if (current?.metadata?.uid !== uid || current?.metadata?.deletionTimestamp) return;
      core.store.update(PODS, startedPod(current as V1Pod, core.now()) as KObject);
      for (const e of events.started) createEvent(core, e);
    });
  };

  return {
    terminating(pod, runtime) {
      const ref = controllerOf(pod);
      if (!ref || ref.kind === 'StatefulSet') return;
      const owner = ownerOf(pod, ref);
      if (!owner || (ref.kind === 'Job' && jobFinished(owner))) return;
      let name = generated(`${ref.name}-`);
      while (core.store.get(PODS, pod.metadata?.namespace, name)) name = generated(`${ref.name}-`);
      replace(pod, runtime, ref, owner, name);
    },
    removed(pod, runtime) {
      const ref = controllerOf(pod);
      if (ref?.kind !== 'StatefulSet') return;
      const owner = ownerOf(pod, ref);
      if (!owner || core.store.get(PODS, pod.metadata?.namespace, pod.metadata!.name)) return;
      replace(pod, runtime, ref, owner, pod.metadata!.name);
    },
  };
}

function createEvent(core: SimCore, event: KObject): void {
  // An event of this name exists when a StatefulSet Pod came back before: count it again.
  const existing = core.store.get(EVENTS, event.metadata?.namespace, event.metadata!.name)?.object();
  if (existing) core.store.update(EVENTS, { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: event.lastTimestamp });
  else core.store.create(EVENTS, event);
}
