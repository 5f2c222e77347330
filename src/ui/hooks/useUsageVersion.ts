// Re-renders when the metrics poll brings a new sample (every 15 s at most) or stops.
import { useCallback, useSyncExternalStore } from 'react';
import type { PodUsageStore } from '../../store/podUsage.ts';

/** The usage store's version; 0 without a store. */
export function useUsageVersion(usage: PodUsageStore | undefined): number {
  const subscribe = useCallback((listener: () => void) => (usage ? usage.subscribe(listener) : () => {}), [usage]);
  return useSyncExternalStore(subscribe, () => usage?.state.version ?? 0);
}
