// Log throughput: 1,000,000 lines firehosed by the sim on loopback, received with `follow`
// by podview's log stream into its ring buffer (headless, in a child process so its peak
// RSS is its own), beside `kubectl logs -f` writing the same stream to /dev/null.
//   node --import tsx bench/logs.ts [--lines N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import { firehoseLine } from '../src/sim/logs/firehose.ts';
import { keepWasmOnBaseline } from '../src/cli/runtime/wasmTiering.ts';
import { openLogSession } from '../src/cluster/logs.ts';
import { fmt, printTable, ratio, runMeasured, type BenchRow } from './measure.ts';
import { buildLikeProduct } from './productBundle.ts';

const POD = 'firehose';
const CONTAINER = 'app';
const LINE_BYTES = 100;

interface ChildReport {
  received: number;
  lost: number;
  outOfOrder: number;
  /** From the request to the last line (ms), without process start-up. */
  streamMs: number;
}

/** The child: podview's log path, headless. Prints one JSON report on stdout. */
export async function logsChild(kubeconfig: string, count: number): Promise<void> {
  // As `podview logs` does once its target is open (cli/target.ts).
  keepWasmOnBaseline();
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const started = performance.now();
  // As `kubectl podview logs -f` asks (no --timestamps), the same request kubectl makes.
  const session = openLogSession(kc, { namespace: 'default', name: POD, container: CONTAINER, follow: true, timestamps: false });
  let next = 0;
  let outOfOrder = 0;
  const expectedLength = firehoseLine(0, LINE_BYTES).length;
  let lastAt = started;
  const finished = new Promise<void>((resolve) => {
    session.buffer.tap((line) => {
      if (line.notice) return;
      // The number, not the whole expected line: the check must cost less than what it checks.
      if (Number(line.text.slice(14, 23)) !== next || line.text.length !== expectedLength) outOfOrder++;
      next++;
      lastAt = performance.now();
      if (next >= count) resolve();
    });
    void session.done.then(resolve);
  });
  await finished;
  session.close();
  const report: ChildReport = { received: next, lost: count - next, outOfOrder, streamMs: lastAt - started };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

type Sim = Awaited<ReturnType<typeof import('../src/sim/index.ts').startSim>>;

async function withFirehose<T>(sim: Sim, count: number, run: () => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const fed = sim.control.logs.firehose('default', POD, CONTAINER, count, { lineBytes: LINE_BYTES, endStreams: true, signal: stop.signal });
  const result = await run();
  // A reader that died before following must not leave the firehose waiting for it.
  stop.abort();
  await fed;
  // A fresh instance for the next reader: the firehose ended this one.
  sim.control.restartContainer('default', POD, CONTAINER);
  return result;
}

/** The child as one bundled ESM file: neither tsx nor the sim weighs on its start-up or its RSS. */
async function bundleChild(dir: string): Promise<string> {
  const outfile = join(dir, 'logs-child.mjs');
  await buildLikeProduct({
    stdin: {
      contents: `import { logsChild } from './bench/logs.ts';\nawait logsChild(process.argv[2], Number(process.argv[3]));\n`,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    outfile,
    external: ['esbuild', '../src/sim/index.ts'],
  });
  return outfile;
}

export async function benchLogs(options: { lines?: number } = {}): Promise<BenchRow[]> {
  const count = options.lines ?? 1_000_000;
  // Loaded here, not at the top, so the bundled child does not carry the sim.
  const { emptyScenario, startSim } = await import('../src/sim/index.ts');
  const scenario = emptyScenario();
  const now = new Date();
  scenario.objects.pods.push({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: POD, namespace: 'default', uid: 'firehose-uid' },
    spec: { containers: [{ name: CONTAINER, image: 'busybox' }] },
    status: { phase: 'Running', containerStatuses: [{ name: CONTAINER, image: 'busybox', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: now } } }] },
  });
  const sim = await startSim({ scenario, metrics: false });
  const dir = mkdtempSync(join(tmpdir(), 'podview-bench-logs-'));
  const kubeconfig = join(dir, 'kubeconfig');
  sim.writeKubeconfig(kubeconfig);
  try {
    const childFile = await bundleChild(dir);
    const podview = await withFirehose(sim, count, () => runMeasured(process.execPath, [childFile, kubeconfig, String(count)], { keepStdout: true }));
    const last = podview.stdout.trim().split('\n').at(-1) ?? '';
    if (!last.startsWith('{')) throw new Error(`podview's log child failed (exit ${podview.exitCode}): ${podview.stderr.trim().split('\n').slice(-5).join(' | ')}`);
    const report = JSON.parse(last) as ChildReport;
    const kubectl = await withFirehose(sim, count, () => runMeasured('kubectl', ['--kubeconfig', kubeconfig, 'logs', '-f', POD, '-c', CONTAINER]));
    const podviewRate = report.received / (report.streamMs / 1000);
    const podviewWallRate = report.received / (podview.wallMs / 1000);
    const kubectlRate = kubectl.exitCode === 0 ? count / (kubectl.wallMs / 1000) : Number.NaN;
    const bench = `logs ${count.toLocaleString('en-US')} lines -f`;
    const met = (ok: boolean): 'yes' | 'no' => (ok ? 'yes' : 'no');
    return [
      {
        bench,
        metric: 'lines/s (stream)',
        podview: fmt(podviewRate, 0),
        peer: fmt(kubectlRate, 0),
        ratio: ratio(podviewRate, kubectlRate),
        target: '>= peer',
        met: met(podviewRate >= kubectlRate),
        note: 'higher is better; podview from request to last line in its buffer, kubectl whole run to /dev/null',
      },
      { bench, metric: 'lines/s (whole process)', podview: fmt(podviewWallRate, 0), peer: fmt(kubectlRate, 0), ratio: ratio(podviewWallRate, kubectlRate), note: 'both including process start-up' },
      { bench, metric: 'wall ms', podview: fmt(podview.wallMs, 0), peer: fmt(kubectl.wallMs, 0), ratio: ratio(podview.wallMs, kubectl.wallMs), note: 'lower is better' },
      {
        bench,
        metric: 'peak RSS MB',
        podview: fmt(podview.peakRssMb),
        peer: fmt(kubectl.peakRssMb),
        ratio: ratio(podview.peakRssMb, kubectl.peakRssMb),
        target: '< 150',
        met: met(podview.peakRssMb < 150),
        note: 'podview includes loading @kubernetes/client-node',
      },
      {
        bench,
        metric: 'lost lines',
        podview: String(report.lost),
        peer: kubectl.exitCode === 0 ? 'n/a' : `exit ${kubectl.exitCode}`,
        ratio: '',
        target: '0',
        met: met(report.lost === 0 && report.outOfOrder === 0),
        note: `out of order: ${report.outOfOrder}; the ring buffer keeps 10,000 lines and counts the rest as evicted`,
      },
    ];
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone (not imported by bench/run.ts, and not as the bundled child, whose URL is its own file).
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && import.meta.url.endsWith('/bench/logs.ts');
if (isMain) {
  const { values } = parseArgs({ options: { lines: { type: 'string' } } });
  printTable(await benchLogs({ lines: values.lines ? Number(values.lines) : undefined }));
}
