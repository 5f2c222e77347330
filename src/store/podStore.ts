import type { V1Pod } from '@kubernetes/client-node';
import { leanPod } from './leanPod.ts';
import type { LeanPod } from '../model/leanPodType.ts';
import { FindingSchedule } from './findingSchedule.ts';
import { findingAt, type FindingOf, stepsAfter } from './podFinding.ts';
import type { ConnectionState, StoreChange, WatchDelta } from './types.ts';

export interface StoreEntry {
  pod: LeanPod;
  /** Set when the API server deleted the Pod; the entry lingers while a view shows it. */
  deletedAt?: number;
}

type Listener = (change: StoreChange) => void;

export interface PodStoreOptions {
  /** Subscribers hear at most once per interval (ms; default 50, the TUI's frame rate); 0 notifies synchronously (tests). */
  frameMs?: number;
  /**
   * The interval while a list is loading (connection "loading"; default 250). Such a frame
   * only moves the count on; at 10,000 Pods, drawing one every 50 ms took about a third as much
   * CPU as reading the list itself, on the same thread. The list's end is heard at once either way.
   */
  loadingFrameMs?: number;
  /** How long a deleted Pod stays visible (greyed) before it leaves (ms). */
  deletedLingerMs?: number;
  now?: () => number;
  /** The rule for each Pod's worst finding, now and later (model/findingTimeline.ts), run once as the Pod arrives; none: no finding is kept. */
  findingOf?: FindingOf;
}

/** A Pod the list can show: a name and a namespace that are strings (a nameless row helps nobody). */
function isNamed(pod: LeanPod | null | undefined): boolean {
  const meta = pod?.metadata;
  return typeof meta?.name === 'string' && meta.name !== '' && (meta.namespace === undefined || typeof meta.namespace === 'string');
}

