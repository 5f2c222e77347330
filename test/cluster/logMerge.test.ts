// Merged logs come out in kubelet time order even when one container's lines arrive late,
// as long as they arrive within the reorder window; the window bounds how long a line waits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LogMerger, OPENING_HOLD_MS, REORDER_WINDOW_MS } from '../../src/cluster/logMerge.ts';

const ts = (n: number) => `2026-11-25T14:10:${String(n).padStart(2, '0')}.000000000Z`;

function harness(names: string[], windowMs = REORDER_WINDOW_MS) {
  let now = 0;
  const out: string[] = [];
  const merger = new LogMerger(
    names,
    (c, l) => out.push(`${c}:${l.text}`),
    windowMs,
    () => now,
  );
  for (const n of names) merger.opened(n);
  return {
    merger,
    out,
    at(ms: number) {
      now = ms;
      merger.flush();
    },
  };
}

/**
 * Line i is written at time i*10 (its timestamp order) and arrives `delay` later, each stream
 * staying in order; the line numbers in the order they came out, and the merger's late count.
 */
function deliver(names: string[], events: { stream: number; delay: number }[]): { order: number[]; late: number } {
  const h = harness(names);
  const arrivals = events.map((e, i) => ({ ...e, i, at: i * 10 + e.delay }));
  const lastAt = names.map(() => 0);
  for (const a of arrivals) a.at = lastAt[a.stream] = Math.max(a.at, lastAt[a.stream]!);
  for (const a of [...arrivals].sort((x, y) => x.at - y.at || x.i - y.i)) {
    h.at(a.at);
    h.merger.push(names[a.stream]!, { ts: `2026-11-25T14:10:00.${String(a.i).padStart(9, '0')}Z`, text: String(a.i), cutBytes: 0 });
  }
  h.merger.close();
  return { order: h.out.map((o) => Number(o.split(':')[1])), late: h.merger.late };
}

test('a container whose lines arrive late (but within the window) is still merged in time order', () => {
  const h = harness(['app', 'proxy']);
  h.merger.push('app', { ts: ts(1), text: '1', cutBytes: 0 });
  h.merger.push('app', { ts: ts(3), text: '3', cutBytes: 0 });
  h.at(150); // the proxy has been silent longer than any idle heuristic
  h.merger.push('proxy', { ts: ts(2), text: '2', cutBytes: 0 });
  h.at(REORDER_WINDOW_MS + 200);
  h.merger.close();
  assert.deepEqual(h.out, ['app:1', 'proxy:2', 'app:3']);
});

test('the window bounds the wait: a line older than the window goes out though a stream is silent', () => {
  const h = harness(['app', 'proxy']);
  h.merger.push('app', { ts: ts(1), text: '1', cutBytes: 0 });
  h.at(REORDER_WINDOW_MS - 1);
  assert.deepEqual(h.out, []);
  h.at(REORDER_WINDOW_MS);
  assert.deepEqual(h.out, ['app:1']);
  h.merger.close();
});

test('property: lines that arrive within the window of each other come out sorted by time', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ stream: fc.integer({ min: 0, max: 2 }), delay: fc.integer({ min: 0, max: REORDER_WINDOW_MS - 1 }) }), { minLength: 1, maxLength: 40 }), (events) => {
      const { order } = deliver(['a', 'b', 'c'], events);
      assert.deepEqual(
        order,
        [...order].sort((x, y) => x - y),
      );
    }),
  );
});

test('a line later than the window goes out where it arrives, and is counted as late', () => {
  const h = harness(['web-1/app', 'web-2/app']);
  h.merger.push('web-2/app', { ts: ts(2), text: '2', cutBytes: 0 });
  h.at(REORDER_WINDOW_MS);
  assert.deepEqual(h.out, ['web-2/app:2']);
  h.merger.push('web-1/app', { ts: ts(1), text: '1', cutBytes: 0 });
  h.at(REORDER_WINDOW_MS * 3);
  h.merger.close();
  assert.deepEqual(h.out, ['web-2/app:2', 'web-1/app:1']);
  assert.equal(h.merger.late, 1);
});

test('a stream added after lines went out holds the others at most the window, even while it opens', () => {
  const h = harness(['web-1/app']);
  h.merger.push('web-1/app', { ts: ts(1), text: '1', cutBytes: 0 });
  h.at(REORDER_WINDOW_MS);
  h.merger.add('web-2/app'); // a Pod joins; its request is still on the way
  h.merger.push('web-1/app', { ts: ts(3), text: '3', cutBytes: 0 });
  h.at(REORDER_WINDOW_MS * 2 - 1);
  assert.deepEqual(h.out, ['web-1/app:1']);
  h.at(REORDER_WINDOW_MS * 2);
  assert.deepEqual(h.out, ['web-1/app:1', 'web-1/app:3']);
  h.merger.close();
});

test('a removed stream holds nothing once its lines are out, and its name can start again', () => {
  const h = harness(['web-1/app', 'web-2/app']);
  h.merger.push('web-2/app', { ts: ts(1), text: 'last words', cutBytes: 0 });
  h.merger.remove('web-2/app');
  h.merger.push('web-1/app', { ts: ts(2), text: '2', cutBytes: 0 });
  h.at(1);
  // A removed stream will say nothing more: web-1's later line need not wait for it.
  assert.deepEqual(h.out, ['web-2/app:last words', 'web-1/app:2']);
  h.merger.add('web-2/app');
  h.merger.opened('web-2/app');
  h.merger.push('web-2/app', { ts: ts(3), text: 'back', cutBytes: 0 });
  h.merger.push('web-1/app', { ts: ts(4), text: '4', cutBytes: 0 });
  h.at(2);
  assert.deepEqual(h.out, ['web-2/app:last words', 'web-1/app:2', 'web-2/app:back']);
  h.merger.close();
});

test('property: whatever the delays, every line comes out once, and only lines that came after their window are out of order', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ stream: fc.integer({ min: 0, max: 3 }), delay: fc.integer({ min: 0, max: REORDER_WINDOW_MS * 3 }) }), { minLength: 1, maxLength: 60 }), (events) => {
      const { order, late } = deliver(['p1/a', 'p1/b', 'p2/a', 'p2/b'], events);
      assert.deepEqual(
        [...order].sort((x, y) => x - y),
        events.map((_, i) => i),
      );
      let max = -1;
      let outOfOrder = 0;
      for (const n of order) {
        if (n < max) outOfOrder++;
        max = Math.max(max, n);
      }
      assert.equal(late, outOfOrder);
    }),
  );
});

test('a stream that never opens holds the others at most OPENING_HOLD_MS, then lines flow', () => {
  let now = 0;
  const out: string[] = [];
  const merger = new LogMerger(
    ['web-1/app', 'web-2/app'],
    (c, l) => out.push(`${c}:${l.text}`),
    REORDER_WINDOW_MS,
    () => now,
  );
  merger.opened('web-1/app'); // web-2's request hangs (its node is gone)
  merger.push('web-1/app', { ts: ts(1), text: 'history', cutBytes: 0 });
  now = OPENING_HOLD_MS - 1;
  merger.flush();
  assert.deepEqual(out, [], 'while web-2 may still bring an earlier history line');
  now = OPENING_HOLD_MS;
  merger.flush();
  assert.deepEqual(out, ['web-1/app:history']);
  merger.close();
});
