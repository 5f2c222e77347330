// Turns benchmark results into rows of the one table: each podview figure beside its peer
// from the same run, the ratio, and the target with whether it is met.
import { type ChurnResult, warmupSecondsOf } from './churn.ts';
import type { FirstFrameResult } from './firstFrame.ts';
import type { OnePodResult } from './onePod.ts';
import { type BenchRow, fmt, met, ratio } from './measure.ts';
import { describeKill, PEER_CAP_MB } from './rssCap.ts';
import type { SnapshotResult } from './snapshot.ts';

const count = (pods: number) => (pods >= 1000 && pods % 1000 === 0 ? `${pods / 1000}k` : String(pods));

/** The RSS ceiling at this size, if it sets one. */
function rssTarget(pods: number): { text: string; mb: number } | undefined {
  if (pods === 10_000) return { text: '< 150 MB', mb: 150 };
  if (pods >= 100_000) return { text: '< 1 GB', mb: 1024 };
  return undefined;
}

function rssRow(bench: string, pods: number, podview: number, peer: number, what: string): BenchRow {
  const target = rssTarget(pods);
  return {
    bench,
    metric: `${count(pods)} pods ${what} MB`,
    podview: fmt(podview),
    peer: fmt(peer),
    ratio: ratio(podview, peer),
    target: target?.text,
    met: target ? met(podview < target.mb) : undefined,
  };
}

export function snapshotRows(results: SnapshotResult[]): BenchRow[] {
  return results.flatMap((r) => [
    ...(r.kubectlJsonKilled
      ? [
          {
            bench: 'snapshot',
            metric: `${count(r.pods)} pods kubectl get pods -A -o json`,
            podview: '-',
            peer: describeKill(r.kubectlJsonKilled),
            ratio: '-',
            note: `the bench's ceiling for a peer is ${fmt(PEER_CAP_MB / 1024)} GB (PODVIEW_BENCH_PEER_CAP_MB); the rows below compare with kubectl get pods -A instead`,
          },
        ]
      : []),
    {
      bench: 'snapshot',
      metric: `${count(r.pods)} pods wall ms (median of ${r.runs})`,
      podview: fmt(r.podview.wallMs),
      peer: fmt(r.kubectl.wallMs),
      ratio: ratio(r.podview.wallMs, r.kubectl.wallMs),
      target: '<= kubectl',
      met: met(r.podview.wallMs <= r.kubectl.wallMs),
      note: r.kubectlJsonKilled
        ? 'podview --once -o json -A vs kubectl get pods -A (server-side table, less work than JSON), to /dev/null'
        : 'podview --once -o json -A vs kubectl get pods -A -o json, to /dev/null',
    },
    rssRow('snapshot', r.pods, r.podview.peakRssMb, r.kubectl.peakRssMb, 'peak RSS'),
  ]);
}

export function firstFrameRows(results: FirstFrameResult[]): BenchRow[] {
  return results.flatMap((r) => [
    {
      bench: 'first frame',
      metric: `${count(r.pods)} pods ms to full count (median of ${r.runs})`,
      podview: fmt(r.podview.ms),
      peer: fmt(r.kubectl.ms),
      ratio: ratio(r.podview.ms, r.kubectl.ms),
      target: '<= kubectl',
      met: met(r.podview.ms <= r.kubectl.ms),
      note: `TUI in tmux ${'200x50'} until the status bar reads "${r.pods} pods" vs kubectl get pods -A (table) to exit`,
    },
    ...frameFloorRows(r),
    rssRow('first frame', r.pods, r.podview.peakRssMb, r.kubectl.peakRssMb, 'peak RSS'),
  ]);
}

