// Where a Pod's surroundings come from: its events, its owner chain and its usage. Each read
// degrades to a note rather than an error (a user who may not read events still sees the Pod).
// Secrets are never read here or anywhere.
import type { CoreV1Event, KubeConfig, V1Pod } from '@kubernetes/client-node';
import type { OwnerView, Usage } from '../model/types.ts';
import { objectsOf } from './answerShape.ts';
import { describeError, httpStatus } from './errors.ts';
import { getJson } from './request.ts';

export interface SourceResult<T> {
  items: T[];
  /** Why the items are missing or partial, in one line. */
  note?: string;
}

export interface PodMetrics {
  metadata?: { name?: string; namespace?: string };
  containers?: { name?: string; usage?: { cpu?: string; memory?: string } }[];
}

function noteFor(what: string, err: unknown): string {
  return `${what}: ${describeError(err, `list ${what}`)}`;
}

/** Events in a namespace (or all), optionally narrowed by a field selector. */
export async function listEvents(kubeConfig: KubeConfig, namespace: string | undefined, fieldSelector?: string): Promise<SourceResult<CoreV1Event>> {
  const path = namespace === undefined ? '/api/v1/events' : `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`;
  const items: CoreV1Event[] = [];
  let cont: string | undefined;
  try {
    do {
      const page = await getJson<{ items?: unknown; metadata?: { continue?: unknown } } | null>(kubeConfig, path, { fieldSelector, limit: 500, continue: cont }, {});
      for (const event of objectsOf<CoreV1Event>(page?.items)) items.push(event);
      cont = (typeof page?.metadata?.continue === 'string' && page.metadata.continue) || undefined;
    } while (cont);
    return { items };
  } catch (err) {
    return { items: [], note: noteFor('events', err) };
  }
}

export function eventsByInvolvedUid(events: readonly CoreV1Event[]): Map<string, CoreV1Event[]> {
  const out = new Map<string, CoreV1Event[]>();
  for (const event of events) {
    const uid = event.involvedObject?.uid;
    if (typeof uid !== 'string' || !uid || event.involvedObject?.kind !== 'Pod') continue;
    let list = out.get(uid);
    if (!list) out.set(uid, (list = []));
    list.push(event);
  }
  return out;
}

export const METRICS_ABSENT_NOTE = 'usage: the metrics API (metrics.k8s.io) is not served by this cluster';

/** PodMetrics in a namespace (or all, or one Pod). A missing metrics API is a note, not an error. */
export async function listMetrics(kubeConfig: KubeConfig, namespace: string | undefined, name?: string): Promise<SourceResult<PodMetrics>> {
  const base = '/apis/metrics.k8s.io/v1beta1';
  const path = namespace === undefined ? `${base}/pods` : `${base}/namespaces/${encodeURIComponent(namespace)}/pods${name ? `/${encodeURIComponent(name)}` : ''}`;
  try {
    const body = await getJson<(PodMetrics & { items?: unknown }) | null>(kubeConfig, path, {}, {});
    return { items: name ? objectsOf<PodMetrics>([body]) : objectsOf<PodMetrics>(body?.items) };
  } catch (err) {
    if (httpStatus(err) === 404) {
      // The API may exist while this one Pod has no sample yet: ask discovery which it is.
      const served = await getJson(kubeConfig, base, {}, {}).then(
        () => true,
        () => false,
      );
      return { items: [], note: served ? 'usage: no metrics sample for this Pod yet' : METRICS_ABSENT_NOTE };
    }
    return { items: [], note: noteFor('metrics', err) };
  }
}

const CPU_SUFFIX: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1 };
const MEM_SUFFIX: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, m: 1e-3, '': 1 };

function quantity(text: string | undefined, table: Record<string, number>): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(text.trim());
  if (!match || !(match[2]! in table)) return undefined;
  return Number(match[1]) * table[match[2]!]!;
}

export function usageFromMetrics(metrics: PodMetrics): Record<string, Usage> {
  const out: Record<string, Usage> = {};
  for (const container of objectsOf<NonNullable<PodMetrics['containers']>[number]>(metrics.containers)) {
    if (typeof container.name !== 'string' || !container.name) continue;
    out[container.name] = { cpuCores: quantity(container.usage?.cpu, CPU_SUFFIX), memoryBytes: quantity(container.usage?.memory, MEM_SUFFIX) };
  }
  return out;
}

