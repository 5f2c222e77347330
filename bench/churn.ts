// Benchmark 3 of the scale issue: the TUI on a large cluster while the sim changes Pods at a
// steady rate. The TUI runs in tmux with PODVIEW_FRAME_PROBE set (src/cli/runtime/frameProbe.ts), which
// writes, per stamped change and per key press, when the next frame reached the terminal.
// The peer, `kubectl get pods -A -w -o name`, then consumes the same rate of churn on the same
// sim; for both we sample CPU time and RSS from /proc, once a second, after a warm-up of churn
// (warmupSeconds) so that growth is measured from the working size, not from an idle heap. One at a time:
// kubectl's watch holds 6-7 GB and its Go collector takes a core in bursts, which on this
// 2-core machine made podview's latencies measure kubectl's load as much as podview's.
// For a closer look (neither changes the figures' meaning, both add their own cost):
//   PODVIEW_CHURN_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof'   NODE_OPTIONS for the TUI
//   PODVIEW_CHURN_PROBE_FILE=/tmp/probe.jsonl   keeps the probe's lines (frames, GC pauses, memory)
//   PODVIEW_SIM_NODE_OPTIONS='--trace-gc'   flags for the sim's own process (bench/scaleSim.ts)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeGc, type GcSummary, latencies } from './churnProbe.ts';
import { percentile, procSample, type ProcSample } from './measure.ts';
import { describeKill, watchRss } from './rssCap.ts';
import { USAGE_POLL_MS } from '../src/cluster/usagePoll.ts';
import { startTuiShowing } from './firstFrame.ts';
import { onClientCore } from './pin.ts';
import type { SimProcess } from './scaleSim.ts';
import { sleep, Tmux } from './tmux.ts';

export interface ChurnOptions {
  pods: number;
  changesPerSecond: number;
  seconds: number;
  /** One key press (j or k) this often. */
  keyEveryMs?: number;
  /**
   * Churn before the clock starts (default 30 s). After the first list the process holds the
   * Pods and little else; the first half-minute of churn grows V8's young generation to its
   * working size and fills the old generation up to its first full collection. Measured from
   * there, RSS growth means retention, not a collector finding its feet.
   */
  warmupSeconds?: number;
}

export const DEFAULT_WARMUP_SECONDS = 30;

export const warmupSecondsOf = (options: ChurnOptions) => options.warmupSeconds ?? DEFAULT_WARMUP_SECONDS;

export interface Usage {
  cpuPerSec: number;
  /** Before any churn (the list is in and has settled). */
  rssBeforeChurnMb: number;
  rssStartMb: number;
  rssEndMb: number;
  /** The highest RSS sampled (once a second) in each half of the measured run: a leak lifts the second. */
  rssPeakFirstHalfMb: number;
  rssPeakSecondHalfMb: number;
}

export interface ChurnResult {
  options: ChurnOptions;
  changesMade: number;
  /** Pods in the sim when the TUI's churn stopped: how many the peer's watch lists next. */
  podsAfterChurn: number;
  /** How late the sim's own event loop ran during the churn (ms): a floor under event-to-frame. */
  simLoopDelayMs: { p99: number; max: number };
  /** undefined when the TUI wrote no probe lines (the probe is not wired into the TUI). */
  eventToFrame?: { p50: number; p99: number; count: number };
  /** The part of it spent in podview after the store notified the change (render + write). */
  notifyToFrame?: { p50: number; p99: number; count: number };
  keyToFrame?: { p50: number; p99: number; count: number };
  keysSent: number;
  /** The TUI's garbage-collection pauses during the churn (from the probe). */
  gc?: GcSummary;
  /** The TUI's V8 heap (used, MB) in the first and the last sample under churn. */
  heapUsedMb?: { first: number; last: number; max: number };
  /** The TUI's heap right after its first and last full collection under churn (MB): what is alive. */
  liveHeapMb?: { first: number; last: number; count: number };
  /**
   * What the TUI holds after a full collection the bench forces once the warm-up is over and
   * again once the churn stopped, and that of a TUI started afresh on the Pods the churn left
   * (`fresh`): the leak check. V8's own full collections may come a minute apart, so RSS at two
   * moments mostly says where in the collector's sawtooth each one fell; and the churn itself
   * grows the cluster's state (restarted containers keep their last state), so the control for
   * the end is a TUI that holds the same Pods without having lived through the churn.
   */
  forced?: { start: ForcedCollection; end: ForcedCollection; fresh?: ForcedCollection };
  /** Times the TUI's store went back to loading (a relist) during the run: 0 unless the watch broke. */
  relists: number;
  podview: Usage;
  kubectl: Usage;
  kubectlLines: number;
  /** Why the peer has no figures (its watch went over the bench's memory ceiling or exited). */
  kubectlFailed?: string;
}

