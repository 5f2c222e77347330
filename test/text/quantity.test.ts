import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareQuantities, formatCpu, formatMemory, parseQuantity, parseQuantityExact } from '../../src/text/quantity.ts';

test('parses every suffix Kubernetes accepts', () => {
  const cases: [string, number][] = [
    ['250m', 0.25],
    ['1', 1],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['2k', 2000],
    ['3M', 3e6],
    ['1G', 1e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1Ki', 1024],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1Ti', 2 ** 40],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['1e3', 1000],
    ['1E3', 1000],
    ['5e-3', 0.005],
    ['100n', 1e-7],
    ['10u', 1e-5],
    ['+1', 1],
    ['-1', -1],
    ['0', 0],
    [' 2 ', 2],
  ];
  for (const [text, value] of cases) assert.equal(parseQuantity(text), value, text);
  assert.equal(parseQuantity(2), 2, 'numbers from hand-written manifests');
});

test('invalid quantities are undefined and never throw', () => {
  for (const bad of ['', 'abc', '1.2.3', '1Qi', '1mi', 'Mi', '1 Gi', '--1', '1e', '1e99999', '1ki', null, undefined, {}, [], NaN, Infinity, 'x'.repeat(500)]) {
    assert.equal(parseQuantity(bad), undefined, String(bad));
  }
});

test('exact comparison has no float error', () => {
  assert.equal(compareQuantities('1', '1000m'), 0);
  assert.equal(compareQuantities('1Gi', '1073741824'), 0);
  assert.equal(compareQuantities('1G', '1Gi'), -1);
  assert.equal(compareQuantities('0.1', '100m'), 0);
  assert.equal(compareQuantities('1e3', '1k'), 0);
  assert.equal(compareQuantities('1001m', '1'), 1);
  // 0.1 + 0.2 style float error must not leak in: 300m is exactly 0.3.
  assert.equal(compareQuantities('.3', '300m'), 0);
  assert.equal(compareQuantities('1Ei', '1152921504606846976'), 0);
  assert.equal(compareQuantities('1Ei', '1152921504606846977'), -1);
  assert.equal(compareQuantities('bad', '1'), undefined);
  assert.deepEqual(parseQuantityExact('1.50'), { num: 150n, scale: 2 });
});

test('formats cpu and memory as people write them', () => {
  assert.equal(formatCpu(0.25), '250m');
  assert.equal(formatCpu(1.5), '1.5');
  assert.equal(formatCpu(2), '2');
  assert.equal(formatCpu(0), '0');
  assert.equal(formatCpu(undefined), '');
  assert.equal(formatMemory(128 * 2 ** 20), '128Mi');
  assert.equal(formatMemory(1.2 * 2 ** 30), '1.2Gi');
  assert.equal(formatMemory(512), '512');
  assert.equal(formatMemory(320 * 2 ** 20), '320Mi');
  assert.equal(formatMemory(100 * 2 ** 30), '100Gi');
  assert.equal(formatCpu(10), '10');
  assert.equal(formatCpu(0.1), '100m');
  assert.equal(formatMemory(2 ** 30), '1Gi');
  assert.equal(formatMemory(undefined), '');
});
