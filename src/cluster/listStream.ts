// Reads a Kubernetes list response (`{"kind":…,"metadata":{…},"items":[{…},{…}]}`) as it
// arrives, one item at a time, instead of JSON.parse over the whole body. A 500-Pod page is
// ~3.5 MB of JSON: parsed whole, all 500 Pods stay alive until the page is applied, so every
// young-generation collection meanwhile copies them (GC was 170 ms of a 940 ms 1,000-Pod snapshot)
// and the body string, its chunks and the parsed page are all held at once at the peak. Split
// into items, each Pod is parsed, handed over and dropped while the rest is still on the wire;
// and the list's metadata (it comes first from kube-apiserver) names the next page before
// this one's items are read, so the next request can go out at once.
import { Buffer } from 'node:buffer';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const ITEMS = Buffer.from('items');

/**
 * The longest list item kept (bytes). etcd stores objects of at most 1.5 MB; a longer item is a
 * broken or hostile server, and is let go of as it arrives (counted, never parsed) so memory
 * follows this cap, not the item (the watch has the same cap per line: watchStream.ts).
 */
export const MAX_LIST_ITEM_BYTES = 4 * 1024 * 1024;

export interface ListHandlers {
  /** Items parsed from one chunk of the body, in order. */
  onItems(items: unknown[]): void;
  /** An item longer than the cap was skipped unread (called once per such item). */
  onOversized?(): void;
  /** The list without its items, as soon as everything before "items" is in (its metadata, from kube-apiserver). */
  onHead?(head: Record<string, unknown>): void;
}

/**
 * A byte-level scanner over the body's chunks. It tracks only what it must (string or not,
 * nesting depth) to find where each element of the top-level "items" array starts and ends;
 * each object or array element is then parsed by JSON.parse, which also validates it; an
 * element that is a string, number, true, false or null is handed over as null unread (a broken
 * server's list must not lose its good items to one bad one). Everything outside "items" (the
 * envelope) is kept and parsed by end(). Malformed input throws SyntaxError: each parsed item
 * and the envelope go through JSON.parse, and the scanner itself checks the brackets (it does
 * not insist on the commas between items, which JSON.parse would).
 */
export class ListSplitter {
  /** Bytes not yet consumed: the unfinished item or string carried over from the last chunk, then the new chunk. */
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private depth = 0;
  private inString = false;
  private stringStart = -1;
  /** The last string closed at depth 1: a value that opens at depth 1 belongs to this key. */
  private lastKeyIsItems = false;
  /** Before the items array, inside it, after it. */
  private phase: 'before' | 'items' | 'after' = 'before';
  private itemStart = -1;
  /** Where envelope bytes not yet copied into `envelope` start; -1 inside the items array. */
  private envelopeFrom = 0;
  private readonly envelope: Buffer[] = [];
  private headSent = false;
  private done = false;
  /** Inside an item that passed the cap: its bytes are dropped as they come, its end still found. */
  private skipping = false;
  /** Inside an item that is a string: nothing of it is kept. */
  private itemString = false;
  /** Inside an item that is a number, true, false or null. */
  private inScalar = false;

  constructor(
    private readonly handlers: ListHandlers,
    private readonly maxItemBytes = MAX_LIST_ITEM_BYTES,
  ) {}

  push(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.buf = this.buf.length === 0 ? bytes : Buffer.concat([this.buf, bytes]);
    const items: unknown[] = [];
    this.scan(items);
    if (items.length > 0) this.handlers.onItems(items);
    if (this.itemStart >= 0 && this.buf.length - this.itemStart > this.maxItemBytes) {
      this.skipping = true;
      this.itemStart = -1;
    }
    this.carry();
  }

  /** The envelope (items: []) once the body is complete; throws if it is not a whole JSON object. */
  end(): Record<string, unknown> {
    if (!this.done || this.buf.subarray(this.pos).toString('latin1').trim() !== '') throw new SyntaxError('the list response ended early or has trailing data');
    this.keepEnvelope(this.buf.length);
    return parseObject(Buffer.concat(this.envelope).toString('utf8'));
  }