/** CPU and RSS of one process over the measured run, sampled from /proc. */
class UsageTrack {
  private start: ProcSample | undefined;
  private startedAt = 0;
  private readonly samples: { at: number; rssMb: number }[] = [];

  constructor(
    private readonly pid: number,
    private readonly before = procSample(pid),
  ) {}

  begin(): void {
    this.startedAt = performance.now();
    this.start = procSample(this.pid);
    this.samples.length = 0; // the warm-up's samples are not the run's
    this.sample();
  }

  sample(): void {
    const s = procSample(this.pid);
    if (s) this.samples.push({ at: performance.now(), rssMb: s.rssMb });
  }

  end(): Usage {
    const end = procSample(this.pid);
    const seconds = (performance.now() - this.startedAt) / 1000;
    if (end) this.samples.push({ at: performance.now(), rssMb: end.rssMb });
    const middle = this.startedAt + (seconds * 1000) / 2;
    const peak = (inHalf: (at: number) => boolean) => Math.max(...this.samples.filter((s) => inHalf(s.at)).map((s) => s.rssMb));
    return {
      cpuPerSec: this.start && end ? (end.cpuSec - this.start.cpuSec) / seconds : Number.NaN,
      rssBeforeChurnMb: this.before?.rssMb ?? Number.NaN,
      rssStartMb: this.start?.rssMb ?? Number.NaN,
      rssEndMb: end?.rssMb ?? Number.NaN,
      rssPeakFirstHalfMb: peak((at) => at < middle),
      rssPeakSecondHalfMb: peak((at) => at >= middle),
    };
  }
}

/** Starts the sim's churn and waits out the warm-up, then (after `beforeClock`) starts the track's clock. */
async function churnPastWarmup(sim: Pick<SimProcess, 'churn'>, track: UsageTrack, options: ChurnOptions, beforeClock?: () => Promise<void>): Promise<void> {
  await sim.churn(options.changesPerSecond);
  await sampleFor(track, warmupSecondsOf(options));
  await beforeClock?.();
  track.begin();
}

/** What the TUI held after a full collection the probe made on request: its heap (MB) and the lean-Pod parts table's entries. */
export interface ForcedCollection {
  liveMb: number;
  sharedParts: number;
}

