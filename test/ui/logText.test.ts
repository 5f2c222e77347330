// Cell arithmetic of the log view's sideways scroll, with wide and combining characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cutCells, dropCells, wrapCells } from '../../src/ui/logs/logText.ts';
import { displayWidth as cells, graphemes } from '../../src/text/width.ts';

// A character can be wider than two cells by Ink's measure (string-width adds a spacing mark's
// width to its cluster: U+1D158 U+1D165 U+1D16E is 3), so "too short" is bounded by the last
// character scrolled out, not by 1.
test('dropCells leaves a suffix that is at least `n` cells shorter, too short by no more than the character straddling the edge', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: -5, max: 80 }), (text, n) => {
      const rest = dropCells(text, n);
      assert.ok(text.endsWith(rest));
      if (n <= 0) return assert.equal(rest, text);
      const gone = text.slice(0, text.length - rest.length);
      const dropped = cells(gone);
      const last = graphemes(gone).at(-1) ?? '';
      if (rest !== '') assert.ok(dropped >= n && dropped - cells(last) < n, `dropped ${dropped} for ${n}, the last ${JSON.stringify(last)}`);
    }),
  );
});

test('a wide character straddling the edge goes with the scrolled-out part', () => {
  assert.equal(dropCells('ab漢字cd', 3), '字cd');
  assert.equal(dropCells('ab漢字cd', 4), '字cd');
});

test('scrolling sideways and cutting keep emoji sequences and accented letters whole', () => {
  assert.equal(dropCells('ab👩‍👩‍👧cd', 3), 'cd');
  assert.equal(dropCells('e\u0301e\u0301x', 1), 'e\u0301x');
  assert.equal(cutCells('👩‍👩‍👧👩‍👩‍👧x', 4), '👩‍👩‍👧…');
  assert.deepEqual(wrapCells('👍🏽👍🏽👍🏽', 4), ['👍🏽👍🏽', '👍🏽']);
});
