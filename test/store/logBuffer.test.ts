// The log ring buffer: bounded, counts what it evicts, never refuses a line, and tells
// subscribers once per frame however many lines arrive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LogBuffer, DEFAULT_LOG_LINES } from '../../src/store/logBuffer.ts';
import { PLACEHOLDER } from '../../src/text/sanitize.ts';

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

test('lines read back exactly as appended: any text, timestamp, container and flags', () => {
  // Well-formed Unicode only: lines come from UTF-8 decoding, which never yields lone surrogates.
  const text = fc.string({ unit: 'grapheme', maxLength: 300 });
  const line = fc.record(
    {
      text,
      ts: fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), { nil: undefined }),
      container: fc.option(fc.constantFrom('app', 'istio-proxy', 'init-db', 'ünïcode'), { nil: undefined }),
      truncated: fc.boolean(),
      notice: fc.boolean(),
    },
    { requiredKeys: ['text'] },
  );
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.array(line, { maxLength: 120 }), (capacity, lines) => {
      const buffer = new LogBuffer({ capacity, frameMs: 0 });
      for (const l of lines) buffer.push(l);
      const expected = lines.slice(-capacity).map((l, k) => {
        const want: Record<string, unknown> = { seq: lines.length - Math.min(capacity, lines.length) + k + 1, text: l.text };
        if (l.ts) want.ts = l.ts;
        if (l.container !== undefined) want.container = l.container;
        if (l.truncated) want.truncated = true;
        if (l.notice) want.notice = true;
        return want;
      });
      assert.deepEqual(buffer.slice(), expected);
    }),
  );
});

test('a line longer than a page and lines after it are kept whole', () => {
  const buffer = new LogBuffer({ capacity: 4, frameMs: 0 });
  const long = 'x'.repeat(200 * 1024);
  buffer.append('before', '2026-11-25T10:00:00Z');
  buffer.append(long);
  buffer.append('after');
  assert.deepEqual(
    buffer.slice().map((l) => [l.text.length, l.ts]),
    [
      [6, '2026-11-25T10:00:00Z'],
      [long.length, undefined],
      [5, undefined],
    ],
  );
});

test('a view that reads between appends never sees a line that has left the buffer', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.boolean(), { maxLength: 200 }), (capacity, steps) => {
      const buffer = new LogBuffer({ capacity, frameMs: 0 });
      let n = 0;
      for (const readNow of steps) {
        buffer.push({ text: `line ${++n}` });
        if (readNow) {
          const kept = Math.min(capacity, n);
          assert.deepEqual(
            buffer.slice().map((l) => l.text),
            Array.from({ length: kept }, (_, k) => `line ${n - kept + k + 1}`),
          );
        }
      }
    }),
  );
});

test('everything stored is sanitized on arrival: notices, pushed lines (SGR kept) and container names', () => {
  const buffer = new LogBuffer({ frameMs: 0 });
  buffer.notice('n \u001b]0;title\u0007x');
  buffer.push({ text: 'p \u001b[31mred\u001b[0m \u001b]52;c;AA==\u0007', container: 'c\u001b[2J' });
  const [notice, pushed] = buffer.slice();
  // What is taken out stands as sanitize's visible placeholder; colours alone go quietly.
  assert.equal(notice!.text, `n ${PLACEHOLDER}x`);
  assert.equal(pushed!.text, `p \u001b[31mred\u001b[0m ${PLACEHOLDER}`);
  assert.equal(pushed!.container, `c${PLACEHOLDER}`);
});