/** The full collections the probe made on request, in order. */
function forcedCollections(probeFile: string): ForcedCollection[] {
  if (!existsSync(probeFile)) return [];
  return readFileSync(probeFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"kind":"fullgc"'))
    .map((line) => {
      const c = JSON.parse(line) as { heapUsed: number; sharedParts: number };
      return { liveMb: c.heapUsed / 1048576, sharedParts: c.sharedParts };
    });
}

/**
 * A TUI started afresh on `pods` Pods, holding what the churned one holds: what it keeps after a
 * forced full collection. It waits a usage poll's interval first: the churned TUI holds the
 * last poll's usage of every Pod (at 150,000 Pods ~16 MB, the map and a record per Pod), and a
 * fresh one compared before its first poll is in looks that much smaller (a heap-snapshot diff
 * of the two found 158,925 usage records against none).
 */
async function freshCollection(tmux: Tmux, kubeconfig: string, pods: number, dir: string): Promise<ForcedCollection | undefined> {
  const probeFile = join(dir, 'fresh-probe.jsonl');
  const tui = await startTuiShowing(tmux, kubeconfig, pods, { PODVIEW_FRAME_PROBE: probeFile });
  try {
    await sleep(USAGE_POLL_MS + 2_000);
    return await forcedCollection(tui.pid, probeFile);
  } finally {
    await tmux.quit(tui.session);
  }
}

/** Has the TUI's probe run a full collection (SIGUSR2) and returns what it left alive. */
async function forcedCollection(pid: number, probeFile: string): Promise<ForcedCollection | undefined> {
  const before = forcedCollections(probeFile).length;
  process.kill(pid, 'SIGUSR2');
  const until = performance.now() + 10_000;
  while (performance.now() < until) {
    await sleep(100);
    const after = forcedCollections(probeFile);
    if (after.length > before) return after.at(-1);
  }
  return undefined;
}

/** Sleeps `seconds`, sampling the process's RSS once a second. */
async function sampleFor(track: UsageTrack, seconds: number): Promise<void> {
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    await sleep(Math.min(1_000, until - performance.now()));
    track.sample();
  }
}

/** Starts kubectl's watch and resolves once it has printed the initial list of every Pod. */
function startKubectlWatch(kubeconfig: string, pods: number) {
  const child = spawn(...onClientCore('kubectl', ['get', 'pods', '-A', '-w', '-o', 'name', '--kubeconfig', kubeconfig]), { stdio: ['ignore', 'pipe', 'ignore'] });
  let lines = 0;
  let onListed: () => void = () => {};
  const listed = new Promise<void>((resolve, reject) => {
    onListed = resolve;
    child.on('exit', (code) => reject(new Error(`kubectl get pods -w exited early (${code})`)));
    child.on('error', reject);
  });
  listed.catch(() => undefined); // killed on purpose at the end; awaiting `listed` still sees a real failure
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (lines >= pods) onListed();
  });
  return { child, listed, lines: () => lines };
}

const summary = (values: number[]) => (values.length ? { p50: percentile(values, 50), p99: percentile(values, 99), count: values.length } : undefined);

/** Runs on a sim (in its own process) that already holds `options.pods` Pods; the sim's churn changes them. */
export async function benchChurn(sim: Pick<SimProcess, 'churn' | 'stopChurn'>, kubeconfig: string, options: ChurnOptions): Promise<ChurnResult> {
  const tui = await churnTui(sim, kubeconfig, options);
  // The TUI's figures stand even when the peer cannot be measured.
  const peer = await churnKubectl(sim, kubeconfig, options, tui.podsAfterChurn).catch((err: unknown) => {
    const failed = err instanceof Error ? err.message : String(err);
    process.stderr.write(`bench: churn: the peer has no figures: ${failed}\n`);
    const none = Number.NaN;
    return { kubectl: { cpuPerSec: none, rssBeforeChurnMb: none, rssStartMb: none, rssEndMb: none, rssPeakFirstHalfMb: none, rssPeakSecondHalfMb: none }, kubectlLines: 0, kubectlFailed: failed };
  });
  return { ...tui, ...peer };
}

