// What the TUI's frame probe wrote during a churn run (src/cli/runtime/frameProbe.ts): per stamped
// change and key press when its frame reached the terminal, GC pauses, heap samples and re-lists.
import { existsSync, readFileSync } from 'node:fs';

export interface GcSummary {
  /** Per kind (minor, major, incremental, weakcb): pauses, their total and the longest (ms). */
  byKind: Record<string, { count: number; totalMs: number; maxMs: number }>;
  /** Share of the wall time spent in pauses. */
  share: number;
}

interface ProbeLine {
  kind: string;
  changedAt?: number;
  notifiedAt?: number;
  keyAt?: number;
  frameAt: number;
  ms?: number;
  gcKind?: string;
  heapUsed?: number;
  heapUsedAfter?: number;
  state?: string;
}

export function latencies(file: string, seconds: number) {
  const events: number[] = [];
  const notified: number[] = [];
  const keys: number[] = [];
  const heap: number[] = [];
  const live: number[] = [];
  let relists = 0;
  const byKind: GcSummary['byKind'] = {};
  let pausedMs = 0;
  if (!existsSync(file)) return { events, notified, keys, relists };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as ProbeLine;
    // The collection the bench forces once the churn stopped, and what follows it, is not the run's.
    if (r.kind === 'fullgc') break;
    if (r.kind === 'event' && r.changedAt !== undefined) events.push(r.frameAt - r.changedAt);
    if (r.kind === 'event' && r.notifiedAt !== undefined) notified.push(r.frameAt - r.notifiedAt);
    if (r.kind === 'key' && r.keyAt !== undefined) keys.push(r.frameAt - r.keyAt);
    if (r.kind === 'heap' && r.heapUsed !== undefined) heap.push(r.heapUsed / 1048576);
    if (r.kind === 'gc' && r.heapUsedAfter !== undefined) live.push(r.heapUsedAfter / 1048576);
    if (r.kind === 'connection' && r.state === 'loading') relists++;
    if (r.kind === 'gc' && r.ms !== undefined) {
      const k = (byKind[r.gcKind ?? 'other'] ??= { count: 0, totalMs: 0, maxMs: 0 });
      k.count++;
      k.totalMs += r.ms;
      k.maxMs = Math.max(k.maxMs, r.ms);
      pausedMs += r.ms;
    }
  }
  const gc: GcSummary | undefined = Object.keys(byKind).length ? { byKind, share: pausedMs / (seconds * 1000) } : undefined;
  const heapUsedMb = heap.length ? { first: heap[0]!, last: heap.at(-1)!, max: Math.max(...heap) } : undefined;
  const liveHeapMb = live.length ? { first: live[0]!, last: live.at(-1)!, count: live.length } : undefined;
  return { events, notified, keys, gc, heapUsedMb, liveHeapMb, relists };
}

export function describeGc(gc: GcSummary | undefined): string {
  if (!gc) return 'no GC pauses recorded';
  const kinds = Object.entries(gc.byKind).map(([kind, k]) => `${kind} ${k.count}x total ${k.totalMs.toFixed(0)} ms max ${k.maxMs.toFixed(1)} ms`);
  return `GC pauses ${(gc.share * 100).toFixed(1)}% of the time: ${kinds.join('; ')}`;
}
