// The lines of one log view: a bounded ring that counts what it evicts, so the view can say
// "N older lines left the buffer" instead of losing them silently. Appends are synchronous
// and never refused; subscribers hear at most once per frame interval. A held line is a few
// numbers in typed arrays and its bytes in a page (logPages.ts), not a heap object; the
// LogLine is built when someone reads it.
import { sanitize } from '../text/sanitize.ts';
import { BytePages } from './logPages.ts';

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

export type LogStreamState = { kind: 'connecting' } | { kind: 'streaming' } | { kind: 'waiting'; message: string } | { kind: 'ended'; message?: string } | { kind: 'error'; message: string };

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
  // One slot per held line, `start` the oldest.
  private readonly pages: (Buffer | undefined)[];
  private readonly offsets: Int32Array;
  private readonly tsBytes: Uint16Array;
  private readonly textBytes: Int32Array;
  private readonly containerIds: Int32Array;
  private readonly flags: Uint8Array;
  // Lines already read, so a view that reads every held line each frame builds only the new
  // ones. Filled by reads alone: a stream nobody looks at keeps no line objects.
  private readonly built: (LogLine | undefined)[];
  private readonly bytes = new BytePages();
  private readonly containerNames: string[] = [];
  private readonly containerIdOf = new Map<string, number>();
  private start = 0;
  private count = 0;
  private appended = 0;
  private lateLines = 0;
  private readonly listeners = new Set<Listener>();
  private readonly taps = new Set<Tap>();
  private timer: NodeJS.Timeout | undefined;
  private readonly frameMs: number;
  private currentState: LogStreamState = { kind: 'connecting' };

  constructor(options: LogBufferOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_LOG_LINES));
    this.pages = new Array<Buffer | undefined>(this.capacity);
    this.offsets = new Int32Array(this.capacity);
    this.tsBytes = new Uint16Array(this.capacity);
    this.textBytes = new Int32Array(this.capacity);
    this.containerIds = new Int32Array(this.capacity);
    this.flags = new Uint8Array(this.capacity);
    this.built = new Array<LogLine | undefined>(this.capacity);
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

  /** Merged lines that came after their reorder window and were shown where they arrived, out of time order. */
  get late(): number {
    return this.lateLines;
  }

  /** The line just appended came too late to be put in time order. */
  countLate(): void {
    this.lateLines++;
    this.changed();
  }

  get state(): LogStreamState {
    return this.currentState;
  }

  setState(state: LogStreamState): void {
    // A state's message quotes the cluster (a waiting reason, an error): stored clean like the lines.
    this.currentState = 'message' in state && state.message !== undefined ? { ...state, message: sanitize(state.message) } : state;
    this.changed();
  }

  /** Stores a line from anywhere, sanitized here (SGR colours kept for --log-colors). */
  push(line: Omit<LogLine, 'seq'>): void {
    this.add(sanitize(line.text, { keepColors: true }), line.ts, line.container, (line.truncated ? TRUNCATED : 0) | (line.notice ? NOTICE : 0));
  }

  /** push() without the intermediate object, for the stream's hot path: the tail has sanitized `text` on arrival. */
  append(text: string, ts?: string, container?: string, truncated?: boolean): void {
    this.add(text, ts, container, truncated ? TRUNCATED : 0);
  }

  /** A line from podview; it often quotes the cluster (a waiting reason), so it is sanitized here. */
  notice(text: string): void {
    this.add(sanitize(text), undefined, undefined, NOTICE);
  }

  private add(text: string, ts: string | undefined, container: string | undefined, flags: number): void {
    const seq = ++this.appended;
    let slot: number;
    if (this.count < this.capacity) {
      slot = (this.start + this.count) % this.capacity;
      this.count++;
    } else {
      slot = this.start; // the oldest line leaves
      this.start = (this.start + 1) % this.capacity;
    }
    // ts and text share one span; a timestamp is short (the kubelet's RFC 3339).
    const stamp = ts && ts.length < 1024 ? ts : '';
    const stampBytes = stamp ? Buffer.byteLength(stamp) : 0;
    const page = this.bytes.write(stamp ? stamp + text : text);
    this.pages[slot] = page;
    this.offsets[slot] = this.bytes.offset;
    this.tsBytes[slot] = stampBytes;
    this.textBytes[slot] = this.bytes.length - stampBytes;
    this.containerIds[slot] = container === undefined ? -1 : this.containerId(container);
    this.flags[slot] = flags;
    this.built[slot] = undefined;
    if (this.taps.size > 0) {
      const line = makeLine(seq, text, stamp, container, flags);
      for (const tap of this.taps) tap(line);
    }
    this.changed();
  }

  private containerId(name: string): number {
    let id = this.containerIdOf.get(name);
    if (id === undefined) {
      id = this.containerNames.push(sanitize(name)) - 1;
      this.containerIdOf.set(name, id);
    }
    return id;
  }

  /** The i-th line held (0 is the oldest still held). */
  at(index: number): LogLine | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const slot = (this.start + index) % this.capacity;
    const cached = this.built[slot];
    if (cached) return cached;
    const page = this.pages[slot] as Buffer;
    const offset = this.offsets[slot];
    const stampEnd = offset! + this.tsBytes[slot]!;
    const stamp = stampEnd > offset! ? page.toString('utf8', offset, stampEnd) : '';
    const text = page.toString('utf8', stampEnd, stampEnd + this.textBytes[slot]!);
    const id = this.containerIds[slot];
    return (this.built[slot] = makeLine(this.evicted + index + 1, text, stamp, id! < 0 ? undefined : this.containerNames[id!], this.flags[slot]!));
  }

  slice(from = 0, to = this.count): LogLine[] {
    const out: LogLine[] = [];
    const end = Math.min(to, this.count);
    for (let i = Math.max(0, from); i < end; i++) out.push(this.at(i) as LogLine);
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

const TRUNCATED = 1;
const NOTICE = 2;

/** A line as readers see it: only the fields that are set. */
function makeLine(seq: number, text: string, stamp: string, container: string | undefined, flags: number): LogLine {
  const line: LogLine = { seq, text };
  if (stamp) line.ts = stamp;
  if (container !== undefined) line.container = container;
  if (flags & TRUNCATED) line.truncated = true;
  if (flags & NOTICE) line.notice = true;
  return line;
}
