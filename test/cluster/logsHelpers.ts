// Shared by the cluster log tests: wait for a condition on a live stream, read a buffer.
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