/** The TUI under churn, alone with the sim: latencies from its probe, CPU and RSS from /proc. */
export async function churnTui(sim: Pick<SimProcess, 'churn' | 'stopChurn'>, kubeconfig: string, options: ChurnOptions): Promise<Omit<ChurnResult, 'kubectl' | 'kubectlLines'>> {
  const tmux = new Tmux();
  const dir = mkdtempSync(join(tmpdir(), 'podview-churn-'));
  const probeFile = process.env.PODVIEW_CHURN_PROBE_FILE ?? join(dir, 'probe.jsonl');
  const nodeOptions = process.env.PODVIEW_CHURN_NODE_OPTIONS;
  try {
    const tui = await startTuiShowing(tmux, kubeconfig, options.pods, { PODVIEW_FRAME_PROBE: probeFile, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) });
    await sleep(2_000); // let it settle after the initial list
    const track = new UsageTrack(tui.pid);
    let liveStart: ForcedCollection | undefined;
    await churnPastWarmup(sim, track, options, async () => {
      liveStart = await forcedCollection(tui.pid, probeFile);
      await sleep(2_000); // the collection's pause, and the changes it held up, stay out of the measured run
      rmSync(probeFile, { force: true }); // only what happens once the clock runs counts
    });
    const started = performance.now();
    let keysSent = 0;
    const keyEvery = options.keyEveryMs ?? 200;
    const until = started + options.seconds * 1000;
    while (performance.now() < until) {
      // Down five rows, up five rows: the selection moves on every press.
      await tmux.sendKeys(tui.session, Math.floor(keysSent / 5) % 2 === 0 ? 'j' : 'k');
      keysSent++;
      if (keysSent % Math.max(1, Math.round(1_000 / keyEvery)) === 0) track.sample();
      await sleep(keyEvery);
    }
    const stopped = await sim.stopChurn();
    const seconds = (performance.now() - started) / 1000;
    const podview = track.end();
    const liveEnd = await forcedCollection(tui.pid, probeFile);
    await sleep(1_000); // the last frames and the probe's buffered lines
    await tmux.quit(tui.session);
    const liveFresh = await freshCollection(tmux, kubeconfig, stopped.pods, dir);
    const { events, notified, keys, gc, heapUsedMb, liveHeapMb, relists } = latencies(probeFile, seconds);
    process.stderr.write(
      `bench: churn: ${describeGc(gc)}${heapUsedMb ? `; heap used ${heapUsedMb.first.toFixed(0)} -> ${heapUsedMb.last.toFixed(0)} MB (max ${heapUsedMb.max.toFixed(0)})` : ''}; ${relists} relists\n`,
    );
    return {
      options,
      changesMade: stopped.made,
      podsAfterChurn: stopped.pods,
      simLoopDelayMs: stopped.loopDelayMs,
      eventToFrame: summary(events),
      notifyToFrame: summary(notified),
      keyToFrame: summary(keys),
      keysSent,
      ...(gc ? { gc } : {}),
      ...(heapUsedMb ? { heapUsedMb } : {}),
      ...(liveHeapMb ? { liveHeapMb } : {}),
      ...(liveStart !== undefined && liveEnd !== undefined ? { forced: { start: liveStart, end: liveEnd, ...(liveFresh !== undefined ? { fresh: liveFresh } : {}) } } : {}),
      relists,
      podview,
    };
  } finally {
    await tmux.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `kubectl get pods -A -w` under the same rate of churn, alone with the sim: CPU and RSS. */
async function churnKubectl(sim: Pick<SimProcess, 'churn' | 'stopChurn'>, kubeconfig: string, options: ChurnOptions, pods: number): Promise<Pick<ChurnResult, 'kubectl' | 'kubectlLines'>> {
  const watch = startKubectlWatch(kubeconfig, pods);
  const cap = watchRss(watch.child.pid!);
  const killed = () => {
    const k = cap.killed();
    return k ? new Error(`kubectl get pods -A -w was ${describeKill(k)}`) : undefined;
  };
  try {
    await watch.listed.catch((err: unknown) => {
      throw killed() ?? err;
    });
    await sleep(2_000);
    const track = new UsageTrack(watch.child.pid!);
    await churnPastWarmup(sim, track, options);
    await sampleFor(track, options.seconds);
    await sim.stopChurn();
    const overCap = killed();
    if (overCap) throw overCap;
    return { kubectl: track.end(), kubectlLines: watch.lines() };
  } finally {
    cap.stop();
    watch.child.kill();
  }
}