  private scan(items: unknown[]): void {
    const buf = this.buf;
    const n = buf.length;
    let i = this.pos;
    let depth = this.depth;
    let inString = this.inString;
    while (i < n) {
      const c = buf[i++];
      if (inString) {
        if (c === QUOTE) {
          inString = false;
          if (depth === 2) this.itemString = false;
          if (depth === 1) this.lastKeyIsItems = i - 1 - this.stringStart - 1 === ITEMS.length && buf.compare(ITEMS, 0, ITEMS.length, this.stringStart + 1, i - 1) === 0;
        } else if (c === BACKSLASH) i++; // the escaped byte may be in the next chunk: pos then points past this one's end
        continue;
      }
      if (depth === 0 && (this.done || c !== OPEN_OBJECT)) {
        if (c! > 0x20) throw new SyntaxError(this.done ? 'unexpected data after the list response' : 'a list response is a JSON object');
        continue;
      }
      if (c === QUOTE) {
        // An item that is no object (a string here, a number or null below) is handed over as
        // null, for the caller to count among what it cannot show, instead of failing the list.
        if (depth === 2 && this.phase === 'items') {
          items.push(null);
          this.itemString = true;
        }
        inString = true;
        this.stringStart = i - 1;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (depth === 1 && c === OPEN_ARRAY && this.lastKeyIsItems && this.phase === 'before') {
          this.phase = 'items';
          this.keepEnvelope(i);
          this.envelopeFrom = -1;
          this.sendHead();
        } else if (depth === 2 && this.phase === 'items') {
          this.itemStart = i - 1; // an array item is parsed too; the caller sees it is no object
        }
        depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (depth < 0) throw new SyntaxError('unbalanced brackets in the list response');
        if (this.phase === 'items') {
          if (depth === 2) {
            if (this.skipping) {
              this.skipping = false;
              this.handlers.onOversized?.();
            } else items.push(JSON.parse(buf.toString('utf8', this.itemStart, i)));
            this.itemStart = -1;
          } else if (depth === 1) {
            this.phase = 'after';
            this.envelopeFrom = i - 1; // the array's closing bracket: the envelope reads "items":[]
          }
        } else if (depth === 0) {
          this.done = true;
        }
      } else if (depth === 2 && this.phase === 'items') {
        const inToken = c! > 0x20 && c !== 0x2c;
        if (inToken && !this.inScalar) items.push(null);
        this.inScalar = inToken;
      }
    }
    this.pos = i;
    this.depth = depth;
    this.inString = inString;
  }

  /** Keeps what a later chunk still needs: the unfinished item, or the unfinished envelope string (its escapes are counted from its start). */
  private carry(): void {
    // A skipped item keeps nothing, not even the string it is in (only envelope strings need their start).
    const from = this.itemStart >= 0 ? this.itemStart : this.inString && !this.skipping && !this.itemString ? this.stringStart : Math.min(this.pos, this.buf.length);
    if (this.envelopeFrom >= 0) {
      this.keepEnvelope(from);
      this.envelopeFrom = from;
    }
    // A copy: the chunk's own memory is the stream's, and a small carried piece must not keep a large chunk alive.
    this.buf = Buffer.from(this.buf.subarray(from));
    this.pos -= from;
    if (this.itemStart >= 0) this.itemStart -= from;
    if (this.stringStart >= 0) this.stringStart -= from;
    if (this.envelopeFrom > 0) this.envelopeFrom -= from;
  }

  private keepEnvelope(to: number): void {
    if (this.envelopeFrom >= 0 && to > this.envelopeFrom) this.envelope.push(Buffer.from(this.buf.subarray(this.envelopeFrom, to)));
    this.envelopeFrom = to;
  }

  private sendHead(): void {
    if (this.headSent || !this.handlers.onHead) return;
    this.headSent = true;
    let head: Record<string, unknown>;
    try {
      head = parseObject(`${Buffer.concat(this.envelope).toString('utf8')}]}`);
    } catch {
      return; // not a plain envelope so far; end() will tell
    }
    this.handlers.onHead(head);
  }
}

function parseObject(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SyntaxError('a list response is a JSON object');
  return value as Record<string, unknown>;
}

/** Feeds a body stream (its reader) through a ListSplitter; resolves with the envelope (items: []) when the body ends. */
export async function readList(reader: ReadableStreamDefaultReader<Uint8Array>, handlers: ListHandlers): Promise<Record<string, unknown>> {
  const splitter = new ListSplitter(handlers);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      splitter.push(value);
    }
  } catch (err) {
    // A body that is not read to its end must be let go of, or its connection is never free again.
    await reader.cancel().catch(() => undefined);
    throw err;
  }
  return splitter.end();
}
