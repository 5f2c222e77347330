import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ListSplitter, readList } from '../../src/cluster/listStream.ts';

// Strings that a byte scanner could mistake for structure: quotes, backslashes before quotes,
// brackets and braces, the word "items", and multi-byte UTF-8 that a chunk boundary can split.
const tricky = {
  kind: 'PodList',
  apiVersion: 'v1',
  metadata: { resourceVersion: '42', continue: 'eyJ9XSJ9\\"}]' },
  items: [
    { metadata: { name: 'a', annotations: { note: 'say "hi" \\ {"items":[1,2]} ]}' } }, spec: { containers: [{ name: 'c', args: ['[', ']', '{', '}', '\\'] }] } },
    { metadata: { name: 'b-é-日本-🚀', labels: { 'x\\': '\\\\' } }, status: { phase: 'Running', n: [1, 2.5e3, -1, true, false, null, [[], {}]] } },
    { metadata: { name: 'items' } },
  ],
  after: { items: [{ not: 'an item' }], more: [1, 2] },
};

function split(body: Buffer, cuts: number[]): { items: unknown[]; heads: Record<string, unknown>[]; rest: Record<string, unknown> } {
  const items: unknown[] = [];
  const heads: Record<string, unknown>[] = [];
  const splitter = new ListSplitter({ onItems: (batch) => items.push(...batch), onHead: (h) => heads.push(h) });
  let from = 0;
  for (const cut of [...cuts, body.length]) {
    splitter.push(body.subarray(from, cut));
    from = cut;
  }
  return { items, heads, rest: splitter.end() };
}

test('every chunk boundary gives the items and the envelope JSON.parse gives', () => {
  for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, 2)]) {
    const body = Buffer.from(text);
    const { items: _items, ...envelope } = tricky;
    for (let cut = 0; cut <= body.length; cut++) {
      const r = split(body, [cut]);
      assert.deepEqual(r.items, tricky.items, `cut at ${cut}`);
      assert.deepEqual(r.rest, { ...envelope, items: [] }, `cut at ${cut}`);
      assert.deepEqual(r.heads, [{ kind: 'PodList', apiVersion: 'v1', metadata: tricky.metadata, items: [] }]);
    }
    // One byte at a time: every state is carried over a boundary.
    const bytes = split(
      body,
      Array.from({ length: body.length }, (_, i) => i),
    );
    assert.deepEqual(bytes.items, tricky.items);
  }
});

test('items are handed over chunk by chunk, before the body ends', () => {
  const body = Buffer.from(JSON.stringify(tricky));
  const seen: number[] = [];
  const splitter = new ListSplitter({ onItems: (batch) => seen.push(batch.length) });
  const secondItemEnds = body.indexOf('{"metadata":{"name":"items"}}');
  splitter.push(body.subarray(0, secondItemEnds));
  assert.deepEqual(seen, [2]);
  splitter.push(body.subarray(secondItemEnds));
  assert.deepEqual(seen, [2, 1]);
  splitter.end();
});

test('a list whose metadata follows its items: the head has no metadata, the rest has it', () => {
  const body = Buffer.from(JSON.stringify({ kind: 'PodList', items: [{ a: 1 }], metadata: { continue: 'next' } }));
  const r = split(body, [10]);
  assert.deepEqual(r.heads, [{ kind: 'PodList', items: [] }]);
  assert.deepEqual(r.rest, { kind: 'PodList', items: [], metadata: { continue: 'next' } });
  assert.deepEqual(r.items, [{ a: 1 }]);
});

test('no items, empty items and null items', () => {
  assert.deepEqual(split(Buffer.from('{"kind":"PodList","metadata":{}}'), []), { items: [], heads: [], rest: { kind: 'PodList', metadata: {} } });
  assert.deepEqual(split(Buffer.from(' {"items" : [ ] } \n'), [3]).rest, { items: [] });
  assert.deepEqual(split(Buffer.from('{"items":null}'), []).rest, { items: null });
});

test('a malformed or cut-off body throws SyntaxError, as JSON.parse would', () => {
  const bad = ['', '{"items":[{"a":1}', '{"items":[{"a":1}]}x', '{"items":[{"a":1}]}{}', '[{"items":[]}]', '"items"', '{"items":[{"a":}]}', '{"items":[]}}', '{"kind":}'];
  for (const text of bad) {
    assert.throws(() => split(Buffer.from(text), []), SyntaxError, JSON.stringify(text));
  }
});

test('readList reads a web stream to its end and cancels it on a malformed body', async () => {
  const chunks = [Buffer.from('{"metadata":{"resourceVersion":"7"},"items":[{"a"'), Buffer.from(':1},{"b":2}]}')];
  const items: unknown[] = [];
  const rest = await readList(
    new ReadableStream<Uint8Array>({
      start: (c) => {
        for (const chunk of chunks) c.enqueue(chunk);
        c.close();
      },
    }).getReader(),
    { onItems: (b) => items.push(...b) },
  );
  assert.deepEqual(items, [{ a: 1 }, { b: 2 }]);
  assert.deepEqual(rest, { metadata: { resourceVersion: '7' }, items: [] });

  let cancelled = false;
  const broken = new ReadableStream<Uint8Array>({
    pull: (c) => c.enqueue(Buffer.from('{"items":[]}}')),
    cancel: () => {
      cancelled = true;
    },
  });
  await assert.rejects(readList(broken.getReader(), { onItems: () => undefined }), SyntaxError);
  assert.equal(cancelled, true);
});

test('an item over the cap is skipped as it arrives, counted, and the items around it are kept', () => {
  const huge = 'x'.repeat(5000);
  const body = Buffer.from(JSON.stringify({ kind: 'PodList', items: [{ a: 1 }, { big: huge, nested: [{ s: 'a \\" ] } quote' }] }, { b: 2 }], metadata: { continue: 'c' } }));
  for (const size of [1, 7, 64, 1000, body.length]) {
    const items: unknown[] = [];
    let oversized = 0;
    const splitter = new ListSplitter({ onItems: (batch) => items.push(...batch), onOversized: () => oversized++ }, 1024);
    for (let at = 0; at < body.length; at += size) splitter.push(body.subarray(at, at + size));
    const rest = splitter.end();
    if (size === body.length) {
      // One chunk holds the whole item: nothing was ever carried, so it is parsed (the cap bounds what is held between chunks).
      assert.equal(items.length, 3);
      continue;
    }
    assert.deepEqual(items, [{ a: 1 }, { b: 2 }], `chunks of ${size}`);
    assert.equal(oversized, 1, `chunks of ${size}`);
    assert.deepEqual(rest, { kind: 'PodList', items: [], metadata: { continue: 'c' } });
  }
});

test('items that are no object reach the caller as null (counted there), without failing the list', () => {
  const cases: [string, unknown[]][] = [
    ['{"items":[1,2]}', [null, null]],
    ['{"items":[{"a":1},"b \\" ]}",null,true,-1.5e3,[1,{"x":2}],{"c":3}]}', [{ a: 1 }, null, null, null, null, [1, { x: 2 }], { c: 3 }]],
    ['{"items":[ null , "s" ]}', [null, null]],
  ];
  for (const [text, expected] of cases) {
    const body = Buffer.from(text);
    for (let cut = 0; cut <= body.length; cut++) assert.deepEqual(split(body, [cut]).items, expected, `${text} cut at ${cut}`);
    assert.deepEqual(
      split(
        body,
        Array.from({ length: body.length }, (_, i) => i),
      ).items,
      expected,
      `${text} byte by byte`,
    );
  }
});
