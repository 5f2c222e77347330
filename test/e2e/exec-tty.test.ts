// The built binary's shell in a real terminal (tmux): `s` hands the terminal to a TTY session
// with the real size, a resize reaches `stty size`, and `exit` brings the TUI back exactly as
// it was, the same row selected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { assertBuilt, ROOT } from '../cli/helpers.ts';
import { screenOf, startCleanShell, tmux, waiterOn } from './tmuxSession.ts';
import { ensureBubblewrap } from '../sim/bubblewrap.ts';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const hasPython = spawnSync('python3', ['-c', 'import pty']).status === 0;
const skip = !hasTmux ? 'tmux is not installed' : !hasPython ? 'python3 (the sim pty helper) is not installed' : ensureBubblewrap();
const session = `podview-exec-e2e-${process.pid}`;
const screen = screenOf(session);
const waitFor = waiterOn(screen);

/** Index of the selected row among the screen's lines, and its first words (namespace). */
const selection = (text: string): { index: number; namespace: string } => {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.startsWith('> '));
  return { index, namespace: (lines[index] ?? '').split(/\s+/)[1] ?? '' };
};

test('shell from the TUI: command output, resize followed, TUI restored with the same selection', { skip }, async (t) => {
  assertBuilt();
  const bin = path.join(ROOT, 'bin', 'kubectl-podview');
  startCleanShell(session, 120, 40);
  t.after(() => spawnSync('tmux', ['kill-session', '-t', session]));
  tmux('send-keys', '-t', session, `${process.execPath} ${bin} --demo; echo DONE-$?-DONE`, 'Enter');
  await waitFor('the Pod list', (s) => /NAMESPACE\s+NAME/.test(s) && /^> /m.test(s));

  // Move the selection off the first row, so "the same selection" means something.
  for (const _ of [1, 2]) {
    const before = selection(screen()).index;
    tmux('send-keys', '-t', session, 'j');
    await waitFor('the selection to move', (s) => selection(s).index === before + 1);
  }
  const chosen = selection(screen());

  tmux('send-keys', '-t', session, 's');
  await waitFor('the shell', (s) => /Opening a shell in \S+ \(detach: ctrl-\]\)/.test(s) && /^# ?$/m.test(s));
  tmux('send-keys', '-t', session, '-l', 'echo MARK-$((6*7))');
  tmux('send-keys', '-t', session, 'Enter');
  await waitFor('the command output', (s) => /^MARK-42$/m.test(s));
  tmux('send-keys', '-t', session, '-l', 'stty size');
  tmux('send-keys', '-t', session, 'Enter');
  await waitFor('the initial size', (s) => /^40 120$/m.test(s));
  tmux('resize-window', '-t', session, '-x', '100', '-y', '30');
  tmux('send-keys', '-t', session, '-l', 'clear; stty size');
  tmux('send-keys', '-t', session, 'Enter');
  await waitFor('the new size', (s) => /^30 100$/m.test(s));

  tmux('send-keys', '-t', session, '-l', 'exit');
  tmux('send-keys', '-t', session, 'Enter');
  const back = await waitFor('the TUI again', (s) => /NAMESPACE\s+NAME/.test(s) && /^> /m.test(s));
  assert.deepEqual(selection(back), chosen, 'the same row is selected');
  assert.equal(tmux('display', '-p', '-t', session, '#{alternate_on}').trim(), '1', 'the TUI is back on the alternate screen');

  tmux('send-keys', '-t', session, 'q');
  const after = await waitFor('the shell again', (s) => /DONE-\d+-DONE/.test(s));
  assert.match(after, /DONE-0-DONE/);
});