function frameFloorRows(r: FirstFrameResult): BenchRow[] {
  const floors = r.floors;
  if (!floors) return [];
  const row = (what: string, ms: number, note: string): BenchRow => ({
    bench: 'first frame',
    metric: `${count(r.pods)} pods floor: ${what}, ms to count (median of ${r.runs})`,
    podview: fmt(ms),
    peer: fmt(r.kubectl.ms),
    ratio: ratio(ms, r.kubectl.ms),
    note,
  });
  return [
    row('client-node + Ink, Pods whole', floors.pods, 'bench/firstFrameFloorEntry.tsx: the least the required stack costs reading what podview draws, vs kubectl get pods -A'),
    row("client-node + Ink, the server's table", floors.table, "the same reading kubectl's table, which has no containers, mounts or limits"),
    row('Node + node:https, Pods whole', floors.node, 'bench/nodeFloor.mjs: the least any Node program costs knowing every Pod'),
  ];
}

export function onePodRows(results: OnePodResult[]): BenchRow[] {
  return results.flatMap((r) => [
    {
      bench: 'one pod',
      metric: `${count(r.pods)} pods --once -o text wall ms (median of ${r.runs})`,
      podview: fmt(r.snapshotMs.podview),
      peer: fmt(r.snapshotMs.kubectl),
      ratio: ratio(r.snapshotMs.podview, r.snapshotMs.kubectl),
      target: '<= kubectl',
      met: met(r.snapshotMs.podview <= r.snapshotMs.kubectl),
      note: 'podview POD -n NS --once -o text vs kubectl describe pod POD -n NS, to /dev/null',
    },
    {
      bench: 'one pod',
      metric: `${count(r.pods)} pods floor: Node + client-node, one GET, wall ms (median of ${r.runs})`,
      podview: fmt(r.floorMs),
      peer: fmt(r.snapshotMs.kubectl),
      ratio: ratio(r.floorMs, r.snapshotMs.kubectl),
      note: 'bench/onePodFloorEntry.ts: the least the required stack costs, vs kubectl describe pod',
    },
    {
      bench: 'one pod',
      metric: `${count(r.pods)} pods floor: Node + node:https, one GET, wall ms (median of ${r.runs})`,
      podview: fmt(r.nodeFloorMs),
      peer: fmt(r.snapshotMs.kubectl),
      ratio: ratio(r.nodeFloorMs, r.snapshotMs.kubectl),
      note: 'bench/nodeFloor.mjs: the least any Node program costs, vs kubectl describe pod',
    },
    {
      bench: 'one pod',
      metric: `${count(r.pods)} pods --once peak RSS MB`,
      podview: fmt(r.snapshotRssMb.podview),
      peer: fmt(r.snapshotRssMb.kubectl),
      ratio: ratio(r.snapshotRssMb.podview, r.snapshotRssMb.kubectl),
    },
    {
      bench: 'one pod',
      metric: `${count(r.pods)} pods host view drawn ms (median of ${r.runs})`,
      podview: fmt(r.tuiMs.podview),
      peer: fmt(r.tuiMs.kubectl),
      ratio: ratio(r.tuiMs.podview, r.tuiMs.kubectl),
      target: '<= kubectl',
      met: met(r.tuiMs.podview <= r.tuiMs.kubectl),
      note: 'TUI podview POD in tmux 200x50 until owners and usage are drawn vs kubectl describe pod in tmux to exit',
    },
  ]);
}

