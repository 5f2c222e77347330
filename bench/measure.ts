// Shared measuring tools for the benchmarks: run a command, time it, and read its peak RSS.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { type CapKill, watchRss } from './rssCap.ts';

export interface RunResult {
  wallMs: number;
  /** Peak resident set size in MB, from GNU time when present, else sampled from /proc. */
  peakRssMb: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Set when the process (or one under it) went over `capMb` and was killed for it. */
  capKill?: CapKill;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command to completion, stdout discarded unless keepStdout, and reports time and peak RSS. */
export function runMeasured(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; keepStdout?: boolean; stdin?: string; capMb?: number } = {}): Promise<RunResult> {
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '__PEAK_KB__%M', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { env: options.env ?? process.env, stdio: ['pipe', options.keepStdout ? 'pipe' : 'ignore', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sampledKb = 0;
    const cap = options.capMb === undefined || child.pid === undefined ? undefined : watchRss(child.pid, options.capMb);
    const sampler = useTime
      ? undefined
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
            sampledKb = Math.max(sampledKb, kb);
          } catch {
            // the process has just exited
          }
        }, 10);
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin?.end(options.stdin ?? '');
    child.on('error', reject);
    child.on('close', (code) => {
      if (sampler) clearInterval(sampler);
      const capKill = cap?.stop();
      const wallMs = performance.now() - started;
      const match = /__PEAK_KB__(\d+)\s*$/.exec(stderr);
      const peakKb = match ? Number(match[1]) : sampledKb;
      if (match) stderr = stderr.slice(0, match.index);
      resolve({ wallMs, peakRssMb: peakKb / 1024, exitCode: code ?? -1, stdout, stderr, ...(capKill ? { capKill } : {}) });
    });
  });
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** CPU time (user+system) and memory of a running process, from /proc; undefined once it is gone. */
export interface ProcSample {
  cpuSec: number;
  rssMb: number;
  /** Peak RSS so far (VmHWM). */
  hwmMb: number;
}

const CLOCK_TICKS = 100; // USER_HZ: 100 on every Linux that node supports

export function procSample(pid: number): ProcSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSec = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return { cpuSec, rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

export interface BenchRow {
  bench: string;
  metric: string;
  podview: string;
  peer: string;
  /** podview / peer for costs (lower is better); for growth rows, the factor per 10x Pods. */
  ratio: string;
  /** The target for this figure, if it sets one. */
  target?: string;
  met?: 'yes' | 'no' | 'n/a';
  note?: string;
}

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n >= 100 ? n.toFixed(0) : n.toFixed(digits);
}

export function ratio(podview: number, peer: number): string {
  if (!Number.isFinite(podview) || !Number.isFinite(peer) || peer === 0) return 'n/a';
  return `${(podview / peer).toFixed(2)}x`;
}

export function met(ok: boolean | undefined): 'yes' | 'no' | 'n/a' {
  return ok === undefined ? 'n/a' : ok ? 'yes' : 'no';
}

/** One Markdown table (aligned, so it reads in a terminal too), ready to paste into the README. */
export function formatTable(rows: BenchRow[]): string {
  const headers: (keyof BenchRow)[] = ['bench', 'metric', 'podview', 'peer', 'ratio', 'target', 'met', 'note'];
  const cells = rows.map((r) => headers.map((h) => String(r[h] ?? '').replaceAll('|', '\\|')));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers as string[]), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function printTable(rows: BenchRow[]): void {
  console.log(formatTable(rows));
}
