// How `--diff` parses: alone it means "pick a sibling", with a word it names the other Pod.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../src/cli/args.ts';
import { wantsSnapshot } from '../../src/cli/run.ts';
import type { ViewArgs } from '../../src/cli/commandTypes.ts';

const view = (argv: string[]): ViewArgs => {
  const parsed = parseArgs(argv);
  assert.equal(parsed.kind, 'view');
  return (parsed as { args: ViewArgs }).args;
};

test('--diff alone, at the end or before another flag, asks for a picked sibling', () => {
  assert.equal(view(['web-1', '--diff']).diff, '');
  assert.equal(view(['web-1', '--diff', '--once']).diff, '');
  assert.equal(view(['web-1', '--diff=']).diff, '');
});

test('--diff OTHER and --diff=OTHER name the other Pod; no --diff leaves it undefined', () => {
  assert.equal(view(['web-1', '--diff', 'web-2']).diff, 'web-2');
  assert.equal(view(['web-1', '--diff=web-2', '-o', 'json']).diff, 'web-2');
  assert.equal(view(['web-1']).diff, undefined);
});

test('--diff always prints and exits, even on a terminal', () => {
  assert.equal(wantsSnapshot(view(['web-1', '--diff']), true, true), true);
  assert.equal(wantsSnapshot(view(['web-1']), true, true), false);
});

test('other string flags still refuse an empty value', () => {
  assert.throws(() => parseArgs(['web-1', '--shell=']), /flag --shell needs a value/);
});