export function churnRows(r: ChurnResult): BenchRow[] {
  const o = r.options;
  const label = `${count(o.pods)} pods, ${o.changesPerSecond}/s, ${o.seconds}s`;
  const peakGrowth = r.podview.rssPeakSecondHalfMb - r.podview.rssPeakFirstHalfMb;
  const live = r.liveHeapMb ? `; heap after V8's own full collections ${fmt(r.liveHeapMb.first)} -> ${fmt(r.liveHeapMb.last)} MB (${r.liveHeapMb.count})` : '';
  const forced = r.forced;
  const ceiling = rssTarget(o.pods);
  const latency = (name: string, s: ChurnResult['eventToFrame'], p: 'p50' | 'p99', limit: number | undefined, note: string): BenchRow => ({
    bench: 'churn',
    metric: `${name} ${p} ms`,
    podview: s ? fmt(s[p]) : 'n/a',
    peer: '-',
    ratio: '-',
    target: limit === undefined ? undefined : `< ${limit} ms`,
    met: limit === undefined ? undefined : s ? met(s[p] < limit) : 'n/a',
    note: s ? `${note}; ${s.count} samples` : 'no probe output: is installFrameProbe wired into the TUI start-up?',
  });
  return [
    latency('event-to-frame', r.eventToFrame, 'p50', undefined, `${label}; sim's change stamp to the next terminal write after the store notified it, all changes counted (visible row or not)`),
    latency('event-to-frame', r.eventToFrame, 'p99', 250, `${r.changesMade} changes made`),
    latency('notify-to-frame', r.notifyToFrame, 'p50', undefined, "the part of it after podview's store notified the change (render and write only)"),
    latency('notify-to-frame', r.notifyToFrame, 'p99', undefined, 'the rest is the sim, the wire and the watch decoding'),
    {
      bench: 'churn',
      metric: "sim's event-loop delay p99 ms",
      podview: fmt(r.simLoopDelayMs.p99),
      peer: '-',
      ratio: '-',
      note: `max ${fmt(r.simLoopDelayMs.max)} ms: how late the simulated server itself ran, a change it stamped waits at least that long to be sent`,
    },
    latency('key-to-frame', r.keyToFrame, 'p50', undefined, 'j/k every 200 ms via tmux; from stdin read to the next terminal write'),
    latency('key-to-frame', r.keyToFrame, 'p99', 100, `${r.keysSent} keys sent`),
    {
      bench: 'churn',
      metric: 'CPU seconds per second',
      podview: fmt(r.podview.cpuPerSec, 2),
      peer: fmt(r.kubectl.cpuPerSec, 2),
      ratio: ratio(r.podview.cpuPerSec, r.kubectl.cpuPerSec),
      target: '< 0.5',
      met: met(r.podview.cpuPerSec < 0.5),
      note: r.kubectlFailed
        ? `peer: kubectl get pods -A -w -o name has no figures: ${r.kubectlFailed}`
        : `peer: kubectl get pods -A -w -o name on the same rate of churn, run after podview, each alone with the sim (${r.kubectlLines} lines read)`,
    },
    {
      bench: 'churn',
      metric: 'RSS before churn MB',
      podview: fmt(r.podview.rssBeforeChurnMb),
      peer: fmt(r.kubectl.rssBeforeChurnMb),
      ratio: ratio(r.podview.rssBeforeChurnMb, r.kubectl.rssBeforeChurnMb),
      note: `the list is in; then ${warmupSecondsOf(o)} s of churn before the clock starts (young generation and old-generation garbage reach their working size)`,
    },
    { bench: 'churn', metric: 'RSS at start MB', podview: fmt(r.podview.rssStartMb), peer: fmt(r.kubectl.rssStartMb), ratio: ratio(r.podview.rssStartMb, r.kubectl.rssStartMb) },
    {
      bench: 'churn',
      metric: 'RSS at end MB',
      podview: fmt(r.podview.rssEndMb),
      peer: fmt(r.kubectl.rssEndMb),
      ratio: ratio(r.podview.rssEndMb, r.kubectl.rssEndMb),
      note: `end - start ${fmt(r.podview.rssEndMb - r.podview.rssStartMb)} MB; the collector's sawtooth decides where in it each end falls`,
    },
    {
      bench: 'churn',
      metric: 'RSS peak, 2nd half of the run MB',
      podview: fmt(r.podview.rssPeakSecondHalfMb),
      peer: fmt(r.kubectl.rssPeakSecondHalfMb),
      ratio: ratio(r.podview.rssPeakSecondHalfMb, r.kubectl.rssPeakSecondHalfMb),
      target: ceiling?.text,
      met: ceiling ? met(Math.max(r.podview.rssPeakFirstHalfMb, r.podview.rssPeakSecondHalfMb) < ceiling.mb) : undefined,
      note: `1st half's peak ${fmt(r.podview.rssPeakFirstHalfMb)} MB (kubectl ${fmt(r.kubectl.rssPeakFirstHalfMb)}), ${fmt(peakGrowth)} MB apart: where V8's full collections fell${live}; ${r.relists} relists`,
    },
    {
      bench: 'churn',
      metric: 'live heap after a full collection, at end MB',
      podview: forced ? fmt(forced.end.liveMb) : 'n/a',
      peer: forced?.fresh ? fmt(forced.fresh.liveMb) : 'n/a',
      ratio: forced?.fresh ? ratio(forced.end.liveMb, forced.fresh.liveMb) : '-',
      target: 'no growth beyond noise',
      met: forced?.fresh ? met(forced.end.liveMb - forced.fresh.liveMb < Math.max(10, 0.1 * forced.fresh.liveMb)) : 'n/a',
      note: forced
        ? `peer: a TUI started afresh on the Pods the churn left, collected the same way; ${fmt(forced.start.liveMb)} MB after the warm-up; noise: < max(10 MB, 10%); collections forced through the probe (SIGUSR2); lean-Pod parts table ${forced.end.sharedParts} entries (fresh TUI: ${forced.fresh?.sharedParts ?? 'n/a'})`
        : 'the probe made no full collection on SIGUSR2',
    },
  ];
}

