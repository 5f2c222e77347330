// The heap trimmers must really collect once what they watch has grown past its budget,
// and must leave a heap that has not grown alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { bufferTrimmer, heapTrimmer } from '../../../src/cli/runtime/heapTrim.ts';

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

test("the budget counts from the lowest point seen, so V8's own collections move it", () => {
  // A call that collects measures twice (before, and the new floor after).
  const readings = [100, 50, 55, 61, 20];
  let calls = 0;
  const trim = heapTrimmer(10, () => readings[Math.min(calls++, readings.length - 1)]!);
  trim(); // 50: the floor falls from 100
  trim(); // 55: 5 over the floor
  assert.equal(calls, 3);
  trim(); // 61: 11 over, collects and reads the floor again
  assert.equal(calls, 5);
});

test("the list load's trimmer collects the ArrayBuffers let go of", () => {
  const buffers = () => process.memoryUsage().arrayBuffers;
  const trim = bufferTrimmer();
  // Decompressed chunks of a list page, read and let go of: more than the trimmer's budget, a
  // quarter of the heap, which the garbage of the tests above may still fill (it failed in CI
  // with 24 MB of chunks against such a heap).
  const budgetMb = Math.max(8, process.memoryUsage().heapUsed / 4 / 2 ** 20);
  const count = Math.ceil((2 * budgetMb + 16) * 16);
  let chunks: Buffer[] | undefined = Array.from({ length: count }, () => Buffer.alloc(64 * 1024, 1));
  assert.equal(chunks.length, count);
  chunks = undefined;
  const before = buffers();
  trim();
  assert.ok(buffers() < before - 16 * 1024 * 1024, `ArrayBuffers went from ${before} to ${buffers()}`);
});
