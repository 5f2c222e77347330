// The line splitter: chunk boundaries, long lines, invalid UTF-8, timestamps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineSplitter, splitTimestamp, timeKey, type RawLine } from '../../src/cluster/logLines.ts';

function split(chunks: Buffer[], max = 1024): RawLine[] {
  const out: RawLine[] = [];
  const s = new LineSplitter((text, cutBytes) => out.push({ text, cutBytes }), max);
  for (const c of chunks) s.write(c);
  s.end();
  return out;
}

test('lines come out whole however the bytes are chunked', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, '')),
        { maxLength: 30 },
      ),
      fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1 }),
      (lines, sizes) => {
        const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''));
        const chunks: Buffer[] = [];
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const n = sizes[i % sizes.length];
          chunks.push(bytes.subarray(at, at + n!));
          at += n!;
        }
        assert.deepEqual(
          split(chunks).map((l) => l.text),
          lines,
        );
      },
    ),
  );
});

test('invalid UTF-8 is shown as U+FFFD, never thrown', () => {
  const out = split([Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a, 0xc3, 0x0a])]);
  assert.deepEqual(
    out.map((l) => l.text),
    ['a\ufffd\ufffdb', '\ufffd'],
  );
});

test('a long line is cut at a character boundary and the rest skipped; CRLF and a last line without newline', () => {
  const out = split([Buffer.from('ab€€€€'), Buffer.from('€€tail\r\nnext\r\nlast')], 8);
  assert.deepEqual(out[0], { text: 'ab€€', cutBytes: Buffer.byteLength('€€€€tail\r') });
  assert.deepEqual(out.slice(1), [
    { text: 'next', cutBytes: 0 },
    { text: 'last', cutBytes: 0 },
  ]);
});

test('kubelet timestamps split off and sort whatever their precision', () => {
  assert.deepEqual(splitTimestamp('2026-11-25T14:10:13.123456789Z hello world'), { ts: '2026-11-25T14:10:13.123456789Z', text: 'hello world' });
  assert.deepEqual(splitTimestamp('plain line here'), { text: 'plain line here' });
  assert.ok(timeKey('2026-11-25T14:10:13.5Z') > timeKey('2026-11-25T14:10:13.123456789Z'));
  assert.ok(timeKey('2026-11-25T14:10:13Z') < timeKey('2026-11-25T14:10:13.000000001Z'));
});

test('only the kubelet RFC3339Nano UTC prefix counts as a timestamp', () => {
  assert.deepEqual(splitTimestamp('2026-11-25T14:10:13Z x'), { ts: '2026-11-25T14:10:13Z', text: 'x' });
  for (const line of ['2026-11-25T14:10:13+01:00 INFO x', '2026-11-25T14:10:13.123Z', '2026-11-25T14:10:13,5Z x', '2026-11-25 14:10:13 x', '2026-11-25T14:10Z x']) {
    assert.deepEqual(splitTimestamp(line), { text: line }, line);
  }
});

test('timeKey: every shape of kubelet time sorts with the full nine-digit form, which is its own key', () => {
  const full = '2026-11-25T14:10:13.120000000Z';
  assert.equal(timeKey(full), full);
  assert.equal(timeKey('2026-11-25T14:10:13.12Z'), full);
  assert.ok(timeKey('2026-11-25T14:10:13Z') < timeKey('2026-11-25T14:10:13.000000001Z'));
  assert.ok(timeKey('2026-11-25T14:10:13.999999999Z') < timeKey('2026-11-25T14:10:14Z'));
});
