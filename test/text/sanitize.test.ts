import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitize } from '../../src/text/sanitize.ts';

test('removes cursor movement, titles, hyperlinks and bidi overrides', () => {
  assert.equal(sanitize('a\u001b[2Jb'), 'ab');
  assert.equal(sanitize('x\u001b]0;owned\u0007y'), 'xy');
  assert.equal(sanitize('\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\'), 'link');
  assert.equal(sanitize('ab\u202ecd'), 'abcd');
  assert.equal(sanitize('line\r\nnext'), 'linenext');
  assert.equal(sanitize('tab\tkept'), 'tab\tkept');
});

test('keeps colours only when asked and shows controls visibly when asked', () => {
  assert.equal(sanitize('\u001b[31mred\u001b[0m', { keepColors: true }), '\u001b[31mred\u001b[0m');
  assert.equal(sanitize('\u001b[31mred\u001b[0m'), 'red');
  assert.equal(sanitize('a\u0007b', { visible: true }), 'a^Gb');
});
