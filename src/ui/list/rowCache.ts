// PodRows for the rows on screen, built on demand and kept until the Pod's resourceVersion,
// its deleted mark or its finding (which the store moves on with time alone) changes; with 100,000 Pods only the visible few are ever built.
// Bounded: the rows least recently read leave first, so scrolling through every Pod keeps
// a few screens' worth, not a row per Pod ever shown.
import type { StatusFinding } from '../../model/statusFindings.ts';
import type { PodRow } from '../../model/types.ts';
import type { PodStore } from '../../store/podStore.ts';
import type { LeanPod } from '../../model/leanPodType.ts';
import type { StoreChange } from '../../store/types.ts';

export type ToPodRow = (pod: LeanPod, now: number, deleted?: boolean) => PodRow;

interface Cached {
  rv: string | undefined;
  deleted: boolean;
  finding: StatusFinding | undefined;
  row: PodRow;
  /** When ageSeconds was computed (ms), so the AGE column can move on without a rebuild. */
  at: number;
}

/** A few screens of the tallest terminals. */
export const ROW_CACHE_LIMIT = 1024;

export class RowCache {
  /** In order of last read: the first entry is the one to drop. */
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly store: PodStore,
    private readonly toRow: ToPodRow,
    private readonly now: () => number,
    private readonly limit = ROW_CACHE_LIMIT,
  ) {}

  /** Drops rows of Pods that left the store (the rest revalidate on read). */
  apply(change: StoreChange): void {
    if (change.reset) {
      for (const uid of this.cache.keys()) if (!this.store.get(uid)) this.cache.delete(uid);
      return;
    }
    for (const uid of change.changed) if (!this.store.get(uid)) this.cache.delete(uid);
  }

  /** The row of a stored Pod, or undefined when the store no longer has it. */
  row(uid: string): PodRow | undefined {
    const entry = this.store.get(uid);
    if (!entry) return undefined;
    const rv = entry.pod.metadata?.resourceVersion;
    const deleted = entry.deletedAt !== undefined;
    const finding = entry.pod.finding;
    const cached = this.cache.get(uid);
    if (cached) this.cache.delete(uid); // re-inserted below: now the most recently read
    if (cached && cached.rv === rv && cached.deleted === deleted && cached.finding === finding) {
      this.cache.set(uid, cached);
      return cached.row;
    }
    const at = this.now();
    // The store's uid is the row's identity, even for a Pod without metadata.uid.
    const row = { ...this.toRow(entry.pod, at, deleted), uid };
    this.cache.set(uid, { rv, deleted, finding, row, at });
    if (this.cache.size > this.limit) this.cache.delete(this.cache.keys().next().value!);
    return row;
  }

  /** Seconds to add to a row's ageSeconds to make it current. */
  ageShift(uid: string, nowMs: number): number {
    const cached = this.cache.get(uid);
    return cached ? Math.max(0, (nowMs - cached.at) / 1000) : 0;
  }

  get size(): number {
    return this.cache.size;
  }
}