/** Owner objects already read in this pass, keyed "kind/namespace/name". */
export type OwnerCache = Map<string, { resolved: boolean; owner?: { kind: string; name: string } }>;

const OWNER_PATHS: Record<string, string> = {
  ReplicaSet: '/apis/apps/v1/namespaces/NS/replicasets/',
  Deployment: '/apis/apps/v1/namespaces/NS/deployments/',
  StatefulSet: '/apis/apps/v1/namespaces/NS/statefulsets/',
  DaemonSet: '/apis/apps/v1/namespaces/NS/daemonsets/',
  Job: '/apis/batch/v1/namespaces/NS/jobs/',
  CronJob: '/apis/batch/v1/namespaces/NS/cronjobs/',
};

type OwnerRef = { kind?: string; name?: string; controller?: boolean };

function controllerOf(refs: OwnerRef[] | undefined): { kind: string; name: string } | undefined {
  const list = refs ?? [];
  const ref = list.find((r) => r.controller === true) ?? list[0];
  return typeof ref?.kind === 'string' && typeof ref.name === 'string' && ref.kind && ref.name ? { kind: ref.kind, name: ref.name } : undefined;
}

type KnownOwner = OwnerCache extends Map<string, infer V> ? V : never;

async function readOwner(kubeConfig: KubeConfig, namespace: string, owner: { kind: string; name: string }): Promise<KnownOwner> {
  const template = OWNER_PATHS[owner.kind];
  if (!template) return { resolved: false };
  try {
    const object = await getJson<{ metadata?: { ownerReferences?: unknown } } | null>(kubeConfig, template.replace('NS', encodeURIComponent(namespace)) + encodeURIComponent(owner.name), {}, {});
    return { resolved: true, owner: controllerOf(objectsOf<OwnerRef>(object?.metadata?.ownerReferences)) };
  } catch {
    return { resolved: false }; // forbidden or gone: still show the name the Pod gave
  }
}

/**
 * The Deployment a ReplicaSet-owned Pod most likely belongs to: the Deployment controller names
 * its ReplicaSets DEPLOYMENT-HASH, HASH being the Pod's pod-template-hash label. Read together
 * with the ReplicaSet, so the usual chain takes one round trip, not two; the ReplicaSet's own
 * owner reference still decides, and a wrong guess costs one read that is not used.
 */
export function likelyDeployment(pod: V1Pod, owner: { kind: string; name: string } | undefined): { kind: string; name: string } | undefined {
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  if (owner?.kind !== 'ReplicaSet' || typeof hash !== 'string' || !hash || !owner.name.endsWith(`-${hash}`)) return undefined;
  const name = owner.name.slice(0, -hash.length - 1);
  return name ? { kind: 'Deployment', name } : undefined;
}

/** The Pod's owner chain, nearest first: ReplicaSet -> Deployment, Job -> CronJob, StatefulSet, DaemonSet. */
export async function resolveOwners(kubeConfig: KubeConfig, pod: V1Pod, cache: OwnerCache): Promise<OwnerView[]> {
  const namespace = pod.metadata?.namespace ?? 'default';
  const chain: OwnerView[] = [];
  let next = controllerOf(objectsOf<OwnerRef>(pod.metadata?.ownerReferences));
  const keyOf = (owner: { kind: string; name: string }) => `${owner.kind}/${namespace}/${owner.name}`;
  const ahead = new Map<string, Promise<KnownOwner>>();
  const guess = likelyDeployment(pod, next);
  if (guess && next && !cache.has(keyOf(next)) && !cache.has(keyOf(guess))) ahead.set(keyOf(guess), readOwner(kubeConfig, namespace, guess));
  while (next && chain.length < 5) {
    const key = keyOf(next);
    let known = cache.get(key);
    if (!known) {
      known = await (ahead.get(key) ?? readOwner(kubeConfig, namespace, next));
      cache.set(key, known);
    }
    chain.push({ kind: next.kind, name: next.name, resolved: known.resolved });
    next = known.owner;
  }
  return chain;
}

export function notesFor(results: readonly SourceResult<unknown>[]): string[] {
  return [...new Set(results.map((r) => r.note).filter((n): n is string => n !== undefined))];
}
