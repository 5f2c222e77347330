// Benchmark 2 of the scale issue: the TUI started in a real terminal (tmux) until its status
// bar shows every Pod ("N pods", see src/ui/StatusBar.tsx), against `kubectl get pods -A`
// printing its table in the same kind of terminal until it exits. Both clocks start just
// before tmux is asked to start the program, so tmux's own start-up is in both figures.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAME_FLOORS_MAX_PODS, FrameFloors, type FrameFloorsMs } from './firstFrameFloors.ts';
import { median, procSample } from './measure.ts';
import { onClientCore } from './pin.ts';
import { describeKill, watchRss } from './rssCap.ts';
import { fullCount, POLL_MS, shq, sleep, Tmux, waitForScreen } from './tmux.ts';

/** PODVIEW_BENCH_BIN measures another build of the launcher (e.g. a branch checked out elsewhere). */
export const BIN = process.env.PODVIEW_BENCH_BIN ?? fileURLToPath(new URL('../bin/kubectl-podview', import.meta.url));

export interface FrameRun {
  ms: number;
  /** RSS when the full count was first on screen, and the peak until then (MB). */
  rssMb: number;
  peakRssMb: number;
}

export interface FirstFrameResult {
  pods: number;
  runs: number;
  podview: FrameRun;
  kubectl: FrameRun;
  /** Medians of the floors (bench/firstFrameFloors.ts), at a small cluster (FRAME_FLOORS_MAX_PODS). */
  floors?: FrameFloorsMs;
}

/** The command line that starts the TUI (used by the churn benchmark too). */
export function podviewCommand(kubeconfig: string): string {
  const [command, args] = onClientCore(process.execPath, [BIN, '-A', '--kubeconfig', kubeconfig]);
  return `exec ${[command, ...args].map(shq).join(' ')}`;
}

async function podviewOnce(tmux: Tmux, kubeconfig: string, pods: number, env: Record<string, string> = {}): Promise<FrameRun & { session: string; pid: number }> {
  const startedAt = performance.now();
  const { session, pid } = await tmux.start(podviewCommand(kubeconfig), env);
  let peak = 0;
  const pattern = fullCount(pods);
  const ms = await waitForScreen(
    tmux,
    session,
    startedAt,
    (screen) => {
      peak = Math.max(peak, procSample(pid)?.hwmMb ?? 0);
      return pattern.test(screen);
    },
    Math.max(60_000, pods),
  );
  const sample = procSample(pid);
  return { ms, rssMb: sample?.rssMb ?? Number.NaN, peakRssMb: Math.max(peak, sample?.hwmMb ?? 0), session, pid };
}

/** Starts the TUI, waits for the full count on screen and leaves it running (for churn). */
export async function startTuiShowing(tmux: Tmux, kubeconfig: string, pods: number, env: Record<string, string> = {}) {
  return podviewOnce(tmux, kubeconfig, pods, env);
}

async function kubectlOnce(tmux: Tmux, kubeconfig: string, dir: string, run: number): Promise<FrameRun> {
  const done = join(dir, `done-${run}`);
  const rss = join(dir, `rss-${run}`);
  // GNU time reports kubectl's peak RSS; `date` stamps the moment the table is complete.
  const command = `/usr/bin/time -f %M -o ${shq(rss)} kubectl get pods -A --kubeconfig ${shq(kubeconfig)}; date +%s%N > ${shq(done)}; sleep 1`;
  const startedEpochMs = performance.timeOrigin + performance.now();
  const { session, pid } = await tmux.start(command);
  const cap = watchRss(pid);
  try {
    return await kubectlDone(tmux, session, done, rss, startedEpochMs, cap);
  } finally {
    cap.stop();
  }
}

async function kubectlDone(tmux: Tmux, session: string, done: string, rss: string, startedEpochMs: number, cap: ReturnType<typeof watchRss>): Promise<FrameRun> {
  const until = Date.now() + 600_000;
  for (;;) {
    const killed = cap.killed();
    if (killed) {
      await tmux.quit(session, 'C-c', 5_000);
      throw new Error(`kubectl get pods -A was ${describeKill(killed)}`);
    }
    const text = (() => {
      try {
        return readFileSync(done, 'utf8').trim();
      } catch {
        return '';
      }
    })();
    if (text) {
      const ms = Number(text) / 1e6 - startedEpochMs;
      const kb = Number(readFileSync(rss, 'utf8').trim().split('\n').at(-1));
      await tmux.quit(session, 'C-c', 5_000);
      return { ms, rssMb: kb / 1024, peakRssMb: kb / 1024 };
    }
    if (Date.now() > until) throw new Error('kubectl get pods -A never finished');
    await sleep(POLL_MS);
  }
}

export async function benchFirstFrame(kubeconfig: string, pods: number, runs: number): Promise<FirstFrameResult> {
  const tmux = new Tmux();
  const dir = mkdtempSync(join(tmpdir(), 'podview-frame-'));
  const podview: FrameRun[] = [];
  const kubectl: FrameRun[] = [];
  const floorRuns: FrameFloorsMs[] = [];
  const floors = pods <= FRAME_FLOORS_MAX_PODS ? await FrameFloors.build(kubeconfig) : undefined;
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate them so none always runs on a warmer machine.
      const p = await podviewOnce(tmux, kubeconfig, pods);
      await tmux.quit(p.session);
      podview.push(p);
      kubectl.push(await kubectlOnce(tmux, kubeconfig, dir, i));
      if (floors) floorRuns.push(await floors.once(tmux, pods));
    }
  } finally {
    await tmux.close();
    floors?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = (r: FrameRun[]): FrameRun => ({ ms: median(r.map((x) => x.ms)), rssMb: median(r.map((x) => x.rssMb)), peakRssMb: Math.max(...r.map((x) => x.peakRssMb)) });
  const floorMedians = (r: FrameFloorsMs[]): FrameFloorsMs => ({ node: median(r.map((x) => x.node)), pods: median(r.map((x) => x.pods)), table: median(r.map((x) => x.table)) });
  return { pods, runs, podview: summary(podview), kubectl: summary(kubectl), ...(floors ? { floors: floorMedians(floorRuns) } : {}) };
}
