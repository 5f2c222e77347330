// The Pod list's data: the store's sorted index (filtered by the user's text) and a row
// cache for what is on screen. Re-renders once per coalesced store notification.
import { useEffect, useMemo } from 'react';
import type { PodStore } from '../../store/podStore.ts';
import type { PodUsageStore } from '../../store/podUsage.ts';
import { PodIndex, type SearchResult, type UidList } from '../../store/podIndex.ts';
import { sortUids, type SortSpec, type SortSubject } from '../../store/sortOrder.ts';
import { podFacts } from '../list/podFields.ts';
import { RowCache, type ToPodRow } from '../list/rowCache.ts';
import { useStoreVersion } from './useStoreVersion.ts';
import { useUsageVersion } from './useUsageVersion.ts';

export interface PodListData {
  /** uids in display order after the filter; the full list when the filter is invalid. A view: the same object until its rows change. */
  uids: UidList;
  total: number;
  /** Why the filter could not be used, e.g. a selector that does not parse. */
  filterError?: string;
  filterKind: 'all' | 'substring' | 'selector';
  rows: RowCache;
  version: number;
}

export function usePodList(store: PodStore, filter: string, sort: SortSpec, toRow: ToPodRow, now: () => number, usage?: PodUsageStore): PodListData {
  const index = useMemo(() => new PodIndex(store, podFacts), [store]);
  const rows = useMemo(() => new RowCache(store, toRow, now), [store, toRow, now]);
  useEffect(() => () => index.close(), [index]);
  const version = useStoreVersion(store, (change) => rows.apply(change));
  // A new metrics sample moves Pods only under the CPU and MEM sorts.
  const usageVersion = useUsageVersion(usage);
  const byUsage = sort.column === 'cpu' || sort.column === 'mem' ? usageVersion : 0;
  const total = index.count();
  const result: SearchResult = index.search(filter);
  const matched = result.ok ? result.rows : index.list();
  // Sorted again once per store frame at most (a Pod's restarts or status may have moved it).
  const uids = useMemo(() => sortUids(matched, sort, (uid) => subjectOf(store, uid, usage)), [matched, sort, version, store, usage, byUsage]);
  if (!result.ok) return { uids, total, filterError: result.error, filterKind: 'all', rows, version };
  return { uids, total, filterKind: result.kind, rows, version };
}

function subjectOf(store: PodStore, uid: string, usage: PodUsageStore | undefined): SortSubject | undefined {
  const pod = store.get(uid)?.pod;
  if (!pod) return undefined;
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  return { uid, namespace, name, facts: podFacts(pod), usage: usage?.get(namespace, name) };
}
