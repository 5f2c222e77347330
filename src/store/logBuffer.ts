// The lines of one log view: a bounded ring that counts what it evicts, so the view can say
// "N older lines left the buffer" instead of losing them silently. Appends are synchronous
// and never refused; subscribers hear at most once per frame interval.

export interface LogLine {
  /** 1-based position in everything this view ever received. */
  seq: number;
  /** RFC3339Nano time the kubelet stamped on the line, when known. */
  ts?: string;
  /** Set in merged (all containers) mode. */
  container?: string;
  /** Already sanitized text (SGR colour sequences may remain; the view strips them unless asked). */
  text: string;
  /** The original line was longer than the display limit and was cut. */
  truncated?: boolean;
  /** A line from podview itself (restart marker, Pod deleted), not from the container. */
  notice?: boolean;
}

export type LogStreamState =
  | { kind: 'connecting' }
  | { kind: 'streaming' }
  | { kind: 'waiting'; message: string }
  | { kind: 'ended'; message?: string }
  | { kind: 'error'; message: string };

export interface LogBufferOptions {
  /** Lines kept; default 10,000. */
  capacity?: number;
  /** Subscribers hear at most once per this interval (ms); 0 notifies synchronously. Default 50. */
  frameMs?: number;
}

export const DEFAULT_LOG_LINES = 10_000;

type Listener = () => void;
type Tap = (line: LogLine) => void;

export class LogBuffer {
  readonly capacity: number;
  private readonly ring: (LogLine | undefined)[];
  private start = 0;
  private count = 0;
  private appended = 0;
  private readonly listeners = new Set<Listener>();
  private readonly taps = new Set<Tap>();
  private timer: NodeJS.Timeout | undefined;
  private readonly frameMs: number;
  private currentState: LogStreamState = { kind: 'connecting' };

  constructor(options: LogBufferOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_LOG_LINES));
    this.ring = new Array(this.capacity);
    this.frameMs = options.frameMs ?? 50;
  }

  /** Lines held now. */
  get size(): number {
    return this.count;
  }

  /** Lines ever appended. */
  get total(): number {
    return this.appended;
  }

  /** Lines that left the buffer to make room (the oldest first). */
  get evicted(): number {
    return this.appended - this.count;
  }

  get state(): LogStreamState {
    return this.currentState;
  }

  setState(state: LogStreamState): void {
    this.currentState = state;
    this.changed();
  }

  push(line: Omit<LogLine, 'seq'>): LogLine {
    return this.add({ ...line, seq: 0 });
  }

  /** push() without the intermediate object, for the stream's hot path. */
  append(text: string, ts?: string, container?: string, truncated?: boolean): LogLine {
    const record: LogLine = { seq: 0, ts, container, text };
    if (truncated) record.truncated = true;
    return this.add(record);
  }

  private add(record: LogLine): LogLine {
    record.seq = ++this.appended;
    if (this.count < this.capacity) {
      this.ring[(this.start + this.count) % this.capacity] = record;
      this.count++;
    } else {
      this.ring[this.start] = record;
      this.start = (this.start + 1) % this.capacity;
    }
    for (const tap of this.taps) tap(record);
    this.changed();
    return record;
  }

  notice(text: string): LogLine {
    return this.push({ text, notice: true });
  }

  /** The i-th line held (0 is the oldest still held). */
  at(index: number): LogLine | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.ring[(this.start + index) % this.capacity];
  }

  slice(from = 0, to = this.count): LogLine[] {
    const out: LogLine[] = [];
    const end = Math.min(to, this.count);
    for (let i = Math.max(0, from); i < end; i++) out.push(this.ring[(this.start + i) % this.capacity] as LogLine);
    return out;
  }

  /** Hears every line as it is appended, synchronously (the CLI prints from here). */
  tap(listener: Tap): () => void {
    this.taps.add(listener);
    return () => this.taps.delete(listener);
  }

  /** Hears that something changed, at most once per frame interval. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    if (this.listeners.size === 0) return;
    if (this.frameMs <= 0) {
      this.emit();
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => this.emit(), this.frameMs);
    this.timer.unref?.();
  }

  private emit(): void {
    this.timer = undefined;
    for (const l of this.listeners) l();
  }
}
