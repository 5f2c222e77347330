// --shell picks the shell `s` opens: one for every container, per-container overrides, or both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShellChoice, shellsFor } from '../../src/cli/shellChoice.ts';
import { parseArgs } from '../../src/cli/args.ts';

test('a container override beats the shell for all, which beats the default order', () => {
  const choice = parseShellChoice('/bin/ash, istio-proxy=/bin/sh');
  assert.deepEqual(shellsFor(choice, 'istio-proxy'), ['/bin/sh']);
  assert.deepEqual(shellsFor(choice, 'app'), ['/bin/ash']);
  assert.equal(shellsFor(parseShellChoice('app=/bin/zsh'), 'sidecar'), undefined, 'no override: bash, sh, /busybox/sh are tried');
  assert.equal(shellsFor(parseShellChoice(undefined), 'app'), undefined);
});

test('a malformed --shell is one line naming the flag, before anything starts', () => {
  assert.throws(
    () => parseArgs(['--shell', 'app=']),
    (err: Error) => /--shell/.test(err.message) && !err.message.includes('\n'),
  );
  assert.throws(() => parseArgs(['--shell', '=/bin/sh']), /--shell/);
  const parsed = parseArgs(['--shell', 'app=/bin/ash']);
  assert.equal(parsed.kind === 'view' && parsed.args.shell, 'app=/bin/ash');
});
