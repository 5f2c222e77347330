// Merges the lines of several containers in kubelet time order. Each stream is in order on
// its own, so a line may go out once no stream that might still send an earlier one is
// pending: a stream blocks while it is opening (its history is on the way) and for
// `idleMs` after its last line; a silent, waiting or finished stream does not block.
import { timeKey } from './logLines.ts';

export interface MergeLine {
  ts?: string;
  text: string;
  cutBytes: number;
}

interface Stream {
  name: string;
  queue: { key: string; line: MergeLine }[];
  head: number;
  lastKey: string;
  lastAt: number;
  state: 'opening' | 'open' | 'quiet';
}

export class LogMerger {
  private readonly streams = new Map<string, Stream>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    names: string[],
    private readonly emit: (container: string, line: MergeLine) => void,
    private readonly idleMs = 100,
    private readonly now: () => number = Date.now,
  ) {
    for (const name of names) this.streams.set(name, { name, queue: [], head: 0, lastKey: '', lastAt: 0, state: 'opening' });
  }

  push(name: string, line: MergeLine): void {
    const s = this.streams.get(name);
    if (!s) return;
    const key = timeKey(line.ts);
    s.queue.push({ key, line });
    if (key > s.lastKey) s.lastKey = key;
    s.lastAt = this.now();
    s.state = 'open';
    this.schedule();
  }

  /** The stream's response arrived: it blocks for one idle window while its history comes. */
  opened(name: string): void {
    const s = this.streams.get(name);
    if (!s) return;
    s.state = 'open';
    s.lastAt = this.now();
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
    let limit: string | undefined; // undefined: no stream holds anything back
    if (!all) {
      for (const s of this.streams.values()) {
        if (s.state === 'quiet') continue;
        if (s.state === 'opening') limit = '';
        else if (now - s.lastAt < this.idleMs && (limit === undefined || s.lastKey < limit)) limit = s.lastKey;
      }
    }
    for (;;) {
      let best: Stream | undefined;
      for (const s of this.streams.values()) {
        if (s.head >= s.queue.length) continue;
        if (!best || s.queue[s.head].key < best.queue[best.head].key) best = s;
      }
      if (!best) break;
      const item = best.queue[best.head];
      if (limit !== undefined && item.key > limit) break;
      best.head++;
      this.emit(best.name, item.line);
    }
    for (const s of this.streams.values()) {
      if (s.head > 1024 && s.head * 2 > s.queue.length) {
        s.queue = s.queue.slice(s.head);
        s.head = 0;
      }
    }
    if (!all && this.pending() > 0) this.schedule();
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
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.idleMs);
  }
}
