// The open Pod whole: read when it is opened (by the focus feed), then kept current by the watch
// (the store's tap hands over each whole object before keeping it lean), and written into the
// open Pod's record. Never an older copy than the record holds, and nothing for a Pod the
// store does not have or has seen deleted.
import type { V1Pod } from '@kubernetes/client-node';
import type { FocusedPodStore } from '../store/focusedPod.ts';
import type { PodStore } from '../store/podStore.ts';
import { trimPod } from '../store/trimPod.ts';
import type { PodKey } from '../store/types.ts';

/** True when `a` is known to be older than `b` (resourceVersions compare as integers when both are). */
export function olderVersion(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return false;
  return BigInt(a) < BigInt(b);
}

/** Writes this whole Pod into the record if it is the open one's, present, and not older than the record's. */
export function offerWhole(record: FocusedPodStore, store: PodStore, key: PodKey, pod: V1Pod, fromWatch: boolean): boolean {
  const current = record.current;
  const uid = pod.metadata?.uid;
  if (!current || current.key.namespace !== key.namespace || current.key.name !== key.name || uid === undefined) return false;
  const entry = store.get(uid);
  // A read arriving for a Pod gone or deleted meanwhile is not brought back; the watch's own DELETED is.
  if (!fromWatch && (!entry || entry.deletedAt !== undefined)) return false;
  const rv = pod.metadata?.resourceVersion;
  const held = current.pod?.metadata?.uid === uid ? current.pod.metadata?.resourceVersion : entry?.pod.metadata?.resourceVersion;
  if (olderVersion(rv, held)) return false;
  if (current.pod?.metadata?.uid === uid && rv !== undefined && rv === current.pod.metadata?.resourceVersion && !fromWatch) return false;
  return record.write(key, { pod: trimPod(pod) });
}

/**
 * Follows the record: on each newly opened Pod, taps the store for its watch events (the feed
 * reads it whole once and taps it again if it was not listed yet). Returns how to stop.
 */
export function followWholePod(record: FocusedPodStore, store: PodStore): () => void {
  let open: object | undefined;
  const follow = () => {
    const key = record.current?.key;
    if (key === open) return;
    open = key;
    const uid = key ? store.find(key.namespace, key.name)?.pod.metadata?.uid : undefined;
    if (!key || uid === undefined) return store.tapWhole(null);
    store.tapWhole(uid, (pod) => void offerWhole(record, store, key, pod, true));
  };
  const off = record.subscribe(follow);
  follow();
  return () => {
    off();
    store.tapWhole(null);
  };
}
