// Shared by the cluster log tests: wait for a condition on a live stream, read a buffer.
import type { LogHub } from '../../src/sim/logs/index.ts';
import type { LogBuffer, LogLine } from '../../src/store/logBuffer.ts';

/** Polls until `check` holds; fails with `what` and the last observation if it never does. */
export async function until(check: () => boolean, what: string, describe: () => unknown = () => ''): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}; saw ${JSON.stringify(describe())}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const lines = (buffer: LogBuffer): LogLine[] => buffer.slice();
export const texts = (buffer: LogBuffer): string[] => buffer.slice().map((l) => (l.container ? `${l.container}: ${l.text}` : l.text));

/**
 * A clock for the logs sim that the test sets (pass `now` to startLogsSim): `write` stamps each
 * [ms, pod, text] ms after the start, in container app, so a test picks the written order and
 * the delivered order apart.
 */
export function settableClock(): { now: () => number; write(sim: { logs: LogHub }, namespace: string, lines: [ms: number, pod: string, text: string][]): void } {
  const start = Date.now() - 60_000;
  let clock = start;
  return {
    now: () => clock,
    write(sim, namespace, lines) {
      for (const [ms, pod, text] of lines) {
        clock = start + ms;
        sim.logs.emit(namespace, pod, 'app', [text]);
      }
    },
  };
}
