import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitize } from '../../src/text/sanitize.ts';

test('replaces cursor movement, titles, hyperlinks and bidi overrides with a visible placeholder', () => {
  assert.equal(sanitize('a\u001b[2Jb'), 'a\ufffdb');
  assert.equal(sanitize('x\u001b]0;owned\u0007y'), 'x\ufffdy');
  assert.equal(sanitize('\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\'), '\ufffdlink\ufffd');
  assert.equal(sanitize('ab\u202ecd'), 'ab\ufffdcd');
  assert.equal(sanitize('a\u009b2Jb'), 'a\ufffdb', '8-bit CSI');
  assert.equal(sanitize('a\u001bPq#0\u001b\\b\u001b_apc\u001b\\c\u001b^pm\u001b\\d'), 'a\ufffdb\ufffdc\ufffdd', 'DCS, APC, PM');
  assert.equal(sanitize('a\u001b[2J\u0007\u001b[Hb'), 'a\ufffdb', 'a run of removed sequences is one placeholder');
  assert.equal(sanitize('line\r\nnext'), 'line  next', 'line breaks become spaces: a CR cannot overwrite what came before');
  assert.equal(sanitize('tab\tkept'), 'tab\tkept');
});

test('a lone surrogate becomes the replacement character; pairs (emoji) stay', () => {
  assert.equal(sanitize('a\ud800b'), 'a\ufffdb');
  assert.equal(sanitize('a\udc00'), 'a\ufffd');
  assert.equal(sanitize('ok \ud83d\ude00'), 'ok \ud83d\ude00');
});

test('keeps colours only when asked and shows controls visibly when asked', () => {
  assert.equal(sanitize('\u001b[31mred\u001b[0m', { keepColors: true }), '\u001b[31mred\u001b[0m');
  assert.equal(sanitize('\u001b[31mred\u001b[0m'), 'red', 'colour alone goes quietly');
  assert.equal(sanitize('a\u0007b', { visible: true }), 'a^Gb');
});
