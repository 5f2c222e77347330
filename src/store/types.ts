import type { V1Pod } from '@kubernetes/client-node';
import type { EventLike, OwnerView, Usage } from '../model/types.ts';

/** The whole Pod (the open one in store/focusedPod, less what no view reads: trimPod), for views that read more than the list row; the list store keeps every Pod as a LeanPod (model/leanPodType.ts). */
export type WholePod = V1Pod;

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'loading'; loaded: number }
  /** `skipped`: what the server sent that could not be shown (items that are no Pod, items over the size cap), counted. */
  | { kind: 'live'; skipped?: string }
  | { kind: 'reconnecting'; attempt: number; reason: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'unreachable'; message: string };

export interface PodKey {
  namespace: string;
  name: string;
}

/** What the cluster layer learns about the open Pod beyond the Pod object itself (store/focusedPod). */
export interface PodDetails {
  events?: EventLike[];
  owners?: OwnerView[];
  usage?: Record<string, Usage>;
  /** Why a part is missing, e.g. "events: forbidden", "metrics API not served". */
  notes: string[];
}

export interface StoreChange {
  /** uids added, modified or deleted since the last notification. */
  changed: Set<string>;
  /** true when the whole set was replaced (a re-list), so subscribers should redraw everything. */
  reset: boolean;
  connectionChanged: boolean;
}

export type WatchDelta = { type: 'ADDED' | 'MODIFIED'; pod: V1Pod } | { type: 'DELETED'; pod: V1Pod };
