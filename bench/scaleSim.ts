// Starts the simulated API server with N Pods for a benchmark and writes its kubeconfig,
// either in this process (startScaleSim) or in a child process of its own (startSimProcess).
import { fork } from 'node:child_process';
import { pinSim } from './pin.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSim, type SimServer } from '../src/sim/index.ts';
import { scaleScenario } from '../src/sim/scenario/scale.ts';

export interface ScaleSim {
  sim: SimServer;
  kubeconfig: string;
  close(): Promise<void>;
}

export async function startScaleSim(pods: number): Promise<ScaleSim> {
  const namespaces = Math.max(1, Math.min(1000, Math.round(pods / 100)));
  const sim = await startSim({ scenario: scaleScenario({ pods, namespaces, seed: 42, nowMs: Date.now() }), metrics: true });
  // Serving starts at once, but figures are taken only once the sim is done encoding its Pods.
  await sim.settled;
  const dir = mkdtempSync(join(tmpdir(), 'podview-bench-'));
  const kubeconfig = join(dir, 'kubeconfig');
  sim.writeKubeconfig(kubeconfig);
  return {
    sim,
    kubeconfig,
    async close() {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ChurnStopped {
  made: number;
  /** Pods in the sim once churn stopped: creations and deletions leave it near, not at, where it began. */
  pods: number;
  /** The sim's own event-loop delay while it churned (ms). */
  loopDelayMs: { p99: number; max: number };
}

export interface SimProcess {
  kubeconfig: string;
  pid: number;
  /** Starts the sim's churn generator at `rate` changes per second. */
  churn(rate: number, seed?: number): Promise<void>;
  /** Stops it; resolves with the number of changes made. */
  stopChurn(): Promise<ChurnStopped>;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./simChild.ts', import.meta.url));

export async function startSimProcess(pods: number): Promise<SimProcess> {
  // Warnings from the sim (e.g. listener counts) would only clutter the bench's stderr.
  // PODVIEW_SIM_NODE_OPTIONS (e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof' or '--trace-gc') looks
  // inside the sim while it serves; its stdout then goes to the bench's stderr, as --trace-gc prints there.
  const extra = process.env.PODVIEW_SIM_NODE_OPTIONS?.split(/\s+/).filter(Boolean) ?? [];
  const child = fork(CHILD, [String(pods)], { execArgv: ['--import', 'tsx', '--no-warnings', ...extra], stdio: ['ignore', extra.length ? 2 : 'ignore', 'inherit', 'ipc'] });
  const reply = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (key in m) {
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(m[key] as T);
        }
      };
      const onExit = (code: number | null) => reject(new Error(`the sim process exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  pinSim(child.pid!);
  const kubeconfig = await reply<string>('kubeconfig');
  return {
    kubeconfig,
    pid: child.pid!,
    async churn(rate, seed) {
      const started = reply('churning');
      child.send({ churn: rate, seed });
      await started;
    },
    async stopChurn() {
      const changes = reply<ChurnStopped>('changes');
      child.send({ stopChurn: true });
      return changes;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ close: true });
      await exited;
    },
  };
}
