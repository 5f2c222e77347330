// The simulated API server holds its objects and its watch history as Buffers, outside V8's
// heap: hundreds of MB at a big cluster, a new one for every change. By V8's defaults every
// 64 MB of new Buffers brought a full collection of the whole heap, which at 150,000 Pods held
// the sim's event loop, and every watch it serves, for up to a second every ~9 s. Tuned, the
// allowance grows with what the sim holds, as the heap's own does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { tuneSimHeap } from '../../../src/cli/runtime/simHeap.ts';
import { userSetsV8Flag } from '../../../src/cli/runtime/userV8Flags.ts';

const SIM_HEAP_FLAGS = /allocation[-_]site[-_]pretenuring|external[-_]memory|heap[-_]growing[-_]percent|optimize[-_]for[-_]size/;

/** Full collections while `mb` MB of Buffers goes through a ring of `ringMb` MB (each lives until the ring comes round), as the sim's history does. */
async function fullCollectionsWhile(mb: number, ringMb: number): Promise<number> {
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  });
  observer.observe({ entryTypes: ['gc'] });
  const size = 5_000; // one Pod's JSON
  const ring: Buffer[] = new Array(Math.round((ringMb * 1e6) / size));
  for (let i = 0; i < (mb * 1e6) / size; i++) {
    ring[i % ring.length] = Buffer.allocUnsafeSlow(size);
    if (i % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve)); // V8 starts a collection it asked for in a task
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the observer hears of the last collections
  observer.disconnect();
  return majors;
}

test('tuned, the sim needs far fewer full collections for the Buffers it keeps a while than by V8 defaults', {
  skip: userSetsV8Flag(SIM_HEAP_FLAGS) && 'Node options tune the heap already',
}, async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  // What a big cluster's sim holds outside the heap: 200 MB of stored objects.
  const stored = Array.from({ length: 40_000 }, () => Buffer.allocUnsafeSlow(5_000));
  gc();
  const defaults = await fullCollectionsWhile(400, 50);
  tuneSimHeap();
  gc(); // the next limits are set at a full collection
  const tuned = await fullCollectionsWhile(400, 50);
  assert.equal(stored.length, 40_000);
  assert.ok(tuned * 2 < defaults, `full collections: ${tuned} tuned, ${defaults} by V8 defaults`);
});
