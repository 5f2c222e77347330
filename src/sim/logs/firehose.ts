import { formatRecord, type ContainerInstance, type Follower } from './instance.ts';
import { drained } from '../drained.ts';

export interface FirehoseOptions {
  /** Bytes per line without the newline (at least the numbered prefix); default 100. */
  lineBytes?: number;
  /** Wait until this many followers are attached before writing; default 1. */
  followers?: number;
  /** End the instance (and so every follow stream) after the last line, like a container that exits. */
  endStreams?: boolean;
  /** Stops the firehose (waiting or writing) when aborted. */
  signal?: AbortSignal;
}

const BATCH_LINES = 512;

const HEAD_BYTES = 'firehose line 000000000 '.length;

/** The n-th firehose line, so a reader can check that none is missing. */
export function firehoseLine(n: number, lineBytes = 100): string {
  return `firehose line ${String(n).padStart(9, '0')} ${'x'.repeat(Math.max(0, lineBytes - HEAD_BYTES))}`;
}

/** Settles on 'drain' or 'close', whichever comes first, and leaves no listener behind. */

export async function firehoseInto(instanceOf: () => ContainerInstance, now: () => number, count: number, options: FirehoseOptions): Promise<void> {
  const lineBytes = options.lineBytes ?? 100;
  const wanted = options.followers ?? 1;
  let instance = instanceOf();
  while (instance.followers.size < wanted) {
    if (instance.ended || options.signal?.aborted) return;
    await new Promise((r) => setTimeout(r, 5));
    instance = instanceOf();
  }
  for (let n = 0; n < count && !options.signal?.aborted; ) {
    const end = Math.min(count, n + BATCH_LINES);
    let plain = '';
    let stamped = '';
    let needPlain = false;
    let needStamped = false;
    for (const f of instance.followers) f.timestamps ? (needStamped = true) : (needPlain = true);
    for (; n < end; n++) {
      const record = { ...instance.stamp(now()), text: firehoseLine(n, lineBytes) };
      instance.store(record);
      if (needPlain) plain += formatRecord(record, false);
      if (needStamped) stamped += formatRecord(record, true);
    }
    const full: Follower[] = [];
    for (const f of instance.followers) if (!instance.send(f, f.timestamps ? stamped : plain)) full.push(f);
    // Wait for every slow socket (or its close) before the next batch.
    await Promise.all(full.map((f) => drained(f.res)));
    if (instance.followers.size === 0) break;
  }
  if (options.endStreams) instance.end();
}
