// A memory ceiling for the peers the benchmarks run. At 100,000 Pods `kubectl get pods -A -o json`
// holds 17 GB; at 150,000 it would need more than this 23 GB machine has, and the kernel's OOM
// killer might pick any process on a machine other work shares. So every kubectl the bench starts
// is watched: once one process under it holds more than the cap, it is killed, and the bench
// reports that as the peer's figure (killed at N GB after T s) instead of a time.
import { readdirSync, readFileSync } from 'node:fs';

/** PODVIEW_BENCH_PEER_CAP_MB raises or lowers the ceiling (default 12 GB). */
export const PEER_CAP_MB = Number(process.env.PODVIEW_BENCH_PEER_CAP_MB ?? 12_288);
const EVERY_MS = 100;

export interface CapKill {
  /** RSS of the killed process when the watchdog saw it over the cap (MB). */
  rssMb: number;
  /** Since the watch began (ms). */
  afterMs: number;
  command: string;
}

function rssMbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0; // gone, or a zombie without memory
  }
}

/** The process and every descendant, from /proc/PID/task/TID/children. */
function processTree(root: number): number[] {
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    const pid = tree[i]!;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(' ').map(Number));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return tree;
}

const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 6).join(' ');
  } catch {
    return `pid ${pid}`;
  }
};

/** Watches `root` and its descendants until stop(); kills the first one over `capMb`. */
export function watchRss(root: number, capMb = PEER_CAP_MB) {
  const startedAt = performance.now();
  let kill: CapKill | undefined;
  const timer = setInterval(() => {
    if (kill) return;
    for (const pid of processTree(root)) {
      const rssMb = rssMbOf(pid);
      if (rssMb <= capMb) continue;
      kill = { rssMb, afterMs: performance.now() - startedAt, command: commandOf(pid) };
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // it ended on its own just now
      }
      process.stderr.write(`bench: killed ${kill.command} at ${(rssMb / 1024).toFixed(1)} GB RSS after ${(kill.afterMs / 1000).toFixed(0)} s (cap ${capMb} MB)\n`);
      return;
    }
  }, EVERY_MS);
  timer.unref();
  return {
    /** What was killed, if anything. */
    killed: () => kill,
    stop(): CapKill | undefined {
      clearInterval(timer);
      return kill;
    },
  };
}

/** "killed at 12.1 GB after 143 s", for a table cell. */
export const describeKill = (k: CapKill) => `killed at ${(k.rssMb / 1024).toFixed(1)} GB after ${(k.afterMs / 1000).toFixed(0)} s`;
