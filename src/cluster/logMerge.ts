// Merges the lines of several containers in kubelet time order. Each stream is in order on
// its own, so a line may go out once every other live stream has sent a line at least as
// late (none of them can still send an earlier one). A silent stream would hold the merge
// for ever, so a line also goes out once it has waited the reorder window: a line that
// arrives up to that long after a later line of another container still lands in order.
// A stream that is opening (its history on the way) holds everything until it opens or is
// quiet; a waiting or finished stream holds nothing.
import { timeKey } from './logLines.ts';

export interface MergeLine {
  ts?: string;
  text: string;
  cutBytes: number;
}

/**
 * How long a merged line may wait for an earlier one from a silent container (ms). Longer
 * reorders later arrivals but delays every line while a container is silent; half a second
 * covers a sidecar's buffered write without making a live tail feel late.
 */
export const REORDER_WINDOW_MS = 500;

interface Stream {
  name: string;
  /** key: the kubelet time as a sortable string; at: when the line arrived (for the window). */
  queue: { key: string; at: number; line: MergeLine }[];
  head: number;
  lastKey: string;
  state: 'opening' | 'open' | 'quiet';
}

export class LogMerger {
  private readonly streams = new Map<string, Stream>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    names: string[],
    private readonly emit: (container: string, line: MergeLine) => void,
    private readonly windowMs = REORDER_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {
    for (const name of names) this.streams.set(name, { name, queue: [], head: 0, lastKey: '', state: 'opening' });
  }

  push(name: string, line: MergeLine): void {
    const s = this.streams.get(name);
    if (!s) return;
    const key = timeKey(line.ts);
    const at = this.now();
    s.queue.push({ key, at, line });
    if (key > s.lastKey) s.lastKey = key;
    s.state = 'open';
    this.schedule();
  }

  /** The stream's response arrived: from now on its lines say how far it has got. */
  opened(name: string): void {
    const s = this.streams.get(name);
    if (!s) return;
    s.state = 'open';
    this.schedule();
  }

  /** The stream sends nothing for now (waiting, ended, failed): stop holding the others. */
  quiet(name: string): void {
    const s = this.streams.get(name);
    if (!s) return;
    s.state = 'quiet';
    this.flush();
  }

  /** Releases what can go in order; everything when `all`. */
  flush(all = false): void {
    const now = this.now();
    const opening = !all && [...this.streams.values()].some((s) => s.state === 'opening');
    for (;;) {
      let best: Stream | undefined;
      for (const s of this.streams.values()) {
        if (s.head >= s.queue.length) continue;
        if (!best || s.queue[s.head]!.key < best.queue[best.head]!.key) best = s;
      }
      if (!best) break;
      const item = best.queue[best.head];
      if (!all && (opening || (now - item!.at < this.windowMs && !this.nothingEarlierCan(best, item!.key)))) break;
      best.head++;
      this.emit(best.name, item!.line);
    }
    for (const s of this.streams.values()) {
      if (s.head > 1024 && s.head * 2 > s.queue.length) {
        s.queue = s.queue.slice(s.head);
        s.head = 0;
      }
    }
    if (!all && this.pending() > 0) this.schedule();
  }

  /** No live stream but `from` can still send a line earlier than `key`: each has passed it. */
  private nothingEarlierCan(from: Stream, key: string): boolean {
    for (const s of this.streams.values()) {
      if (s !== from && s.state !== 'quiet' && s.lastKey < key) return false;
    }
    return true;
  }

  pending(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.queue.length - s.head;
    return n;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
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
