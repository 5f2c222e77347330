// The Pods `a` follows from the list: every shown one, when the list is narrowed (a filter, or
// a workload given as TYPE/NAME, -l). An unnarrowed list is the whole namespace: there `a` keeps
// its single-Pod meaning.
import type { UidList } from '../../store/podIndex.ts';
import type { PodStore } from '../../store/podStore.ts';
import type { PodKey } from '../../store/types.ts';

export function listedPods(list: { filter: string; uids: UidList }, store: PodStore, narrowedBySelector: boolean): PodKey[] | undefined {
  if (list.filter === '' && !narrowedBySelector) return undefined;
  const pods: PodKey[] = [];
  for (const uid of list.uids.slice()) {
    const meta = store.get(uid)?.pod.metadata;
    if (meta?.name) pods.push({ namespace: meta.namespace ?? '', name: meta.name });
  }
  return pods;
}
