// A snapshot page is garbage once it is written, but V8 promotes a page's objects to the old
// generation while the page is being built, and lets the old generation grow to several times
// its live size before it collects: at 10,000 Pods that was hundreds of MB of RSS holding
// nothing. A full collection whenever the heap has grown by a budget since the last one
// keeps the peak near the live size plus one budget, at the cost of one collection per budget
// (tens of ms), and with no heap limit that a large -o yaml could run into. The TUI's list load
// has garbage of its own kind, ArrayBuffers (bufferTrimmer below).
import v8 from 'node:v8';
import vm from 'node:vm';

/** Measured at 10,000 Pods, 250 a page: peak RSS 225 MB with 16 MB, 264 with 32, 316 with 64, 326 without (wall time within noise). */
export const DEFAULT_HEAP_BUDGET = 16 * 1024 * 1024;

/**
 * Exposes gc() to contexts created from now on (not to this one's globals) and takes it from a
 * new one; undefined where the collector cannot be reached.
 */
function reachCollector(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns a function to call between pages. The collector is reached only once `measure` (the
 * heap's used size unless told) has grown by the budget: a one-Pod snapshot never pays for the
 * new context (~2 ms).
 */
export function heapTrimmer(budget: number | (() => number) = DEFAULT_HEAP_BUDGET, measure: () => number = () => v8.getHeapStatistics().used_heap_size): () => void {
  // null until first needed; undefined once found unreachable.
  let collect: (() => void) | undefined | null = null;
  let floor = measure();
  return () => {
    const now = measure();
    // V8's own collections lower the floor too: the budget counts from the lowest point seen.
    floor = Math.min(floor, now);
    if (collect === undefined || now - floor < (typeof budget === 'number' ? budget : budget())) return;
    collect ??= reachCollector();
    collect?.();
    floor = measure();
  };
}

/** The least growth of let-go ArrayBuffers that the TUI's list load collects for. */
const MIN_BUFFER_BUDGET = 8 * 1024 * 1024;

/**
 * For the TUI's list load. Its pages come gzipped (kube-apiserver's way with a list of 128 KiB
 * or more), and each decompressed chunk, and undici's copy of it, is an ArrayBuffer of its own
 * that often outlives two young-generation collections, so only a full one frees it, and a list
 * load rarely triggers one: 10,000 Pods left ~15 MB of them at the first frame. A full
 * collection whenever they grow by a quarter of the heap (at least 8 MB) took the first frame's
 * peak RSS from 142 to 133.5 MB at 10,000 Pods and from 272-300 to 231-234 MB at 100,000, wall
 * time within noise (bench/firstFrame.ts, medians of 4 and 3 interleaved runs).
 */
export function bufferTrimmer(): () => void {
  return heapTrimmer(
    () => Math.max(MIN_BUFFER_BUDGET, process.memoryUsage().heapUsed / 4),
    () => process.memoryUsage().arrayBuffers,
  );
}
