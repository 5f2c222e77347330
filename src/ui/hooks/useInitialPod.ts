// `kubectl podview POD`: open that Pod as soon as the store knows it, or say it is not there
// once the list is live without it.
import { useEffect, useRef } from 'react';
import type { PodStore } from '../../store/podStore.ts';
import type { PodKey } from '../../store/types.ts';

/**
 * The wanted Pod's uid when the store has it before the first frame (tui.ts puts a named Pod
 * there, read whole): the first frame is its host view, not a list frame drawn on the way.
 */
export function initialPodUid(store: PodStore, wanted: PodKey | undefined): string | undefined {
  return wanted ? store.find(wanted.namespace, wanted.name)?.pod.metadata?.uid : undefined;
}

export function useInitialPod(store: PodStore, wanted: PodKey | undefined, version: number, open: (uid: string) => void, missing: (text: string) => void): void {
  const pending = useRef(wanted);
  useEffect(() => {
    const pod = pending.current;
    if (!pod) return;
    const entry = store.find(pod.namespace, pod.name);
    if (entry) {
      pending.current = undefined;
      open(entry.pod.metadata?.uid ?? `${pod.namespace}/${pod.name}`);
    } else if (store.connection.kind === 'live') {
      pending.current = undefined;
      missing(`Pod ${pod.namespace}/${pod.name} not found`);
    }
    // open and missing are new functions every render; the store's version is what matters.
  }, [version, store]);
}
