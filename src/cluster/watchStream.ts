// Reads one watch connection: newline-delimited JSON events, handed over in batches (one batch
// per chunk the network delivers, so a burst of a thousand events is one store.apply), with a
// stall guard: if nothing at all arrives (not even a bookmark) for stallTimeoutMs, the stream
// is abandoned so the caller can reconnect.
import type { KubeConfig } from '@kubernetes/client-node';
import { openStream } from './request.ts';
import type { Query } from './request.ts';

export interface WatchEvent {
  type: string;
  object: Record<string, unknown> & { metadata?: { resourceVersion?: string } };
}

export type WatchEnd =
  | { kind: 'closed' }
  | { kind: 'stalled' }
  | { kind: 'aborted' }
  /** onBatch asked to stop (e.g. an ERROR event such as 410 Gone). */
  | { kind: 'stopped' }
  /** Failed before the server answered (connect, TLS, HTTP status). */
  | { kind: 'error'; error: unknown }
  /** The established stream broke (reset, server gone mid-stream). */
  | { kind: 'dropped'; error: unknown }
  /** A line grew past maxLineChars; it was let go of unread and the stream with it. */
  | { kind: 'oversized' };

/**
 * The longest watch line read (characters). etcd stores objects of at most 1.5 MB, so a Pod's
 * event is far below this; a longer line is a broken or hostile server, and reading it whole
 * (a 300 MB line took the process to 820 MB) is what must not happen. Log lines have their
 * own, smaller cap (logLines.ts).
 */
export const MAX_WATCH_LINE_CHARS = 4 * 1024 * 1024;

export interface WatchStreamOptions {
  kubeConfig: KubeConfig;
  path: string;
  query: Query;
  stallTimeoutMs: number;
  signal: AbortSignal;
  /** Called once the server answered 200 (the watch is established). */
  onOpen(): void;
  /** Return false to stop reading (the caller saw an ERROR event). */
  onBatch(events: WatchEvent[]): boolean | undefined;
  /** Overrides MAX_WATCH_LINE_CHARS (tests). */
  maxLineChars?: number;
}

export async function readWatch(options: WatchStreamOptions): Promise<WatchEnd> {
  const controller = new AbortController();
  const forward = () => controller.abort();
  options.signal.addEventListener('abort', forward, { once: true });
  let stalled = false;
  let opened = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, options.stallTimeoutMs);
  };
  const end = (): WatchEnd | undefined => (options.signal.aborted ? { kind: 'aborted' } : stalled ? { kind: 'stalled' } : undefined);
  try {
    arm(); // also bounds the time to get response headers
    const response = await openStream(options.kubeConfig, options.path, { ...options.query, watch: true }, { signal: controller.signal });
    const body = response.body.stream();
    if (!body) return { kind: 'closed' };
    opened = true;
    options.onOpen();
    arm();
    const reader = body.getReader();
    const decoder = new TextDecoder();
    // The unfinished last line, in pieces: a line spread over many chunks is joined once, when
    // its newline arrives, instead of being copied and re-scanned on every chunk.
    let carry: string[] = [];
    let carried = 0;
    const maxLine = options.maxLineChars ?? MAX_WATCH_LINE_CHARS;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      const text = decoder.decode(value, { stream: true });
      const last = text.lastIndexOf('\n');
      // Only the unfinished line is held, so it alone is measured: the first newline of this
      // chunk ends it (a line wholly inside one chunk is bounded by the chunk).
      const first = text.indexOf('\n');
      if (carried + (first === -1 ? text.length : first) > maxLine) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'oversized' };
      }
      if (last === -1) {
        carry.push(text);
        carried += text.length;
        continue;
      }
      carry.push(text.slice(0, last));
      const lines = carry.join('').split('\n');
      carry = last + 1 < text.length ? [text.slice(last + 1)] : [];
      carried = carry.length > 0 ? carry[0]!.length : 0;
      const batch: WatchEvent[] = [];
      for (const line of lines) {
        if (line.length === 0 || line.trim() === '') continue;
        try {
          const parsed = JSON.parse(line) as WatchEvent;
          if (parsed && typeof parsed.type === 'string' && parsed.object && typeof parsed.object === 'object') batch.push(parsed);
        } catch {
          // A torn or garbled line: the resourceVersion bookkeeping makes the next reconnect catch up.
        }
      }
      if (batch.length > 0 && options.onBatch(batch) === false) return { kind: 'stopped' };
    }
    return end() ?? { kind: 'closed' };
  } catch (error) {
    return end() ?? (opened ? { kind: 'dropped', error } : { kind: 'error', error });
  } finally {
    if (timer) clearTimeout(timer);
    options.signal.removeEventListener('abort', forward);
    controller.abort();
  }
}
