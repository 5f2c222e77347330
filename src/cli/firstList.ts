// When the TUI's first Pod list is "in": the moment the first frame may draw and the list's
// allocation burst is over.
import type { PodStore } from '../store/podStore.ts';

/**
 * The list is in when the store has its resourceVersion: the watch that follows need not be
 * open yet. A list that failed (forbidden, unreachable) is settled too: nothing more is coming.
 */
export function firstListSettled(store: PodStore): boolean {
  return store.resourceVersion !== undefined || (store.connection.kind !== 'connecting' && store.connection.kind !== 'loading');
}

/** Calls `then` once, when the first list has settled (at once if it has); returns a cancel. */
export function onFirstList(store: PodStore, then: () => void): () => void {
  if (firstListSettled(store)) {
    then();
    return () => {};
  }
  const unsubscribe = store.subscribe(() => {
    if (!firstListSettled(store)) return;
    unsubscribe();
    then();
  });
  return unsubscribe;
}
