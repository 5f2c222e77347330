// The TUI's clipboard copy (f's address): OSC 52 on a terminal, nothing into a pipe, nothing
// after --no-clipboard or PODVIEW_NO_CLIPBOARD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terminalClipboard } from '../../src/cli/clipboard.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

test('a terminal gets the address as one OSC 52 write; a pipe, --no-clipboard and the env var get nothing', () => {
  const tty = stream(true);
  assert.equal(terminalClipboard(undefined, tty, {})('127.0.0.1:40001'), true);
  assert.deepEqual(tty.written, [`\u001b]52;c;${Buffer.from('127.0.0.1:40001').toString('base64')}\u0007`]);
  for (const [flag, out, env] of [
    [undefined, stream(false), {}],
    [false, stream(true), {}],
    [undefined, stream(true), { PODVIEW_NO_CLIPBOARD: '1' }],
  ] as const) {
    assert.equal(terminalClipboard(flag, out, env)('127.0.0.1:40001'), false);
    assert.deepEqual(out.written, []);
  }
});
