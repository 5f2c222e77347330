// Cell arithmetic of the log view's sideways scroll, with wide and combining characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dropCells } from '../../src/ui/logs/logText.ts';
import { charWidth } from '../../src/text/width.ts';

const cells = (text: string) => [...text].reduce((w, ch) => w + charWidth(ch), 0);

test('dropCells leaves a suffix that is at least `n` cells shorter, never more than one wide character too short', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: -5, max: 80 }), (text, n) => {
      const rest = dropCells(text, n);
      assert.ok(text.endsWith(rest));
      if (n <= 0) return assert.equal(rest, text);
      const dropped = cells(text) - cells(rest);
      if (rest !== '') assert.ok(dropped >= n && dropped <= n + 1, `dropped ${dropped} for ${n}`);
    }),
  );
});

test('a wide character straddling the edge goes with the scrolled-out part', () => {
  assert.equal(dropCells('ab漢字cd', 3), '字cd');
  assert.equal(dropCells('ab漢字cd', 4), '字cd');
});
