// Merges log streams in kubelet time order: the containers of one Pod, or every container of
// several Pods (each stream named by any key the caller picks: a name, an object). Each stream is in order
// on its own, so a line may go out once every other live stream has sent a line at least as
// late (none of them can still send an earlier one). A silent stream would hold the merge for
// ever, so a line also goes out once it has waited the reorder window: a line that arrives up
// to that long after a later line of another stream still lands in order. A line later than
// that goes out where it arrives (never dropped) and is counted as late.
// Streams present before the first line goes out hold everything while they open (so the
// histories merge), for at most OPENING_HOLD_MS: a request that hangs (a node gone) must not
// blank the view of 50 Pods. One added later (a Pod joining a follow) holds the others at most
// the window. A waiting, finished or removed stream holds nothing.
import { timeKey } from './logLines.ts';

export interface MergeLine {
  ts?: string;
  text: string;
  cutBytes: number;
}

/**
 * How long a merged line may wait for an earlier one from a silent stream (ms). Longer
 * reorders later arrivals but delays every line while a stream is silent; half a second
 * covers a sidecar's buffered write without making a live tail feel late.
 */
export const REORDER_WINDOW_MS = 500;

/** How long a line waits for the streams still opening at the start (ms): their histories arrive within it. */
export const OPENING_HOLD_MS = 5_000;

interface Stream<K> {
  name: K;
  /** key: the kubelet time as a sortable string; at: when the line arrived (for the window). */
  queue: { key: string; at: number; line: MergeLine }[];
  head: number;
  lastKey: string;
  state: 'opening' | 'open' | 'quiet';
  /** Opening holds every line until it opens (true for the streams there from the start). */
  holdsWhileOpening: boolean;
  /** Its source is gone: forgotten once its queue is out. */
  removed: boolean;
}

export class LogMerger<K = string> {
  private readonly streams = new Map<K, Stream<K>>();
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Immediate | undefined;
  private lastOutKey = '';
  private emitted = false;
  private lateLines = 0;

  constructor(
    names: K[],
    /** late: the line is earlier than one already out (it came after its window). */
    private readonly emit: (stream: K, line: MergeLine, late: boolean) => void,
    private readonly windowMs = REORDER_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {
    for (const name of names) this.add(name);
  }

  /** Lines that came after their window and went out where they arrived. */
  get late(): number {
    return this.lateLines;
  }

  /** A stream starts; a name already live is left as it is. */
  add(name: K): void {
    const old = this.streams.get(name);
    if (old && !old.removed) return;
    // The same name back before its last lines went out (a Pod that left and matched again): those first.
    if (old) this.flush(true);
    this.streams.set(name, { name, queue: [], head: 0, lastKey: '', state: 'opening', holdsWhileOpening: !this.emitted, removed: false });
  }

  /** The stream ended for good: it holds nothing, and is forgotten once its lines are out. */
  remove(name: K): void {
    const s = this.streams.get(name);
    if (!s) return;
    s.removed = true;
    this.quiet(name);
  }

  push(name: K, line: MergeLine): void {
    const s = this.streams.get(name);
    if (!s) return;
    const key = timeKey(line.ts);
    const at = this.now();
    s.queue.push({ key, at, line });
    if (key > s.lastKey) s.lastKey = key;
    s.state = 'open';
    // Once per turn of the event loop (every chunk read in it): a line every stream has passed
    // goes out now, not at the next look for the window. A held line outlives young-generation
    // collections and is promoted: following 150 streams, the shorter hold is 4 MB of peak RSS.
    this.soon ??= setImmediate(() => {
      this.soon = undefined;
      this.flush();
    });
  }

  /** The stream's response arrived: from now on its lines say how far it has got. */
  opened(name: K): void {
    const s = this.streams.get(name);
    if (!s) return;
    s.state = 'open';
    this.schedule();
  }

  /** The stream sends nothing for now (waiting, ended, failed): stop holding the others. */
  quiet(name: K): void {
    const s = this.streams.get(name);
    if (!s) return;
    s.state = 'quiet';
    this.flush();
  }

  /** Releases what can go in order; everything when `all`. */
  flush(all = false): void {
    const now = this.now();
    let opening = false;
    // The earliest line any live stream has reached: a line up to it can go, none can still
    // send an earlier one. Computed once a flush, and the streams' heads kept in a heap, so a
    // line costs log(streams), not two passes over 150 of them (13 µs a line, a third of kubectl's rate).
    let reached: string | undefined;
    const heads: Stream<K>[] = [];
    for (const s of this.streams.values()) {
      if (s.state === 'opening' && s.holdsWhileOpening) opening = true;
      if (s.state !== 'quiet' && (reached === undefined || s.lastKey < reached)) reached = s.lastKey;
      if (s.head < s.queue.length) heapPush(heads, s);
    }
    while (heads.length > 0) {
      const best = heads[0]!;
      const item = best.queue[best.head]!;
      const waited = now - item.at;
      if (!all && ((opening && waited < OPENING_HOLD_MS) || (waited < this.windowMs && reached !== undefined && item.key > reached))) break;
      best.head++;
      if (best.head < best.queue.length) heapSiftDown(heads, 0);
      else heapPopRoot(heads);
      const late = item.key !== '' && item.key < this.lastOutKey;
      if (late) this.lateLines++;
      else if (item.key > this.lastOutKey) this.lastOutKey = item.key;
      this.emitted = true;
      this.emit(best.name, item.line, late);
    }
    let held = 0;
    for (const s of this.streams.values()) {
      held += s.queue.length - s.head;
      if (s.removed && s.head >= s.queue.length) this.streams.delete(s.name);
      else if (s.head >= s.queue.length) {
        // Drop what went out: a queue that is read to its end would otherwise keep every line
        // until its head passed 1024 (150 streams at 20 lines/s: 90,000 lines after 30 s).
        s.queue.length = 0;
        s.head = 0;
      } else if (s.head > 1024 && s.head * 2 > s.queue.length) {
        s.queue = s.queue.slice(s.head);
        s.head = 0;
      }
    }
    if (!all && held > 0) this.schedule();
  }

  pending(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.queue.length - s.head;
    return n;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.soon) clearImmediate(this.soon);
    this.timer = undefined;
    this.soon = undefined;
    this.flush(true);
  }

  private schedule(): void {
    if (this.timer) return;
    // A few looks per window, so a held line leaves close to when its window ends.
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.flush();
      },
      Math.max(10, Math.ceil(this.windowMs / 5)),
    );
  }
}

// A binary min-heap of streams by the key of their next line (each stream in it has one).
const headKey = <K>(s: Stream<K>): string => s.queue[s.head]!.key;

function heapPush<K>(heap: Stream<K>[], s: Stream<K>): void {
  let i = heap.push(s) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (headKey(heap[parent]!) <= headKey(s)) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = s;
}

function heapPopRoot<K>(heap: Stream<K>[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  heap[0] = last;
  heapSiftDown(heap, 0);
}

function heapSiftDown<K>(heap: Stream<K>[], i: number): void {
  const s = heap[i]!;
  const key = headKey(s);
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && headKey(heap[right]!) < headKey(heap[left]!) ? right : left;
    if (headKey(heap[child]!) >= key) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = s;
}
