// V8 sizes the old generation anew after each full collection: what survived times a factor
// between 1.1 and 4, chosen from how fast it collects against how fast the program allocates.
// A live screen allocates little, and on some runs V8 then settles at the bottom of that range:
// with 100,000 Pods under 1,000 changes a second, a full collection every 3 to 10 s, each of
// them holding the screen up for as long as its marking takes (event-to-frame p99 520 ms in
// such a run, against 140-170 ms in the runs where V8 chose a wide factor). A fixed factor of
// 2 keeps full collections tens of seconds apart at the cost of at most the live heap again
// in memory. The factor is read at every full collection, so it can be set while running.
import v8 from 'node:v8';
import { userSetsV8Flag } from './userV8Flags.ts';

/** V8 options that size the old generation's growth; one given by the user (NODE_OPTIONS, node's own argv) wins. */
const OLD_GENERATION_FLAG = /--heap[-_]growing[-_]percent|--optimize[-_]for[-_]size/;

/** The old generation may grow by this much of what survived the last full collection before the next one. */
const STEADY_GROWTH_PERCENT = 100;

export function userSizesOldGeneration(execArgv?: readonly string[], nodeOptions?: string): boolean {
  return userSetsV8Flag(OLD_GENERATION_FLAG, execArgv, nodeOptions);
}

/** From the next full collection on, the old generation grows by a fixed factor; does nothing when the user sized it. */
export function steadyOldGenerationGrowth(): void {
  if (userSizesOldGeneration()) return;
  v8.setFlagsFromString(`--heap-growing-percent=${STEADY_GROWTH_PERCENT}`);
}
