// The simulated API server holds its objects and its watch history as Buffers, outside V8's
// heap: hundreds of MB at a big cluster, a new one for every change. By V8's defaults every
// 64 MB of new Buffers brought a full collection of the whole heap, which at 150,000 Pods held
// the sim's event loop, and every watch it serves, for up to a second every ~9 s. Tuned, the
// allowance grows with what the sim holds, as the heap's own does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { userSetsV8Flag } from '../../../src/cli/runtime/userV8Flags.ts';

const SIM_HEAP_FLAGS = /allocation[-_]site[-_]pretenuring|external[-_]memory|heap[-_]growing[-_]percent|optimize[-_]for[-_]size/;
const CHILD = join(import.meta.dirname, 'externalGcChild.ts');
const HELD_MB = 400; // what a big cluster's sim holds outside the heap
const THROUGH_MB = 800; // new Buffers, each kept until the ring comes round
const RING_MB = 50; // the watch history's share

async function fullCollections(mode: 'defaults' | 'tuned'): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, mode, String(HELD_MB), String(THROUGH_MB), String(RING_MB)]);
  const { majors, held } = JSON.parse(stdout) as { majors: number; held: number };
  assert.equal(held, (HELD_MB * 1e6) / 5_000);
  return majors;
}

test('tuned, the sim needs far fewer full collections for the Buffers it keeps a while than by V8 defaults', {
  skip: userSetsV8Flag(SIM_HEAP_FLAGS) && 'Node options tune the heap already',
}, async () => {
  const defaults = await fullCollections('defaults');
  const tuned = await fullCollections('tuned');
  // By defaults ~one per 64 MB of new Buffers (9-10 here); tuned, the allowance is about what is held (2).
  assert.ok(tuned * 2 < defaults, `full collections: ${tuned} tuned, ${defaults} by V8 defaults`);
});
