import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { byCodeUnit } from '../../src/text/compare.ts';

test('byCodeUnit sorts as the default sort does, and is a total order', () => {
  assert.deepEqual(['UDP', 'SCTP', 'TCP'].sort(byCodeUnit), ['SCTP', 'TCP', 'UDP']);
  fc.assert(
    fc.property(fc.array(fc.string()), (words) => {
      assert.deepEqual([...words].sort(byCodeUnit), [...words].sort());
      for (const a of words) for (const b of words) assert.equal(Math.sign(byCodeUnit(a, b)) + Math.sign(byCodeUnit(b, a)), 0);
    }),
  );
});
