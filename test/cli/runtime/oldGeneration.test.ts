// Once the TUI's first list is in, V8's old generation grows by a fixed factor between full
// collections, so a collector that would otherwise settle on its tightest sizing cannot run a
// full collection every few seconds; a user who sized it with Node options is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { steadyOldGenerationGrowth, userSizesOldGeneration } from '../../../src/cli/runtime/oldGeneration.ts';

test('user Node options that size the old generation are recognised', () => {
  assert.equal(userSizesOldGeneration([], undefined), false);
  assert.equal(userSizesOldGeneration(['--enable-source-maps'], '--max-old-space-size=512 --max-semi-space-size=8'), false);
  assert.equal(userSizesOldGeneration(['--heap-growing-percent=30'], undefined), true);
  assert.equal(userSizesOldGeneration([], '--import x.mjs --heap_growing_percent=50'), true);
  assert.equal(userSizesOldGeneration([], '--optimize-for-size'), true);
});

/** Full collections while `promote` MB of garbage that lives long enough to be promoted goes through the old generation. */
async function fullCollectionsWhile(promote: number): Promise<number> {
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  });
  observer.observe({ entryTypes: ['gc'] });
  // A ring of chunks: each lives until 48 more were made, long enough to survive the young generation.
  const ring: unknown[][] = new Array(48);
  const chunkMb = 0.5;
  for (let i = 0; i < promote / chunkMb; i++) {
    ring[i % ring.length] = Array.from({ length: 8_000 }, (_, j) => ({ i, j, s: `pod-${i}-${j}` }));
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the observer hears of the last collections
  observer.disconnect();
  return majors;
}

test('with steady growth, old-generation garbage needs far fewer full collections than under the tightest sizing', {
  skip: userSizesOldGeneration() && 'Node options size the old generation',
}, async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  // What the TUI keeps (~100 MB): enough that each factor, not V8's minimum step between full collections, sets the limit.
  const live = Array.from({ length: 600_000 }, (_, i) => ({ uid: `uid-${i}-${'u'.repeat(24)}`, name: `pod-${i}`, namespace: `ns-${i % 1000}` }));
  v8.setFlagsFromString('--heap-growing-percent=10'); // as tight as V8's own sizing gets
  gc();
  const tight = await fullCollectionsWhile(400);
  steadyOldGenerationGrowth();
  gc(); // the next limit is set by the factor in force at a full collection
  const steady = await fullCollectionsWhile(400);
  assert.ok(live.length > 0);
  assert.ok(steady * 2 < tight, `full collections: ${steady} with steady growth, ${tight} under the tightest sizing`);
});
