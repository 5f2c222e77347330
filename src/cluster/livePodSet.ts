// The Pods a resolved query means, now and (when following) as they change: one list to start,
// then the product's list+watch (podWatch) with the query's selectors, diffed into "joined" and
// "left" calls. At most maxPods are followed; Pods beyond it are counted, never silently dropped.
import type { KubeConfig, V1OwnerReference, V1Pod } from '@kubernetes/client-node';
import type { LeanPod } from '../model/leanPodType.ts';
import { PodStore, uidOf } from '../store/podStore.ts';
import type { WatchDelta } from '../store/types.ts';
import { ApiError, describeError, UserError } from './errors.ts';
import type { QueriedPod, ResolvedQuery } from './podQuery.ts';
import { podsPath, startPodWatch } from './podWatch.ts';
import { getJson } from './request.ts';

interface PodList {
  items?: V1Pod[];
}

const scopeText = (namespace: string | undefined) => (namespace === undefined ? 'any namespace' : `namespace ${namespace}`);

/** The Pods matching now, in name order (one list request, plus the owners it has to read). */
export async function listMatching(kubeConfig: KubeConfig, query: ResolvedQuery, namespace: string | undefined): Promise<V1Pod[]> {
  let list: PodList;
  try {
    list = await getJson<PodList>(kubeConfig, podsPath(namespace), { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector });
  } catch (err) {
    if (err instanceof ApiError && err.statusCode === 403) throw new UserError(`forbidden: cannot list pods in ${scopeText(namespace)} (RBAC: list pods)`);
    throw new UserError(describeError(err, `list pods in ${scopeText(namespace)}`));
  }
  const out: V1Pod[] = [];
  for (const pod of list.items ?? []) {
    if (pod.metadata?.deletionTimestamp) continue;
    let match = query.matches(pod);
    if (match === 'unknown') {
      await query.learn(pod);
      match = query.matches(pod);
    }
    if (match === true) out.push(pod);
  }
  return out.sort((a, b) => `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(`${b.metadata?.namespace}/${b.metadata?.name}`));
}

export interface PodSetEvents {
  joined(pod: LeanPod): void;
  /** The Pod was deleted (or no longer matches). */
  left(pod: LeanPod): void;
  /** `matching` Pods match now, more than maxPods: the extra ones are not followed. */
  overflow(matching: number): void;
  /** The watch cannot see changes (forbidden, unreachable): joins and leaves wait until it can. */
  trouble(message: string): void;
}

/**
 * The store keeps every Pod lean (the list's shape: names, containers, labels, no owners); a
 * TYPE/NAME query needs each Pod's owners, so they are kept beside it as the watch brings them.
 */
class OwnersKeepingStore extends PodStore {
  private readonly owners = new Map<string, V1OwnerReference[]>();

  override apply(deltas: readonly WatchDelta[]): void {
    for (const d of deltas) {
      const refs = d.pod?.metadata?.ownerReferences;
      if (d.type !== 'DELETED' && Array.isArray(refs)) this.owners.set(uidOf(d.pod), refs);
      else this.owners.delete(uidOf(d.pod));
    }
    super.apply(deltas);
  }

  override pruneExcept(seen: ReadonlySet<string>, resourceVersion?: string): void {
    for (const uid of [...this.owners.keys()]) if (!seen.has(uid)) this.owners.delete(uid);
    super.pruneExcept(seen, resourceVersion);
  }

  /** The stored (lean) Pod with its owners put back. */
  withOwners(pod: LeanPod): LeanPod & QueriedPod {
    const ownerReferences = this.owners.get(uidOf(pod));
    return ownerReferences ? { ...pod, metadata: { ...pod.metadata, ownerReferences } } : pod;
  }
}

export interface LivePodSet {
  stop(): Promise<void>;
}

/** Follows the set from `initial` on: every change the watch brings is diffed against what is followed. */
export function followPodSet(kubeConfig: KubeConfig, query: ResolvedQuery, namespace: string | undefined, initial: readonly V1Pod[], maxPods: number, events: PodSetEvents): LivePodSet {
  const followed = new Map<string, LeanPod>(initial.map((p) => [uidOf(p), p]));
  // frameMs 0: each watch batch is seen as it lands.
  const store = new OwnersKeepingStore({ frameMs: 0, deletedLingerMs: 0 });
  let lastOverflow = 0;
  let stopped = false;
  let listed = false;
  let troubleShown = '';
  const reconcile = () => {
    const c = store.connection;
    const trouble = c.kind === 'forbidden' || c.kind === 'unreachable' ? c.message : '';
    if (trouble && trouble !== troubleShown) events.trouble(trouble);
    troubleShown = trouble;
    // Until the watch's first list is whole the store holds only some Pods: the others have not left.
    listed ||= store.connection.kind === 'live';
    if (stopped || !listed) return;
    const now = new Map<string, LeanPod>();
    for (const entry of store.all()) {
      const pod = store.withOwners(entry.pod);
      if (entry.deletedAt !== undefined || pod.metadata?.deletionTimestamp) continue;
      const match = query.matches(pod);
      if (match === 'unknown') {
        void query.learn(pod).then(reconcile);
      } else if (match) now.set(uidOf(pod), pod);
    }
    for (const [uid, pod] of followed) {
      if (now.has(uid)) continue;
      followed.delete(uid);
      events.left(pod);
    }
    let over = 0;
    for (const [uid, pod] of now) {
      if (followed.has(uid)) continue;
      if (followed.size >= maxPods) {
        over++;
        continue;
      }
      followed.set(uid, pod);
      events.joined(pod);
    }
    const matching = followed.size + over;
    if (over > 0 && matching !== lastOverflow) events.overflow(matching);
    lastOverflow = over > 0 ? matching : 0;
  };
  const unsubscribe = store.subscribe(reconcile);
  const watch = startPodWatch({ kubeConfig, namespace, labelSelector: query.labelSelector, fieldSelector: query.fieldSelector, store });
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      await watch.stop();
      store.close();
    },
  };
}
