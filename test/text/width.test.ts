import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayWidth, padEnd, padStart, truncate } from '../../src/text/width.ts';

test('wide and zero-width characters', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('日本語'), 6);
  assert.equal(displayWidth('🚀x'), 3);
  assert.equal(displayWidth('e\u0301'), 1);
  assert.equal(displayWidth(''), 0);
});

test('truncate never exceeds the width and marks the cut', () => {
  assert.equal(truncate('hello world', 8), 'hello w…');
  assert.equal(truncate('hello', 5), 'hello');
  assert.equal(truncate('日本語テキスト', 7), '日本語…');
  assert.equal(displayWidth(truncate('日本語テキスト', 6)), 5);
  assert.equal(truncate('abc', 0), '');
  assert.equal(truncate('abcdef', 1), '…');
});

test('pad to an exact width', () => {
  assert.equal(padEnd('ab', 4), 'ab  ');
  assert.equal(padStart('ab', 4), '  ab');
  assert.equal(displayWidth(padEnd('日本語テキスト', 6)), 6);
  assert.equal(padEnd('abcdef', 4), 'abc…');
});
