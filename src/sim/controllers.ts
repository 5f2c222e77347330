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
import type { KObject } from './kObject.ts';
import type { ObjectStore } from './objectStore.ts';
import { pendingPod, replacementEvents, startedPod, type Placement } from './replacementPod.ts';
import { storedResource } from './resources.ts';
import type { PodRuntime } from './scenario/types.ts';

const PODS = storedResource('pods');
const EVENTS = storedResource('events');
const JOBS = storedResource('jobs');
const FAILED = '"phase":"Failed"';
const OWNERS: Record<string, string> = { ReplicaSet: 'replicasets', StatefulSet: 'statefulsets', Job: 'jobs' };
/** How long the kubelet takes from the Pod's creation to its containers running. */
export const START_DELAY_MS = 400;
/** kube's utilrand alphabet for generated name suffixes (no vowels, no 0/1/3). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** What the controllers use of the sim's core (SimCore): its store, its clock and timers, and what ran in each Pod. */
export interface ControllerHost {
  readonly store: ObjectStore;
  /** What ran in each Pod, by namespace/name: a replacement runs the same. */
  readonly runtimes: Map<string, PodRuntime>;
  now(): number;
  /** Runs fn after ms, unless the core closes first. */
  later(ms: number, fn: () => void): void;
}

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

/** A new address in the old Pod's range (the node's Pod CIDR): a new sandbox gets a new IP. */
function nextPodIP(old: string | undefined): string {
  const prefix = old && /^\d+\.\d+\.\d+\.\d+$/.test(old) ? old.slice(0, old.lastIndexOf('.')) : '10.244.0';
  const last = Number(old?.slice(old.lastIndexOf('.') + 1));
  let octet = 2 + randomInt(252);
  if (octet === last) octet = octet === 253 ? 2 : octet + 1;
  return `${prefix}.${octet}`;
}

function jobFinished(job: KObject): boolean {
  return (job.status?.conditions ?? []).some((c: KObject) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

export function createControllers(core: ControllerHost): Controllers {
  const ownerOf = (pod: KObject, ref: V1OwnerReference): KObject | undefined => {
    const owner = core.store.get(storedResource(OWNERS[ref.kind]!), pod.metadata?.namespace, ref.name)?.object();
    return owner?.metadata?.uid === ref.uid ? owner : undefined;
  };

  const replace = (old: KObject, runtime: PodRuntime | undefined, ref: V1OwnerReference, owner: KObject, name: string) => {
    const namespace = old.metadata!.namespace as string;
    const template: V1PodTemplateSpec = owner.spec?.template?.spec ? owner.spec.template : templateFromPod(old);
    // A StatefulSet's Pod keeps its identity labels; the others get the template's labels only.
    if (ref.kind === 'StatefulSet') template.metadata = { ...template.metadata, labels: { ...old.metadata?.labels } };
    const placement: Placement = { nodeName: old.spec?.nodeName ?? 'node-1', hostIP: old.status?.hostIP ?? '10.128.0.1' };
    const podIP = nextPodIP(old.status?.podIP);
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
      core.store.update(PODS, startedPod(current as V1Pod, core.now(), podIP) as KObject);
      for (const e of events.started) createEvent(core, e);
    });
  };

  const generatedFree = (namespace: string, owner: string): string => {
    let name = generated(`${owner}-`);
    while (core.store.get(PODS, namespace, name)) name = generated(`${owner}-`);
    return name;
  };

  const failures = new Map<string, number>();
  /** One more failed Pod of the Job; false once past its backoffLimit (the Job is then Failed). */
  const jobMayRetry = (ref: V1OwnerReference, job: KObject): boolean => {
    const failed = (failures.get(ref.uid) ?? job.status?.failed ?? 0) + 1;
    failures.set(ref.uid, failed);
    if (failed > (job.spec?.backoffLimit ?? 6)) {
      failJob(core, job, failed);
      return false;
    }
    core.store.update(JOBS, { ...job, status: { ...job.status, failed } });
    return true;
  };

  // A Job's failed Pod (phase Failed, not deleted) counts against spec.backoffLimit, as kube's
  // job controller counts it (and a deleted one), and is replaced while the limit holds; past it
  // the Job is Failed.
  // Found by a byte search of the stored JSON (the only "phase" of a Pod is status.phase), so
  // the churn's thousands of changes a second are not parsed for it.
  core.store.onEvent((e) => {
    if (e.resource !== PODS || e.type !== 'MODIFIED' || !e.prev || e.entry.bytes.indexOf(FAILED) < 0 || e.prev.bytes.indexOf(FAILED) >= 0) return;
    const pod = e.entry.object();
    const ref = controllerOf(pod);
    if (ref?.kind !== 'Job' || pod.metadata?.deletionTimestamp) return;
    const job = ownerOf(pod, ref);
    if (!job || jobFinished(job)) return;
    if (!jobMayRetry(ref, job)) return;
    replace(pod, core.runtimes.get(`${pod.metadata!.namespace}/${pod.metadata!.name}`), ref, job, generatedFree(pod.metadata!.namespace, ref.name));
  });

  return {
    terminating(pod, runtime) {
      const ref = controllerOf(pod);
      if (!ref || ref.kind === 'StatefulSet') return;
      const owner = ownerOf(pod, ref);
      // A Job's Pod that had already finished was counted (or succeeded) then: deleting it changes nothing.
      const finished = pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
      if (!owner || (ref.kind === 'Job' && (finished || jobFinished(owner) || !jobMayRetry(ref, owner)))) return;
      replace(pod, runtime, ref, owner, generatedFree(pod.metadata!.namespace, ref.name));
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

/** kube's job controller past the backoff limit: the Job gets FailureTarget and Failed conditions. */
function failJob(core: ControllerHost, job: KObject, failed: number): void {
  const at = new Date(core.now()).toISOString().replace(/\.\d+Z$/, 'Z');
  const condition = (type: string) => ({ type, status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastProbeTime: at, lastTransitionTime: at });
  const conditions = [...(job.status?.conditions ?? []), condition('FailureTarget'), condition('Failed')];
  core.store.update(JOBS, { ...job, status: { ...job.status, failed, active: 0, conditions } });
}

function createEvent(core: ControllerHost, event: KObject): void {
  // An event of this name exists when a StatefulSet Pod came back before: count it again.
  const existing = core.store.get(EVENTS, event.metadata?.namespace, event.metadata!.name)?.object();
  if (existing) core.store.update(EVENTS, { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: event.lastTimestamp });
  else core.store.create(EVENTS, event);
}
