// Turns the bytes of a log stream into lines: across chunk boundaries, with invalid UTF-8
// decoded to U+FFFD (shown, never thrown), and with very long lines cut for display
// while the rest of the line is skipped, so one 1 MiB line neither stalls nor splits the stream.

import type { LogBuffer } from '../store/logBuffer.ts';

export interface RawLine {
  text: string;
  /** Bytes of the original line that were not kept (0 when whole). */
  cutBytes: number;
}

/** Default display limit per line; longer lines are cut with a marker. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024;

const NEWLINE = 0x0a;

/** The length of `buf` without a UTF-8 sequence left incomplete at its end by a cut. */
function completeUtf8(buf: Buffer): number {
  const n = buf.length;
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const b = buf[i];
    if ((b! & 0xc0) === 0x80) continue; // a continuation byte: look for its lead
    const need = b! >= 0xf0 ? 4 : b! >= 0xe0 ? 3 : b! >= 0xc0 ? 2 : 1;
    return i + need <= n ? n : i;
  }
  return n;
}

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private cutBytes = 0;

  constructor(
    /** Called once per line; cutBytes > 0 when the line was longer than the limit. */
    private readonly onLine: (text: string, cutBytes: number) => void,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {}

  write(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) {
        this.keep(chunk, start, chunk.length);
        return;
      }
      if (this.pendingBytes === 0 && this.cutBytes === 0 && nl - start <= this.maxLineBytes) {
        // The common case: a whole line inside one chunk.
        const end = nl > start && chunk[nl - 1] === 0x0d ? nl - 1 : nl;
        this.onLine(chunk.toString('utf8', start, end), 0);
      } else {
        this.keep(chunk, start, nl);
        this.flushPending();
      }
      start = nl + 1;
    }
  }

  /** Emits a last line that had no newline. */
  end(): void {
    if (this.pendingBytes > 0 || this.cutBytes > 0) this.flushPending();
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    const room = this.maxLineBytes - this.pendingBytes;
    if (room <= 0) {
      this.cutBytes += to - from;
      return;
    }
    const take = Math.min(room, to - from);
    // Copy: the chunk's memory belongs to the stream and may be reused.
    this.pending.push(Buffer.from(chunk.subarray(from, from + take)));
    this.pendingBytes += take;
    this.cutBytes += to - from - take;
  }

  private flushPending(): void {
    let buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    let cut = this.cutBytes;
    if (cut > 0) {
      const end = completeUtf8(buf!);
      cut += buf!.length - end;
      buf = buf!.subarray(0, end);
    } else if (buf!.length > 0 && buf![buf!.length - 1] === 0x0d) {
      buf = buf!.subarray(0, buf!.length - 1);
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.cutBytes = 0;
    this.onLine(buf!.toString('utf8'), cut);
  }
}

/** Splits "2026-11-25T14:10:13.123456789Z text" into its kubelet timestamp and the text. */
export function splitTimestamp(line: string): { ts?: string; text: string } {
  const sp = timestampEnd(line);
  return sp === -1 ? { text: line } : { ts: line.slice(0, sp), text: line.slice(sp + 1) };
}

// The kubelet writes RFC3339Nano in UTC ("2006-01-02T15:04:05.999999999Z", trailing zeros of
// the fraction dropped); an application's own stamp in another shape is part of its text.
const KUBELET_STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z /;

/** Index of the space after a leading kubelet timestamp, or -1 when the line has none. */
export function timestampEnd(line: string): number {
  const c = line.charCodeAt(0);
  if (c < 48 || c > 57 || line.charCodeAt(10) !== 84 /* T */) return -1;
  const m = KUBELET_STAMP.exec(line);
  return m ? m[0].length - 1 : -1;
}

/** A key that sorts RFC3339 UTC times correctly whatever their count of fractional digits. */
export function timeKey(ts: string | undefined): string {
  if (!ts) return '';
  // Already the key's shape (nine fraction digits, 30 characters): the merge's hot path makes no string.
  if (ts.length === 30 && ts.charCodeAt(19) === 46 /* . */) return ts;
  const dot = ts.indexOf('.');
  if (dot === -1) return `${ts.slice(0, 19)}.000000000Z`;
  const frac = ts.slice(dot + 1).replace(/[^0-9].*$/, '');
  return `${ts.slice(0, 19)}.${frac.padEnd(9, '0').slice(0, 9)}Z`;
}

/** "1.0 MiB", "12 KiB": the size of what was cut, for the marker. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} B`;
}

/** Appends one stream line, with the cut marker when the line was too long to keep. */
export function appendStreamLine(buffer: LogBuffer, ts: string | undefined, text: string, cutBytes: number, container?: string): void {
  if (cutBytes === 0) buffer.append(text, ts, container);
  else buffer.append(`${text} … [cut: ${formatBytes(Buffer.byteLength(text) + cutBytes)} line]`, ts, container, true);
}

/** Appends a line the merger let out; one that came after its window is counted as late. */
export function appendMergedLine(buffer: LogBuffer, stream: string, line: { ts?: string; text: string; cutBytes: number }, late: boolean): void {
  appendStreamLine(buffer, line.ts, line.text, line.cutBytes, stream);
  if (late) buffer.countLate();
}
