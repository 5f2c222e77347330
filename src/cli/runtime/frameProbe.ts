// A headless latency probe for the churn benchmark, off unless PODVIEW_FRAME_PROBE names a file.
// It watches the two ends of the pipe and nothing in between: what the store tells its
// subscribers (and what the user types) going in, and the next byte written to the terminal
// coming out. That next write is the frame that can show the change, so its time is the
// event-to-frame (or key-to-frame) latency. Results are JSON lines appended to the file:
//   {"kind":"event","changedAt":…,"notifiedAt":…,"frameAt":…}   (changedAt: the sim's stamp)
//   {"kind":"key","keyAt":…,"frameAt":…}
//   {"kind":"gc","at":…,"ms":…,"gcKind":…,"heapUsedAfter":…}   (a garbage-collection pause: the usual cause
//                                      of a long tail; heapUsedAfter, bytes, after a full one only)
//   {"kind":"connection","at":…,"state":…}   (the store's connection changed: a relist under churn shows here)
//   {"kind":"heap","at":…,"rss":…,"heapUsed":…,"heapTotal":…,"newSpace":…,"external":…}   (bytes; every heapEveryMs)
//   {"kind":"fullgc","at":…,"heapUsed":…,"rss":…,"sharedParts":…}   (a full collection the benchmark asked for with
//                                      SIGUSR2: what the TUI keeps alive, whatever point of the collector's sawtooth
//                                      it is at; sharedParts: entries in the lean-Pod parts table, see store/leanPod.ts)
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { CHANGED_AT_ANNOTATION, sharedPartCount } from '../../store/leanPod.ts';
import type { PodStore } from '../../store/podStore.ts';

export interface FrameProbeOptions {
  store: PodStore;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  file: string;
  /** Wall clock in ms since the epoch (the sim's stamps use the same clock). */
  now?: () => number;
  /** How often buffered lines are appended to the file (ms); 0: on every frame. */
  flushEveryMs?: number;
  /** How often the process's memory is recorded (ms); 0: never. Default 5000. */
  heapEveryMs?: number;
}

const GC_KINDS: Record<number, string> = {
  [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/** Installs the probe; the returned function removes it and writes what is still buffered. */
export function installFrameProbe(options: FrameProbeOptions): () => void {
  const { store, stdout, stdin, file } = options;
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  let waitingEvents: { changedAt: number; notifiedAt: number }[] = [];
  let waitingKeyAt: number | undefined;
  let buffered: string[] = [];

  const flush = () => {
    if (buffered.length === 0) return;
    const text = buffered.join('');
    buffered = [];
    try {
      appendFileSync(file, text);
    } catch {
      // A probe must never take the TUI down; the benchmark notices the missing lines.
    }
  };

  let connection = store.connection.kind;
  const unsubscribe = store.subscribe((change) => {
    const at = now();
    if (store.connection.kind !== connection) {
      connection = store.connection.kind;
      buffered.push(`{"kind":"connection","at":${at},"state":"${connection}"}\n`);
    }
    for (const uid of change.changed) {
      const stamp = store.get(uid)?.pod.metadata?.annotations?.[CHANGED_AT_ANNOTATION];
      const changedAt = stamp === undefined ? Number.NaN : Number(stamp);
      if (Number.isFinite(changedAt)) waitingEvents.push({ changedAt, notifiedAt: at });
    }
  });

  // Ink reads stdin from a 'readable' handler; each read() emits 'data', in flowing mode too,
  // so watching emit() sees every chunk without changing how the stream flows.
  const originalEmit = stdin.emit;
  stdin.emit = function probedEmit(this: NodeJS.ReadStream, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'data' && waitingKeyAt === undefined) waitingKeyAt = now();
    return originalEmit.call(this, event, ...args);
  } as typeof stdin.emit;

  const originalWrite = stdout.write;
  stdout.write = function probedWrite(this: NodeJS.WriteStream, ...args: unknown[]): boolean {
    if (waitingEvents.length > 0 || waitingKeyAt !== undefined) {
      const frameAt = now();
      for (const e of waitingEvents) buffered.push(`{"kind":"event","changedAt":${e.changedAt},"notifiedAt":${e.notifiedAt},"frameAt":${frameAt}}\n`);
      if (waitingKeyAt !== undefined) buffered.push(`{"kind":"key","keyAt":${waitingKeyAt},"frameAt":${frameAt}}\n`);
      waitingEvents = [];
      waitingKeyAt = undefined;
      if (!timer) flush();
    }
    return (originalWrite as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof stdout.write;

  // Garbage-collection pauses, to tell them apart from work of our own in a long tail.
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail;
      const kind = GC_KINDS[detail?.kind ?? -1] ?? 'other';
      // After a full collection the heap holds only what is alive: its trend tells a leak from garbage not yet collected.
      const after = kind === 'major' ? `,"heapUsedAfter":${process.memoryUsage().heapUsed}` : '';
      buffered.push(`{"kind":"gc","at":${performance.timeOrigin + entry.startTime},"ms":${entry.duration},"gcKind":"${kind}"${after}}\n`);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const heapEvery = options.heapEveryMs ?? 5000;
  const recordHeap = () => {
    const m = process.memoryUsage();
    const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
    buffered.push(`{"kind":"heap","at":${now()},"rss":${m.rss},"heapUsed":${m.heapUsed},"heapTotal":${m.heapTotal},"newSpace":${newSpace},"external":${m.external}}\n`);
  };
  const heapTimer = heapEvery > 0 ? setInterval(recordHeap, heapEvery) : undefined;
  heapTimer?.unref();

  // A leak check cannot wait for V8's own full collections: with little garbage they come a
  // minute or more apart, so RSS at two moments mostly tells where in that cycle each fell.
  const collectOnRequest = () => {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    const m = process.memoryUsage();
    buffered.push(`{"kind":"fullgc","at":${now()},"heapUsed":${m.heapUsed},"rss":${m.rss},"sharedParts":${sharedPartCount()}}\n`);
    flush();
  };
  process.on('SIGUSR2', collectOnRequest);

  // Appending on every frame would put file I/O on the path being measured; batch it instead.
  const every = options.flushEveryMs ?? 500;
  const timer = every > 0 ? setInterval(flush, every) : undefined;
  timer?.unref();
  process.on('exit', flush);

  return () => {
    if (timer) clearInterval(timer);
    if (heapTimer) clearInterval(heapTimer);
    gcObserver.disconnect();
    process.off('SIGUSR2', collectOnRequest);
    process.off('exit', flush);
    unsubscribe();
    stdin.emit = originalEmit;
    stdout.write = originalWrite;
    flush();
  };
}

/** The probe when PODVIEW_FRAME_PROBE is set in `env`, else nothing; returns its remover. */
export function frameProbeFromEnv(options: Omit<FrameProbeOptions, 'file'>, env: NodeJS.ProcessEnv = process.env): () => void {
  const file = env.PODVIEW_FRAME_PROBE;
  return file ? installFrameProbe({ ...options, file }) : () => {};
}
