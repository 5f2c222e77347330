// The open Pod's record (store/focusedPod), re-read whenever the focus feed writes to it.
import { useSyncExternalStore } from 'react';
import type { FocusedPod, FocusedPodStore } from '../../store/focusedPod.ts';

export function useFocusedPod(focused: FocusedPodStore): FocusedPod | undefined {
  return useSyncExternalStore(
    (onChange) => focused.subscribe(onChange),
    () => focused.current,
  );
}
