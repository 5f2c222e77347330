// The log ring buffer: bounded, counts what it evicts, never refuses a line, and tells
// subscribers once per frame however many lines arrive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LogBuffer, DEFAULT_LOG_LINES } from '../../src/store/logBuffer.ts';

test('keeps the newest `capacity` lines in order and counts the evicted ones', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 200 }), (capacity, n) => {
      const buffer = new LogBuffer({ capacity, frameMs: 0 });
      for (let i = 1; i <= n; i++) buffer.push({ text: `line ${i}` });
      const kept = Math.min(capacity, n);
      assert.equal(buffer.size, kept);
      assert.equal(buffer.total, n);
      assert.equal(buffer.evicted, n - kept);
      assert.deepEqual(
        buffer.slice().map((l) => [l.seq, l.text]),
        Array.from({ length: kept }, (_, k) => [n - kept + k + 1, `line ${n - kept + k + 1}`]),
      );
      assert.equal(buffer.at(kept), undefined);
    }),
  );
});

test('defaults to 10,000 lines', () => {
  assert.equal(new LogBuffer().capacity, DEFAULT_LOG_LINES);
  assert.equal(DEFAULT_LOG_LINES, 10_000);
});

test('taps hear every line synchronously, even those evicted at once', () => {
  const buffer = new LogBuffer({ capacity: 2 });
  const heard: string[] = [];
  const untap = buffer.tap((l) => heard.push(l.text));
  for (const t of ['a', 'b', 'c', 'd']) buffer.push({ text: t });
  untap();
  buffer.push({ text: 'e' });
  assert.deepEqual(heard, ['a', 'b', 'c', 'd']);
});

test('subscribers hear once per frame for a burst of lines', async () => {
  const buffer = new LogBuffer({ frameMs: 5 });
  let calls = 0;
  const unsubscribe = buffer.subscribe(() => calls++);
  for (let i = 0; i < 10_000; i++) buffer.push({ text: String(i) });
  buffer.setState({ kind: 'streaming' });
  assert.equal(calls, 0);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(calls, 1);
  unsubscribe();
});
