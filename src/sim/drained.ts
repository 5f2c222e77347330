// Backpressure for the sim's long responses (big lists, log firehoses): wait until the client
// has taken what was written, or has gone.
import type { Writable } from 'node:stream';

export function drained(res: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
