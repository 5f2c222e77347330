import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { displayWidth, graphemes, padEnd, padStart, truncate } from '../../src/text/width.ts';

test('wide and zero-width characters', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('日本語'), 6);
  assert.equal(displayWidth('🚀x'), 3);
  assert.equal(displayWidth('e\u0301'), 1);
  assert.equal(displayWidth(''), 0);
});

// Ink lays rows out and cuts them by string-width; podview fitting a row by any other count
// makes the row spill past the edge (or come up short). These are the clusters where a
// per-code-point table disagreed with it.
test('emoji sequences are measured as Ink measures them: one two-cell character each', () => {
  assert.equal(displayWidth('👩‍👩‍👧'), 2, 'a ZWJ family is one character');
  assert.equal(displayWidth('👍🏽'), 2, 'a skin-tone modifier joins its emoji');
  assert.equal(displayWidth('❤️'), 2, 'VS16 asks for the emoji presentation: two cells');
  assert.equal(displayWidth('🇺🇸'), 2, 'a flag is two regional indicators, one character');
  assert.equal(displayWidth('1️⃣'), 2, 'a keycap');
  assert.equal(displayWidth('\u001b[31mred\u001b[0m'), 3, 'colour codes take no cells');
});

test('truncate never exceeds the width and marks the cut', () => {
  assert.equal(truncate('hello world', 8), 'hello w…');
  assert.equal(truncate('hello', 5), 'hello');
  assert.equal(truncate('日本語テキスト', 7), '日本語…');
  assert.equal(displayWidth(truncate('日本語テキスト', 6)), 5);
  assert.equal(truncate('abc', 0), '');
  assert.equal(truncate('abcdef', 1), '…');
});

test('truncate cuts between characters, never inside an emoji sequence or an accented letter', () => {
  assert.equal(truncate('👩‍👩‍👧👩‍👩‍👧', 3), '👩‍👩‍👧…');
  assert.equal(truncate('👩‍👩‍👧👩‍👩‍👧', 2), '…');
  assert.equal(truncate('e\u0301e\u0301e\u0301', 2), 'e\u0301…');
  assert.equal(truncate('🇺🇸🇫🇷', 3), '🇺🇸…');
});

test('pad to an exact width', () => {
  assert.equal(padEnd('ab', 4), 'ab  ');
  assert.equal(padStart('ab', 4), '  ab');
  assert.equal(displayWidth(padEnd('日本語テキスト', 6)), 6);
  assert.equal(padEnd('abcdef', 4), 'abc…');
  assert.equal(padEnd('❤️', 3), '❤️ ');
});

// Characters that take part in the cases where widths have disagreed: joiners, selectors,
// modifiers, regional indicators, combining and spacing marks, prepended letters, Hangul jamo,
// halfwidth kana with its sound marks, zero-width and control characters, the sanitizer's
// placeholder, and the pieces of an ANSI sequence.
const PIECES = [
  'a',
  'Z',
  ' ',
  '-',
  '…',
  '日',
  '語',
  'ｶ',
  'ﾞ',
  '한',
  '\u1100',
  '\u1161',
  '\u11a8',
  'é',
  'e',
  '\u0301',
  '\u0903',
  '\u0e33',
  '\u0600',
  '👩',
  '👧',
  '\u200d',
  '\ufe0f',
  '\ufe0e',
  '❤',
  '👍',
  '🏽',
  '🇺',
  '🇸',
  '🚀',
  '©',
  '1',
  '\u20e3',
  '\u{e0067}',
  '\u200b',
  '\u00ad',
  '\u2060',
  '\ufffd',
  '\t',
  '\u0000',
  '\u001b',
  '[',
  'm',
  '\u009b',
  '\ud800',
];
const hostileText = fc.oneof(fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 16 }), fc.string({ unit: 'binary', maxLength: 16 }));

test("displayWidth is string-width (Ink's measure) for any text", () => {
  fc.assert(
    fc.property(hostileText, (text) => assert.equal(displayWidth(text), stringWidth(text), JSON.stringify(text))),
    { numRuns: 2000 },
  );
});

test("truncate and padEnd fit any text to the width by Ink's measure, cutting between clusters", () => {
  fc.assert(
    fc.property(hostileText, fc.integer({ min: 0, max: 30 }), (text, width) => {
      const cut = truncate(text, width);
      assert.ok(stringWidth(cut) <= width, `${JSON.stringify(cut)} is ${stringWidth(cut)} cells, more than ${width}`);
      if (cut !== text && cut !== '') {
        const kept = cut.slice(0, -1);
        assert.ok(text.startsWith(kept), 'what is kept is the start of the text');
        assert.ok(kept === '' || graphemes(text).slice(0, graphemes(kept).length).join('') === kept, 'the cut falls between clusters');
      }
      if (width > 0 && !/[\u001b\u009b]/.test(text)) assert.equal(stringWidth(padEnd(text, width)), width, JSON.stringify(text));
    }),
    { numRuns: 2000 },
  );
});

// The non-ASCII fast path sums code points' widths for text without a joining character; a
// code point missing from that list would be measured apart from a neighbour it joins (a mark,
// a prepended letter, a regional indicator, a jamo: each joins a letter or itself). Every code
// point of planes 0 and 1, every script and every emoji.
test('every code point of planes 0 and 1 is measured in context as string-width measures it', () => {
  const wrong: string[] = [];
  for (let cp = 0; cp <= 0x1ffff; cp++) {
    const c = String.fromCodePoint(cp);
    const text = `x${c}${c}x`;
    if (displayWidth(text) !== stringWidth(text)) wrong.push(cp.toString(16));
  }
  assert.deepEqual(wrong, []);
  assert.equal(displayWidth('한국어'), 6);
  assert.equal(displayWidth('각'), stringWidth('각'), 'jamo making one syllable');
  assert.equal(displayWidth('각'), 2, 'a syllable and the trailing consonant it takes');
});
