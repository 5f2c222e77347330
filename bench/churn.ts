// Benchmark 3 of the scale issue: the TUI on a large cluster while the sim changes Pods at a
// steady rate. The TUI runs in tmux with PODVIEW_FRAME_PROBE set (src/cli/frameProbe.ts), which
// writes, per stamped change and per key press, when the next frame reached the terminal.
// The peer, `kubectl get pods -A -w -o name`, consumes the same churn; for both we sample CPU
// time and RSS from /proc at the start and the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, procSample, type ProcSample } from './measure.ts';
import { startTuiShowing } from './firstFrame.ts';
import type { SimProcess } from './scaleSim.ts';
import { sleep, Tmux } from './tmux.ts';

export interface ChurnOptions {
  pods: number;
  changesPerSecond: number;
  seconds: number;
  /** One key press (j or k) this often. */
  keyEveryMs?: number;
}

export interface Usage {
  cpuPerSec: number;
  rssStartMb: number;
  rssEndMb: number;
}

export interface ChurnResult {
  options: ChurnOptions;
  changesMade: number;
  /** undefined when the TUI wrote no probe lines (the probe is not wired into the TUI). */
  eventToFrame?: { p50: number; p99: number; count: number };
  /** The part of it spent in podview after the store notified the change (render + write). */
  notifyToFrame?: { p50: number; p99: number; count: number };
  keyToFrame?: { p50: number; p99: number; count: number };
  keysSent: number;
  podview: Usage;
  kubectl: Usage;
  kubectlLines: number;
}

function usage(start: ProcSample | undefined, end: ProcSample | undefined, seconds: number): Usage {
  if (!start || !end) return { cpuPerSec: Number.NaN, rssStartMb: start?.rssMb ?? Number.NaN, rssEndMb: end?.rssMb ?? Number.NaN };
  return { cpuPerSec: (end.cpuSec - start.cpuSec) / seconds, rssStartMb: start.rssMb, rssEndMb: end.rssMb };
}

/** Starts kubectl's watch and resolves once it has printed the initial list of every Pod. */
function startKubectlWatch(kubeconfig: string, pods: number) {
  const child = spawn('kubectl', ['get', 'pods', '-A', '-w', '-o', 'name', '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'ignore'] });
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

function latencies(file: string) {
  const events: number[] = [];
  const notified: number[] = [];
  const keys: number[] = [];
  if (!existsSync(file)) return { events, notified, keys };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as { kind: string; changedAt?: number; notifiedAt?: number; keyAt?: number; frameAt: number };
    if (r.kind === 'event' && r.changedAt !== undefined) events.push(r.frameAt - r.changedAt);
    if (r.kind === 'event' && r.notifiedAt !== undefined) notified.push(r.frameAt - r.notifiedAt);
    if (r.kind === 'key' && r.keyAt !== undefined) keys.push(r.frameAt - r.keyAt);
  }
  return { events, notified, keys };
}

const summary = (values: number[]) => (values.length ? { p50: percentile(values, 50), p99: percentile(values, 99), count: values.length } : undefined);

/** Runs on a sim (in its own process) that already holds `options.pods` Pods; the sim's churn changes them. */
export async function benchChurn(sim: Pick<SimProcess, 'churn' | 'stopChurn'>, kubeconfig: string, options: ChurnOptions): Promise<ChurnResult> {
  const tmux = new Tmux();
  const dir = mkdtempSync(join(tmpdir(), 'podview-churn-'));
  const probeFile = join(dir, 'probe.jsonl');
  const watch = startKubectlWatch(kubeconfig, options.pods);
  try {
    const tui = await startTuiShowing(tmux, kubeconfig, options.pods, { PODVIEW_FRAME_PROBE: probeFile });
    await watch.listed;
    await sleep(2_000); // let both settle after the initial list before the clock starts
    const started = performance.now();
    const podviewStart = procSample(tui.pid);
    const kubectlStart = procSample(watch.child.pid!);
    rmSync(probeFile, { force: true }); // only what happens under churn counts
    await sim.churn(options.changesPerSecond);
    let keysSent = 0;
    const keyEvery = options.keyEveryMs ?? 200;
    const until = started + options.seconds * 1000;
    while (performance.now() < until) {
      // Down five rows, up five rows: the selection moves on every press.
      await tmux.sendKeys(tui.session, Math.floor(keysSent / 5) % 2 === 0 ? 'j' : 'k');
      keysSent++;
      await sleep(keyEvery);
    }
    const changesMade = await sim.stopChurn();
    const seconds = (performance.now() - started) / 1000;
    const podviewEnd = procSample(tui.pid);
    const kubectlEnd = procSample(watch.child.pid!);
    await sleep(1_000); // the last frames and the probe's buffered lines
    await tmux.quit(tui.session);
    const { events, notified, keys } = latencies(probeFile);
    return {
      options,
      changesMade,
      eventToFrame: summary(events),
      notifyToFrame: summary(notified),
      keyToFrame: summary(keys),
      keysSent,
      podview: usage(podviewStart, podviewEnd, seconds),
      kubectl: usage(kubectlStart, kubectlEnd, seconds),
      kubectlLines: watch.lines(),
    };
  } finally {
    watch.child.kill();
    await tmux.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
