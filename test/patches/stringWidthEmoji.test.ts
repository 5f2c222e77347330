// patches/string-width+8.3.0.patch tests a segment against the costly RGI emoji expression only
// when it holds an Emoji_Presentation code point, U+200D or U+FE0F. That is sound only if every
// RGI emoji holds one of them: checked here for every single code point and for sequences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import stringWidth from 'string-width';

// biome-ignore lint/complexity/useRegexLiterals: the v flag is newer than the compiler's target (es2023)
const RGI = new RegExp('^\\p{RGI_Emoji}$', 'v');
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the very expression of the patch; it tests for any one of these code points, never a joined sequence
const SHORTCUT = /[\p{Emoji_Presentation}\u200D\uFE0F]/u;

test('every single code point that is an RGI emoji passes the shortcut', () => {
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    if (RGI.test(s)) assert.ok(SHORTCUT.test(s), `U+${cp.toString(16)}`);
  }
});

// Keycaps, flags, skin tones, ZWJ families, tag sequences and text-style bases made emoji.
const piece = fc.constantFrom(
  '#',
  '1',
  '\u20e3',
  '\ufe0f',
  '\u200d',
  '\u{1f1fa}',
  '\u{1f1f8}',
  '\u{1f44d}',
  '\u{1f3fb}',
  '\u{1f469}',
  '\u{1f467}',
  '\u2764',
  '\u{1f3f4}',
  '\u{e0067}',
  '\u{e0062}',
  '\u{e007f}',
  '\u263a',
);
test('every RGI emoji sequence passes the shortcut, and the patched width agrees', () => {
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (parts) => {
      const s = parts.join('');
      if (RGI.test(s)) {
        assert.ok(SHORTCUT.test(s));
        assert.equal(stringWidth(s), 2);
      }
    }),
    { numRuns: 2000 },
  );
});

test('the installed string-width is the patched one (the tests run what ships)', async () => {
  const { readFile } = await import('node:fs/promises');
  const source = await readFile(new URL(import.meta.resolve('string-width')), 'utf8');
  assert.ok(source.includes('rgiEmojiValue ??='), 'run npm ci (postinstall applies patches/)');
});
