// `npm run bench`: every benchmark of the scale issue in turn, then ONE table on stdout in
// which each podview figure stands beside its peer from the same run (usually kubectl).
//   --quick                 1k and 10k Pods only, churn on 10k for 15 s
//   --big                   150k Pods (Kubernetes' supported maximum) only: snapshot, first frame,
//                           one Pod and churn, one run each, no logs or exec (about 25 minutes)
//   --sizes 1000,10000      snapshot and first-frame sizes (default 1000,10000,100000)
//   --runs N                runs per figure (default 3; 2 at 100k, 1 at 150k and above)
//   --churn-pods N --churn-rate N --churn-seconds N   (default 100000, 1000, 60; 0 seconds skips)
//   --churn-warmup N        seconds of churn before its clock starts (default 30; 10 with --quick)
//   --churn-only            the churn benchmark alone (a long one: --churn-seconds 300)
//   --one-pod-only          the one-Pod benchmark alone (podview POD vs kubectl describe), at --sizes
//   --logs-fanout-only      logs across Pods alone (podview logs deploy/NAME -f vs kubectl logs -l -f)
//   PODVIEW_BENCH_BIN=/path/to/bin/kubectl-podview    measures another build
//   PODVIEW_BENCH_PIN=1     the sim on CPU 0, podview and kubectl on CPU 1 (bench/pin.ts)
// Progress goes to stderr, so `npm run bench > table.md` keeps only the table.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchChurn, DEFAULT_WARMUP_SECONDS } from './churn.ts';
import { benchFirstFrame, type FirstFrameResult } from './firstFrame.ts';
import { type BenchRow, formatTable, printTable } from './measure.ts';
import { benchOnePod, type OnePodResult } from './onePod.ts';
import { churnRows, execRows, firstFrameRows, growthRows, onePodRows, snapshotRows } from './rows.ts';
import { PINNED } from './pin.ts';
import { startSimProcess } from './scaleSim.ts';
import { benchSnapshot, type SnapshotResult } from './snapshot.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    big: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'churn-pods': { type: 'string' },
    'churn-rate': { type: 'string' },
    'churn-seconds': { type: 'string' },
    'churn-warmup': { type: 'string' },
    'churn-only': { type: 'boolean', default: false },
    'one-pod-only': { type: 'boolean', default: false },
    'logs-fanout-only': { type: 'boolean', default: false },
  },
});

