import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, sleep } from '../../src/cluster/backoff.ts';

test('backoff doubles per attempt up to the cap, jittered within [base/2, base]', () => {
  const options = { initialMs: 100, maxMs: 1000 };
  assert.equal(
    backoffDelay(1, options, () => 1),
    100,
  );
  assert.equal(
    backoffDelay(1, options, () => 0),
    50,
  );
  assert.equal(
    backoffDelay(3, options, () => 1),
    400,
  );
  assert.equal(
    backoffDelay(50, options, () => 1),
    1000,
  );
  assert.equal(
    backoffDelay(50, options, () => 0),
    500,
  );
  const spread = new Set(Array.from({ length: 20 }, (_, i) => backoffDelay(4, options, () => i / 20)));
  assert.ok(spread.size > 10, 'jitter spreads clients apart');
});

test('sleep ends early when aborted', async () => {
  const controller = new AbortController();
  const slept = sleep(60_000, controller.signal);
  controller.abort();
  await slept; // would hang the test for a minute if abort were ignored
  await sleep(1, AbortSignal.abort());
});
