// PODVIEW_BENCH_PIN=1 gives the simulated API server a core of its own: the sim on CPU 0 (all
// its threads), podview and kubectl on CPU 1. On a 2-core machine the sim otherwise competes
// with the client it serves, and at 150,000 Pods under churn its own lag (event loop up to
// seconds late, GC) was most of the event-to-frame latency the bench reported for podview.
import { execFileSync } from 'node:child_process';

export const PINNED = process.env.PODVIEW_BENCH_PIN === '1';

/** Moves every thread of the sim's process to CPU 0. */
export function pinSim(pid: number): void {
  if (PINNED) execFileSync('taskset', ['-a', '-cp', '0', String(pid)], { stdio: 'ignore' });
}

/** The command and arguments that run `command` on CPU 1 (as they are when not pinned); taskset execs it, so its pid is the client's. */
export function onClientCore(command: string, args: string[]): [string, string[]] {
  return PINNED ? ['taskset', ['-c', '1', command, ...args]] : [command, args];
}