/** Growth: podview's own figures at each size beside those at the size before, and the factor. */
export function growthRows(snapshots: SnapshotResult[], frames: FirstFrameResult[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const series: [string, { pods: number; value: number }[]][] = [
    ['snapshot wall ms', snapshots.map((s) => ({ pods: s.pods, value: s.podview.wallMs }))],
    ['snapshot peak RSS MB', snapshots.map((s) => ({ pods: s.pods, value: s.podview.peakRssMb }))],
    ['first frame ms', frames.map((f) => ({ pods: f.pods, value: f.podview.ms }))],
    ['first frame peak RSS MB', frames.map((f) => ({ pods: f.pods, value: f.podview.peakRssMb }))],
  ];
  for (const [what, points] of series) {
    const sorted = [...points].sort((a, b) => a.pods - b.pods);
    sorted.forEach((point, i) => {
      const prev = sorted[i - 1];
      rows.push({
        bench: 'growth',
        metric: `${what} at ${count(point.pods)}`,
        podview: fmt(point.value),
        peer: prev ? `${fmt(prev.value)} at ${count(prev.pods)}` : '-',
        ratio: prev ? ratio(point.value, prev.value) : '-',
        note: prev ? `for ${fmt(point.pods / prev.pods, 0)}x the Pods (linear would be ${fmt(point.pods / prev.pods, 0)}x)` : undefined,
      });
    });
  }
  return rows;
}

/** bench/exec.ts answers with figures rather than rows (its own shape); put them in the table. */
export function execRows(r: { roundTrips: number; podview: { medianMs: number; p99Ms: number }; kubectl?: { medianMs: number; p99Ms: number } }): BenchRow[] {
  return (['medianMs', 'p99Ms'] as const).map((k) => ({
    bench: 'exec',
    metric: `keystroke round trip ${k === 'medianMs' ? 'median' : 'p99'} ms`,
    podview: fmt(r.podview[k], 2),
    peer: r.kubectl ? fmt(r.kubectl[k], 2) : 'n/a',
    ratio: r.kubectl ? ratio(r.podview[k], r.kubectl[k]) : 'n/a',
    note: k === 'medianMs' ? `${r.roundTrips} one-byte echoes through \`cat\`; peer: kubectl exec -i` : undefined,
  }));
}