const numbers = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
const fanoutOnly = values['logs-fanout-only'];
const churnOnly = values['churn-only'] || fanoutOnly;
const onePodOnly = values['one-pod-only'];
const sizes = churnOnly ? [] : numbers(values.sizes).length ? numbers(values.sizes) : values.quick ? [1_000, 10_000] : values.big ? [150_000] : [1_000, 10_000, 100_000];
const runsFor = (pods: number) => Number(values.runs ?? (pods >= 150_000 ? 1 : pods >= 100_000 ? 2 : 3));
const churnPods = Number(values['churn-pods'] ?? (values.quick ? 10_000 : values.big ? 150_000 : 100_000));
const churnRate = Number(values['churn-rate'] ?? 1_000);
const churnSeconds = onePodOnly || fanoutOnly ? 0 : Number(values['churn-seconds'] ?? (values.quick ? 15 : 60));
const churnWarmup = Number(values['churn-warmup'] ?? (values.quick ? 10 : DEFAULT_WARMUP_SECONDS));

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)}s`;

for (const tool of ['kubectl', 'tmux']) {
  if (!process.env.PATH?.split(':').some((dir) => existsSync(`${dir}/${tool}`))) {
    console.error(`bench: ${tool} is not on PATH; every figure needs it`);
    process.exit(1);
  }
}

const snapshots: SnapshotResult[] = [];
const frames: FirstFrameResult[] = [];
const onePods: OnePodResult[] = [];
const extraRows: BenchRow[] = [];
const notes: string[] = [];

for (const pods of sizes) {
  progress(`${elapsed()} starting the sim with ${pods} Pods`);
  const cluster = await startSimProcess(pods);
  try {
    if (!onePodOnly) {
      progress(`${elapsed()} snapshot at ${pods}`);
      snapshots.push(await benchSnapshot(cluster.kubeconfig, pods, runsFor(pods)));
      progress(`${elapsed()} first frame at ${pods}`);
      frames.push(await benchFirstFrame(cluster.kubeconfig, pods, runsFor(pods)));
    }
    progress(`${elapsed()} one pod at ${pods}`);
    onePods.push(await benchOnePod(cluster.kubeconfig, pods, Math.max(5, runsFor(pods))));
  } finally {
    await cluster.close();
  }
}

if (churnSeconds > 0) {
  progress(`${elapsed()} churn: ${churnPods} Pods, ${churnRate} changes/s for ${churnSeconds}s`);
  const cluster = await startSimProcess(churnPods);
  try {
    extraRows.push(...churnRows(await benchChurn(cluster, cluster.kubeconfig, { pods: churnPods, changesPerSecond: churnRate, seconds: churnSeconds, warmupSeconds: churnWarmup })));
  } finally {
    await cluster.close();
  }
}

// A checkpoint on stderr: should a later benchmark hang, these figures are not lost.
progress(`${elapsed()} own benchmarks done; so far:`);
process.stderr.write(`${formatTable([...snapshotRows(snapshots), ...firstFrameRows(frames), ...onePodRows(onePods), ...extraRows])}\n`);

// Log and exec benchmarks live in their own files, written by their own engineers.
// --quick asks them for less: benchLogs({ lines }) and benchExec(count).
const quickArgs: Record<string, unknown[]> = { benchLogs: [{ lines: 100_000 }], benchExec: [200], benchLogsFanout: [{ seconds: 10 }] };
const others = [
  ['./logs.ts', 'benchLogs'],
  ['./exec.ts', 'benchExec'],
  ['./logsFanout.ts', 'benchLogsFanout'],
] as const;
for (const [file, name] of fanoutOnly ? others.slice(2) : churnOnly || onePodOnly || values.big ? [] : others) {
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
    notes.push(`${name}: bench/${file.slice(2)} is absent, skipped`);
    continue;
  }
  progress(`${elapsed()} ${name}`);
  try {
    const mod = (await import(file)) as Record<string, unknown>;
    const fn = mod[name];
    if (typeof fn !== 'function') {
      notes.push(`${name}: bench/${file.slice(2)} does not export ${name}(), skipped`);
      continue;
    }
    const limitMs = (values.quick ? 5 : 15) * 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${limitMs / 60_000} minutes`)), limitMs)));
    const result = await Promise.race([(fn as (...args: unknown[]) => Promise<unknown>)(...(values.quick ? (quickArgs[name] ?? []) : [])), timeout]).finally(() => clearTimeout(timer));
    if (Array.isArray(result)) extraRows.push(...(result as BenchRow[]));
    else if (result && typeof result === 'object' && 'podview' in result) extraRows.push(...execRows(result as Parameters<typeof execRows>[0]));
    else notes.push(`${name} returned nothing the table can show`);
  } catch (err) {
    notes.push(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

progress(`${elapsed()} done`);
printTable([...snapshotRows(snapshots), ...firstFrameRows(frames), ...onePodRows(onePods), ...extraRows, ...growthRows(snapshots, frames)]);
console.log('');
console.log(
  `Machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}, kubectl from PATH. ${PINNED ? 'The sim runs on CPU 0, podview and kubectl on CPU 1 (PODVIEW_BENCH_PIN=1)' : 'Sim, podview and kubectl share the machine'}; the sim runs in a child process of the bench.`,
);
for (const note of notes) console.log(`Note: ${note}`);
// A benchmark that timed out may still hold sockets or timers open.
process.exit(0);
