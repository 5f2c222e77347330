// The TUI's port-forwards (store/forwards), re-read whenever the forward feed writes to them.
import { useSyncExternalStore } from 'react';
import type { Forward, ForwardStore } from '../../store/forwards.ts';

export function useForwards(forwards: ForwardStore): readonly Forward[] {
  return useSyncExternalStore(
    (onChange) => forwards.subscribe(onChange),
    () => forwards.all,
  );
}
