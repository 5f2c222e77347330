// The TUI holds V8's young generation at its start-up size while the first list loads, then
// gives V8 its own sizing back; a user who sized it with Node options is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { holdYoungGenerationSmall, userSizesYoungGeneration } from '../../../src/cli/runtime/youngGeneration.ts';

const MB = 1024 * 1024;
const youngGeneration = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;

/** A burst of small objects that survive their collections, as a parsed Pod list does. */
function burst(): number {
  const kept: object[] = [];
  for (let i = 0; i < 1_500_000; i++) kept.push({ i, name: `pod-${i}` });
  return kept.length;
}

test('user Node options that size the young generation are recognised', () => {
  assert.equal(userSizesYoungGeneration([], undefined), false);
  assert.equal(userSizesYoungGeneration(['--enable-source-maps'], '--max-old-space-size=512'), false);
  assert.equal(userSizesYoungGeneration(['--max-semi-space-size=8'], undefined), true);
  assert.equal(userSizesYoungGeneration([], '--import x.mjs --min_semi_space_size=4'), true);
  assert.equal(userSizesYoungGeneration([], '--semi-space-growth-factor=3'), true);
});

test('held, the young generation stays small through a burst; released, V8 grows it again', { skip: userSizesYoungGeneration() && 'Node options size the young generation' }, () => {
  const release = holdYoungGenerationSmall();
  burst();
  const held = youngGeneration();
  release();
  release(); // a second call changes nothing
  burst();
  const released = youngGeneration();
  assert.ok(held <= 8 * MB, `held: ${(held / MB).toFixed(1)} MB`);
  assert.ok(released > held, `released: ${(released / MB).toFixed(1)} MB, held: ${(held / MB).toFixed(1)} MB`);
});
