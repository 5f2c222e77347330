// Logs across Pods: a Deployment of 50 Pods × 3 containers, each container writing a fixed
// number of numbered lines a second, followed for 30 s by `podview logs deploy/NAME -f` and,
// on a fresh sim, by `kubectl logs -l app=NAME -f --all-containers --prefix
// --max-log-requests 150`. The bench writes every line itself (SimControl.logs.emit), so
// it knows exactly what each client should have printed and counts what it lost.
//   node --import tsx bench/logsFanout.ts [--pods 50] [--rate 20] [--seconds 30]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BIN } from './firstFrame.ts';
import { type BenchRow, fmt, printTable, procSample, ratio } from './measure.ts';

const NAME = 'fanout';
const CONTAINERS = ['app', 'sidecar', 'proxy'];

export interface FanoutOptions {
  pods?: number;
  /** Lines per second per container. */
  rate?: number;
  seconds?: number;
}

interface SideResult {
  written: number;
  received: number;
  duplicates: number;
  cpuSec: number;
  peakRssMb: number;
  /** From the first write to the drain. */
  seconds: number;
  /** Lines printed by the end of the writing window, over that window: the rate it kept up with. */
  windowRate: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One client against a fresh sim: attach, write for `seconds`, let it drain, count. */
async function followWith(command: (kubeconfig: string) => [string, string[]], options: Required<FanoutOptions>): Promise<SideResult> {
  const { startSim } = await import('../src/sim/index.ts');
  const { fanoutScenario } = await import('../src/sim/scenario/fanout.ts');
  const sim = await startSim({ scenario: fanoutScenario({ name: NAME, replicas: options.pods, containers: CONTAINERS, nowMs: Date.now() }), metrics: false });
  const dir = mkdtempSync(join(tmpdir(), 'podview-bench-fanout-'));
  const kubeconfig = join(dir, 'kubeconfig');
  sim.writeKubeconfig(kubeconfig, { namespace: 'default' });
  let child: ChildProcess | undefined;
  try {
    const pods = sim.control.list<{ metadata: { name: string } }>('pods', 'default').map((p) => p.metadata.name);
    const [file, args] = command(kubeconfig);
    child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const seen = new Set<string>();
    let duplicates = 0;
    let partial = '';
    let errors = '';
    child.stderr?.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-2000)));
    child.stdout?.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        // Both print a prefix before the line; the line's own id is what counts.
        const at = line.indexOf('fanout-line ');
        if (at === -1) continue;
        const id = line.slice(at + 12, line.indexOf(' ', at + 12));
        if (seen.has(id)) duplicates++;
        else seen.add(id);
      }
    });
    const streams = options.pods * CONTAINERS.length;
    const attachBy = Date.now() + 60_000;
    while (sim.control.logs.followers('default') < streams) {
      if (Date.now() > attachBy || child.exitCode !== null)
        throw new Error(`the client followed ${sim.control.logs.followers('default')} of ${streams} streams: ${errors.trim().split('\n').slice(-3).join(' | ')}`);
      await sleep(50);
    }
    const pid = child.pid ?? 0;
    const cpuStart = procSample(pid)?.cpuSec ?? 0;
    const started = performance.now();
    let written = 0;
    const pad = 'x'.repeat(40);
    // Every 100 ms each container writes its share; the tick count decides how many, so a late
    // tick catches up instead of lowering the rate.
    for (let tick = 1; tick <= options.seconds * 10; tick++) {
      const due = Math.round((tick * options.rate) / 10) - Math.round(((tick - 1) * options.rate) / 10);
      for (const pod of pods) {
        for (const container of CONTAINERS) {
          const lines: string[] = [];
          for (let i = 0; i < due; i++) lines.push(`fanout-line ${pod}/${container}/${written++} ${pad}`);
          sim.control.logs.emit('default', pod, container, lines);
        }
      }
      const wait = started + tick * 100 - performance.now();
      if (wait > 0) await sleep(wait);
    }
    const windowRate = seen.size / ((performance.now() - started) / 1000);
    // Let the client print what it has: done when nothing new came for 2 s (at most 20 s).
    let last = -1;
    for (let waited = 0; waited < 20_000 && last !== seen.size; waited += 2000) {
      last = seen.size;
      await sleep(2000);
    }
    const seconds = (performance.now() - started) / 1000;
    const end = procSample(pid);
    return { written, received: seen.size, duplicates, cpuSec: (end?.cpuSec ?? Number.NaN) - cpuStart, peakRssMb: end?.hwmMb ?? Number.NaN, seconds, windowRate };
  } finally {
    child?.kill('SIGTERM');
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchLogsFanout(options: FanoutOptions = {}): Promise<BenchRow[]> {
  const o: Required<FanoutOptions> = { pods: options.pods ?? 50, rate: options.rate ?? 20, seconds: options.seconds ?? 30 };
  const podview = await followWith((k) => [process.execPath, [BIN, 'logs', `deploy/${NAME}`, '-f', '--max-pods', String(o.pods), '--kubeconfig', k]], o);
  const kubectl = await followWith(
    (k) => ['kubectl', ['--kubeconfig', k, 'logs', '-l', `app=${NAME}`, '-f', '--all-containers', '--prefix', '--max-log-requests', String(o.pods * CONTAINERS.length)]],
    o,
  );
  const bench = `logs deploy/ ${o.pods}×${CONTAINERS.length} at ${o.rate}/s each, ${o.seconds} s`;
  const rate = (s: SideResult) => s.windowRate;
  const lost = (s: SideResult) => s.written - s.received;
  const met = (ok: boolean): 'yes' | 'no' => (ok ? 'yes' : 'no');
  return [
    {
      bench,
      metric: 'lines/s',
      podview: fmt(rate(podview), 0),
      peer: fmt(rate(kubectl), 0),
      ratio: ratio(rate(podview), rate(kubectl)),
      target: '>= peer',
      met: met(rate(podview) >= rate(kubectl) * 0.99),
      note: `offered ${o.pods * CONTAINERS.length * o.rate}/s; lines printed while the bench wrote, per second of writing; this sim runs in the bench process`,
    },
    {
      bench,
      metric: 'lines lost',
      podview: String(lost(podview)),
      peer: String(lost(kubectl)),
      ratio: '',
      target: '0',
      met: met(lost(podview) === 0),
      note: `of ${podview.written} and ${kubectl.written} written; duplicates ${podview.duplicates} and ${kubectl.duplicates}`,
    },
    {
      bench,
      metric: 'peak RSS MB',
      podview: fmt(podview.peakRssMb),
      peer: fmt(kubectl.peakRssMb),
      ratio: ratio(podview.peakRssMb, kubectl.peakRssMb),
      target: '< 150',
      met: met(podview.peakRssMb < 150),
    },
    {
      bench,
      metric: 'CPU s/s',
      podview: fmt(podview.cpuSec / podview.seconds, 2),
      peer: fmt(kubectl.cpuSec / kubectl.seconds, 2),
      ratio: ratio(podview.cpuSec, kubectl.cpuSec),
      note: 'user+system of the client while following; lower is better',
    },
  ];
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { values } = parseArgs({ options: { pods: { type: 'string' }, rate: { type: 'string' }, seconds: { type: 'string' } } });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  printTable(await benchLogsFanout({ pods: num(values.pods), rate: num(values.rate), seconds: num(values.seconds) }));
  process.exit(0);
}
