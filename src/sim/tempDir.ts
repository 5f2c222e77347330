// The sim's temporary directories (container roots, volumes, the kubeconfig of `podview sim`),
// named podview-sim-<pid>-* so that whatever way the process ends they do not stay behind:
// removed on exit (normal or after an uncaught exception), on SIGINT/SIGTERM/SIGHUP when no one
// else handles the signal, and, for a process that could run no code (kill -9), swept by the
// next sim that starts once that pid is gone.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'podview-sim-';
const OWNED = /^podview-sim-(\d+)-/;
const live = new Set<string>();
let installed = false;

function removeAll(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

/** How many of a signal's listeners belong to signal-exit (Ink's), which kills only when alone. */
function signalExitListeners(): number {
  const holder = process as unknown as Record<string | symbol, { count?: number } | undefined>;
  return (holder[Symbol.for('signal-exit emitter')]?.count ?? 0) + (holder.__signal_exit_emitter__?.count ?? 0);
}

/**
 * With a handler of someone else's (podview's terminal guard, `podview sim`'s graceful stop) the
 * signal is theirs, and the exit hook cleans up. Otherwise clean up now and let the signal do
 * what it would have done: re-raised, it kills, or signal-exit (which stays passive while any
 * other listener exists, so both would wait on each other) runs its exit hooks and kills.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) - 1 - signalExitListeners() > 0) return;
  removeAll();
  process.off(signal, onSignal);
  process.kill(process.pid, signal);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes this user's podview-sim-<pid>-* directories whose process is gone. Returns how many. */
export function sweepStaleSimDirs(base = tmpdir()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return 0;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const pid = Number(OWNED.exec(name)?.[1]);
    if (!pid || pid === process.pid || pidAlive(pid)) continue;
    const dir = join(base, name);
    try {
      if (uid !== undefined && statSync(dir).uid !== uid) continue;
      rmSync(dir, { recursive: true, force: true });
      removed++;
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

export function makeSimTempDir(): string {
  if (!installed) {
    installed = true;
    sweepStaleSimDirs();
    process.on('exit', removeAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  }
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  live.add(dir);
  return dir;
}

export function removeSimTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}
