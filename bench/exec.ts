// Keystroke round trip through an exec session: write one byte to a remote `cat`, time until
// it comes back, 1,000 times; podview's exec path (client-node Exec over WebSocket) beside
// `kubectl exec -i` on the same sim. Runnable alone: `node --import tsx bench/exec.ts`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { KubeConfig, type V1PodList } from '@kubernetes/client-node';
import { startSim } from '../src/sim/index.ts';
import { demoScenario } from '../src/sim/scenario/demo.ts';
import { openExec } from '../src/cluster/execSocket.ts';
import { getJson } from '../src/cluster/request.ts';
import { median, percentile } from './measure.ts';

export interface ExecBenchResult {
  roundTrips: number;
  podview: { medianMs: number; p99Ms: number };
  kubectl?: { medianMs: number; p99Ms: number };
  /** podview median / kubectl median: below 1 means podview is faster. */
  ratio?: number;
}

/** Sends one byte, waits for it to come back, and repeats; returns each round trip in ms. */
async function roundTrips(count: number, write: (byte: Buffer) => void, echoes: { on(event: 'data', cb: (d: Buffer) => void): unknown }): Promise<number[]> {
  const times: number[] = [];
  let pending: (() => void) | undefined;
  echoes.on('data', () => pending?.());
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await new Promise<void>((resolve) => {
      pending = resolve;
      write(Buffer.from([0x61 + (i % 26)]));
    });
    times.push(performance.now() - started);
  }
  return times;
}

async function podviewPath(kubeConfig: KubeConfig, pod: string, container: string, count: number): Promise<number[]> {
  const stdin = new PassThrough();
  const echoes = new PassThrough();
  const stdout = new Writable({
    write: (chunk: Buffer, _e, done) => {
      echoes.write(chunk);
      done();
    },
  });
  const { socket, ended } = await openExec(kubeConfig, { namespace: 'shop', pod, container }, ['cat'], { stdin, stdout, stderr: null, tty: false });
  await roundTrips(5, (b) => stdin.write(b), echoes); // warm up
  const times = await roundTrips(count, (b) => stdin.write(b), echoes);
  stdin.end();
  await Promise.race([ended, new Promise((r) => setTimeout(r, 2000))]);
  socket.close();
  return times;
}

async function kubectlPath(kubeconfig: string, pod: string, container: string, count: number): Promise<number[]> {
  const child = spawn('kubectl', ['--kubeconfig', kubeconfig, '-n', 'shop', 'exec', '-i', pod, '-c', container, '--', 'cat'], { stdio: ['pipe', 'pipe', 'ignore'] });
  await roundTrips(5, (b) => child.stdin.write(b), child.stdout);
  const times = await roundTrips(count, (b) => child.stdin.write(b), child.stdout);
  child.stdin.end();
  await new Promise((r) => child.once('exit', r));
  return times;
}

const summary = (times: number[]) => ({ medianMs: median(times), p99Ms: percentile(times, 99) });

export async function benchExec(count = 1000): Promise<ExecBenchResult> {
  const sim = await startSim({ scenario: demoScenario(Date.now()) });
  const dir = mkdtempSync(join(tmpdir(), 'podview-bench-exec-'));
  try {
    const kubeconfig = join(dir, 'kubeconfig');
    sim.writeKubeconfig(kubeconfig);
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(kubeconfig);
    const pods = await getJson<V1PodList>(kubeConfig, '/api/v1/namespaces/shop/pods', { labelSelector: 'app=user-msvc' });
    const pod = pods.items[0]?.metadata?.name;
    if (!pod) throw new Error('the demo scenario has no user-msvc Pod');
    const container = 'user-msvc';
    const podview = summary(await podviewPath(kubeConfig, pod, container, count));
    // No kubectl on this machine: podview's figures alone.
    const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
    const kubectl = hasKubectl ? summary(await kubectlPath(kubeconfig, pod, container, count)) : undefined;
    return { roundTrips: count, podview, kubectl, ratio: kubectl ? podview.medianMs / kubectl.medianMs : undefined };
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchExec();
  const f = (n: number) => `${n.toFixed(3)} ms`;
  console.log(`exec keystroke round trip, ${r.roundTrips} round trips`);
  console.log(`  podview  median ${f(r.podview.medianMs)}  p99 ${f(r.podview.p99Ms)}`);
  if (r.kubectl) console.log(`  kubectl  median ${f(r.kubectl.medianMs)}  p99 ${f(r.kubectl.p99Ms)}  ratio ${r.ratio!.toFixed(2)}`);
  else console.log('  kubectl  not found on PATH');
}
