// Re-renders on store notifications (already coalesced to one per frame by the store) and
// hands each change to `onChange` first, so derived indexes are current when React renders.
import { useEffect, useRef, useState } from 'react';
import type { PodStore } from '../../store/podStore.ts';
import type { StoreChange } from '../../store/types.ts';

export function useStoreVersion(store: PodStore, onChange?: (change: StoreChange) => void): number {
  const [version, setVersion] = useState(store.version);
  const firstSeen = useRef(store.version);
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    const unsubscribe = store.subscribe((change) => {
      handler.current?.(change);
      setVersion(store.version);
    });
    // Anything applied between the first render and this subscription was announced to nobody:
    // treat it as a reset so derived indexes rebuild.
    if (store.version !== firstSeen.current) {
      handler.current?.({ changed: new Set(), reset: true, connectionChanged: true });
      setVersion(store.version);
    }
    return () => {
      unsubscribe();
    };
  }, [store]);
  return version;
}
