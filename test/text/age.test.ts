import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, secondsSince, timestampText } from '../../src/text/age.ts';

test('reads like kubectl AGE', () => {
  const cases: [number, string][] = [
    [-5, '<invalid>'],
    [-1, '0s'],
    [0, '0s'],
    [45, '45s'],
    [119, '119s'],
    [120, '2m'],
    [5 * 60 + 30, '5m30s'],
    [9 * 60, '9m'],
    [10 * 60 + 30, '10m'],
    [179 * 60, '179m'],
    [3 * 3600 + 12 * 60, '3h12m'],
    [5 * 3600, '5h'],
    [8 * 3600 + 59 * 60, '8h'],
    [47 * 3600, '47h'],
    [2 * 86400, '2d'],
    [2 * 86400 + 5 * 3600, '2d5h'],
    [14 * 86400, '14d'],
    [729 * 86400, '729d'],
    [2 * 365 * 86400, '2y'],
    [3 * 365 * 86400 + 10 * 86400, '3y10d'],
    [9 * 365 * 86400 + 10 * 86400, '9y'],
  ];
  for (const [s, text] of cases) assert.equal(humanDuration(s), text, String(s));
  assert.equal(humanDuration(NaN), '<invalid>');
});

test('timestamps may be strings or Dates; junk is undefined', () => {
  const now = Date.parse('2026-01-01T00:01:00Z');
  assert.equal(secondsSince('2026-01-01T00:00:00Z', now), 60);
  assert.equal(secondsSince(new Date('2026-01-01T00:00:00Z'), now), 60);
  assert.equal(secondsSince('yesterday', now), undefined);
  assert.equal(secondsSince(42, now), undefined);
  assert.equal(timestampText(new Date('2026-01-01T00:00:00Z')), '2026-01-01T00:00:00Z');
  assert.equal(timestampText(new Date('nope')), undefined);
});