export const uidOf = (pod: LeanPod): string => pod.metadata?.uid ?? `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;

/**
 * In-memory cluster state: Pods by uid with a namespace index.
 * Applies watch deltas in order and coalesces notifications to one per frame interval,
 * so a burst of 1,000 events costs subscribers one redraw.
 */
export class PodStore {
  private readonly entries = new Map<string, StoreEntry>();
  private readonly byNamespace = new Map<string, Set<string>>();
  private readonly listeners = new Set<Listener>();
  private pending: StoreChange = emptyChange();
  private timer: NodeJS.Timeout | undefined;
  private readonly frameMs: number;
  private readonly loadingFrameMs: number;
  private readonly lingerMs: number;
  private readonly now: () => number;
  private readonly findingOf: FindingOf | undefined;
  /** The Pods whose finding age alone will change, by when (passTime). */
  private readonly schedule = new FindingSchedule();
  /** The stamp of each Pod's live schedule entry; an entry under another stamp is stale. */
  private readonly scheduledStamps = new Map<string, number>();
  private lastStamp = 0;
  private connectionState: ConnectionState = { kind: 'connecting' };
  /** When the connection was last lost after being live (ms); undefined while live or before it ever was. */
  private staleFrom: number | undefined;
  /** Who hears the whole object of one Pod as the watch brings it (the open Pod's feed); the store itself keeps every Pod lean. */
  private wholeTap: { uid: string; hear(pod: V1Pod): void } | undefined;
  /** Increments on every applied change; views memoize on it. */
  version = 0;
  /** The last resourceVersion the cluster layer reported (list or bookmark). */
  resourceVersion: string | undefined;
  /** Objects dropped because their name or namespace is not a string (a broken or hostile server); the status bar counts them. */
  malformedDropped = 0;

  constructor(options: PodStoreOptions = {}) {
    this.frameMs = options.frameMs ?? 50;
    this.loadingFrameMs = options.loadingFrameMs ?? Math.max(this.frameMs, 250);
    this.lingerMs = options.deletedLingerMs ?? 3000;
    this.now = options.now ?? Date.now;
    this.findingOf = options.findingOf;
  }

  get size(): number {
    return this.entries.size;
  }

  get connection(): ConnectionState {
    return this.connectionState;
  }

  /**
   * Since when (ms) the Pods shown are what the server last said rather than what it says now:
   * set when a live connection is lost, kept through every reconnect attempt and re-list, and
   * cleared once the watch is live again.
   */
  get staleSince(): number | undefined {
    return this.staleFrom;
  }

  get(uid: string): StoreEntry | undefined {
    return this.entries.get(uid);
  }

  find(namespace: string, name: string): StoreEntry | undefined {
    for (const uid of this.byNamespace.get(namespace) ?? []) {
      const entry = this.entries.get(uid);
      if (entry?.pod.metadata?.name === name) return entry;
    }
    return undefined;
  }

  /** All entries, deleted ones included while they linger. Insertion order. */
  all(): IterableIterator<StoreEntry> {
    return this.entries.values();
  }

  namespaces(): string[] {
    return [...this.byNamespace.keys()].sort();
  }

  inNamespace(namespace: string): StoreEntry[] {
    const out: StoreEntry[] = [];
    for (const uid of this.byNamespace.get(namespace) ?? []) {
      const entry = this.entries.get(uid);
      if (entry) out.push(entry);
    }
    return out;
  }

  /**
   * Hands the whole object of this one Pod, as each watch event or list brings it, to `hear`
   * before the store keeps it lean (the open Pod's feed writes it into store/focusedPod). One
   * Pod at a time: a new tap replaces the last; null stops it.
   */
  tapWhole(uid: string | null, hear?: (pod: V1Pod) => void): void {
    this.wholeTap = uid !== null && hear ? { uid, hear } : undefined;
  }

  apply(deltas: readonly WatchDelta[]): void {
    for (const delta of deltas) {
      if (!isNamed(delta.pod)) {
        this.malformedDropped++;
        this.pending.connectionChanged = true;
        continue;
      }
      const uid = uidOf(delta.pod);
      if (delta.type === 'DELETED') {
        const existing = this.entries.get(uid);
        if (!existing || existing.deletedAt !== undefined) continue;
        this.entries.set(uid, { pod: this.shape(uid, delta.pod), deletedAt: this.now() });
        this.scheduleEviction(uid);
      } else {
        this.put(uid, this.shape(uid, delta.pod));
      }
      this.pending.changed.add(uid);
    }
    if (deltas.length > 0) this.changed();
  }

  /**
   * Replaces the whole set after a (re-)list: Pods missing from it were deleted while we
   * were away and leave now, so no ghost survives a 410.
   */
  replaceAll(pods: readonly V1Pod[], resourceVersion?: string): void {
    const seen = new Set<string>();
    for (const pod of pods) {
      if (!isNamed(pod)) {
        this.malformedDropped++;
        this.pending.connectionChanged = true;
        continue;
      }
      const uid = uidOf(pod);
      seen.add(uid);
      this.put(uid, this.shape(uid, pod));
    }
    this.pending.reset = true;
    this.pruneExcept(seen, resourceVersion);
  }

  /**
   * Ends a paged re-list whose pages were already applied as ADDED deltas: every Pod whose
   * uid the list did not return leaves now (the same reconciliation as replaceAll, without
   * holding every page in memory at once). Unlike replaceAll this is not a reset: the pages
   * already reported every uid they touched, and the Pods that leave are reported here, so
   * subscribers can stay incremental even at 100,000 Pods.
   */
  pruneExcept(seen: ReadonlySet<string>, resourceVersion?: string): void {
    for (const uid of [...this.entries.keys()]) {
      if (!seen.has(uid)) this.remove(uid);
    }
    if (resourceVersion !== undefined) this.resourceVersion = resourceVersion;
    this.version++;
    // Heard at once, not at the end of the frame interval: the TUI's first frame waits for
    // the list to be complete, and a list ends once per (re)connection, never in a burst.
    this.flush();
  }

  setConnection(state: ConnectionState): void {
    const wasLoading = this.connectionState.kind === 'loading';
    if (state.kind === 'live') this.staleFrom = undefined;
    else if (this.connectionState.kind === 'live') this.staleFrom = this.now();
    this.connectionState = state;
    // Leaving "loading" (a failure, or the watch is live): heard on the usual cadence, not the loading one.
    if (wasLoading && state.kind !== 'loading' && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.pending.connectionChanged = true;
    this.changed();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Moves every Pod's finding on to the store's clock: a Pod whose finding age alone changed
   * since it arrived (its last restart is an hour old, its start is now stuck) gets the new
   * one and is reported changed, as a watch event would report it, so the list's index, sort
   * and rows take it up. The UI calls this on each tick of its clock; nothing due costs one
   * comparison.
   */
  passTime(): void {
    const now = this.now();
    const next = this.schedule.next;
    if (next === undefined || next > now) return;
    let moved = false;
    for (const { uid, stamp } of this.schedule.takeDue(now)) {
      const entry = this.entries.get(uid);
      // Replaced since (the newer Pod is scheduled on its own), or deleted: nothing to move.
      if (this.scheduledStamps.get(uid) !== stamp || !entry || entry.deletedAt !== undefined) continue;
      const pod = entry.pod;
      const stepped: LeanPod = { ...pod, finding: findingAt(pod, now), findingLater: stepsAfter(pod, now) };
      this.entries.set(uid, { pod: stepped });
      this.scheduleFinding(uid, stepped);
      this.pending.changed.add(uid);
      moved = true;
    }
    if (moved) this.changed();
  }

  /** Delivers any pending notification now (used on shutdown and by tests). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const change = this.pending;
    this.pending = emptyChange();
    for (const listener of this.listeners) listener(change);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  /** Lean, after the tap (if it is this Pod's) has heard the whole object. */
  private shape(uid: string, pod: V1Pod): LeanPod {
    if (this.wholeTap?.uid === uid) this.wholeTap.hear(pod);
    return leanPod(pod, this.findingOf?.(pod, this.now()));
  }

  private put(uid: string, pod: LeanPod): void {
    const previous = this.entries.get(uid);
    const namespace = pod.metadata?.namespace ?? '';
    if (previous) {
      const oldNamespace = previous.pod.metadata?.namespace ?? '';
      if (oldNamespace !== namespace) this.byNamespace.get(oldNamespace)?.delete(uid);
    }
    this.entries.set(uid, { pod });
    this.scheduleFinding(uid, pod);
    let set = this.byNamespace.get(namespace);
    if (!set) this.byNamespace.set(namespace, (set = new Set()));
    set.add(uid);
  }

  private scheduleFinding(uid: string, pod: LeanPod): void {
    const step = pod.findingLater?.[0];
    if (step === undefined) {
      this.scheduledStamps.delete(uid);
      return;
    }
    const stamp = ++this.lastStamp;
    this.scheduledStamps.set(uid, stamp);
    this.schedule.add(step.from, uid, stamp);
    // Each change of a young Pod leaves its last entry behind: drop them once they pass a quarter
    // of the live entries (a rebuild at most every live/4 changes), not, as before, twice the
    // number of Pods, which let them outnumber the live entries many times over.
    const live = this.scheduledStamps.size;
    if (this.schedule.size > live + (live >> 2) + 1024) this.schedule.retain((u, s) => this.scheduledStamps.get(u) === s);
  }

  private remove(uid: string): void {
    const entry = this.entries.get(uid);
    if (!entry) return;
    const namespace = entry.pod.metadata?.namespace ?? '';
    const set = this.byNamespace.get(namespace);
    set?.delete(uid);
    if (set && set.size === 0) this.byNamespace.delete(namespace);
    this.entries.delete(uid);
    this.scheduledStamps.delete(uid);
    this.pending.changed.add(uid);
  }

  private scheduleEviction(uid: string): void {
    const timer = setTimeout(() => {
      const entry = this.entries.get(uid);
      if (entry?.deletedAt === undefined) return; // re-created meanwhile
      this.remove(uid);
      this.changed();
    }, this.lingerMs);
    timer.unref();
  }

  private changed(): void {
    this.version++;
    if (this.frameMs === 0) return this.flush();
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.connectionState.kind === 'loading' ? this.loadingFrameMs : this.frameMs);
    this.timer.unref();
  }
}

/** True when `a` is known to be older than `b` (resourceVersions compare as integers when both are). */
function _olderVersion(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return false;
  return BigInt(a) < BigInt(b);
}

function emptyChange(): StoreChange {
  return { changed: new Set(), reset: false, connectionChanged: false };
}
