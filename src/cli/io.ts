// Writing that finishes before we exit: on macOS (and for files) stdout can be asynchronous,
// and process.exit() would cut a large -o json short.
import type { Writable } from 'node:stream';

export function writeAll(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** Colour only for a terminal, and never when NO_COLOR is set (any value but empty) or --no-color. */
export function colorWanted(flag: boolean | undefined, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return flag === true || stream.isTTY === true;
}
