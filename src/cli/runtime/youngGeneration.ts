// V8's young generation (new space) grows from 1-2 MB to 32 MB a semi-space when a burst of
// allocation survives its collections, as a Pod list does while it is parsed; that growth is
// the largest part of the peak memory a list costs that nothing needs. --max-semi-space-size
// would cap it but is read only at process start; the growth factor is read at every
// collection, so it can be set, and reset, while the process runs.
import v8 from 'node:v8';
import { userSetsV8Flag } from './userV8Flags.ts';

/** V8 options that size the young generation; one given by the user (NODE_OPTIONS, node's own argv) wins. */
const YOUNG_GENERATION_FLAG = /--(max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor/;

/**
 * V8's own growth factor (`node --v8-options`: --semi-space-growth-factor default 2 in Node
 * 26.10). V8 has no API to read a flag back, so it is restored by value.
 */
export const V8_DEFAULT_GROWTH_FACTOR = 2;

/** True when the user's Node options already size the young generation, so podview must not. */
export function userSizesYoungGeneration(execArgv?: readonly string[], nodeOptions?: string): boolean {
  return userSetsV8Flag(YOUNG_GENERATION_FLAG, execArgv, nodeOptions);
}

/**
 * Stops the young generation growing (it stays at the size start-up left it) until the
 * returned function is called, which gives V8 back its own growth factor; call it as often
 * as you like. Does nothing when the user sized the young generation themselves.
 */
export function holdYoungGenerationSmall(): () => void {
  if (userSizesYoungGeneration()) return () => {};
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    v8.setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
  };
}
