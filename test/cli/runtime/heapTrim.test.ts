// The snapshot's heap trimmer must really collect once the heap has grown past its budget,
// and must leave a heap that has not grown alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { heapTrimmer } from '../../../src/cli/runtime/heapTrim.ts';

const used = () => v8.getHeapStatistics().used_heap_size;
const budget = 8 * 1024 * 1024;

test('past its budget the trimmer collects the garbage of finished pages', () => {
  const trim = heapTrimmer(budget);
  // Old-generation garbage, as a snapshot page becomes once it has been written.
  let page: string[][] | undefined = Array.from({ length: 400 }, (_, i) => Array.from({ length: 200 }, (_, j) => `pod-${i}-${j}-${'x'.repeat(40)}`));
  assert.ok(page.length > 0);
  page = undefined;
  const before = used();
  trim();
  assert.ok(used() < before - budget, `heap went from ${before} to ${used()}`);
});

test('below its budget the trimmer leaves the heap alone', () => {
  const trim = heapTrimmer(1024 * 1024 * 1024);
  let garbage: string[] | undefined = Array.from({ length: 20_000 }, (_, i) => `pod-${i}-${'y'.repeat(40)}`);
  assert.equal(garbage.length, 20_000);
  garbage = undefined;
  const before = used();
  trim();
  // A collection would have freed the garbage above.
  assert.ok(used() >= before, `heap went from ${before} to ${used()}`);
});
