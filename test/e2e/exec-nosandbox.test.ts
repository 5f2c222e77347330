// The demo where no sandbox can be made (no bwrap, no unshare): `s` runs nothing on the host;
// the status line says in one line that there is no sandbox and what to install, and the TUI
// carries on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { assertBuilt, ROOT } from '../cli/helpers.ts';
import { screenOf, startCleanShell, tmux, waiterOn } from './tmuxSession.ts';

const skip = spawnSync('tmux', ['-V']).status === 0 ? false : 'tmux is not installed';
const session = `podview-nosandbox-e2e-${process.pid}`;
const screen = screenOf(session);
const waitFor = waiterOn(screen);

test('demo without bwrap: s answers "no sandbox" in one line and the TUI stays', { skip }, async (t) => {
  assertBuilt();
  const bin = path.join(ROOT, 'bin', 'kubectl-podview');
  startCleanShell(session, 160, 30);
  t.after(() => spawnSync('tmux', ['kill-session', '-t', session]));
  tmux('send-keys', '-t', session, `PODVIEW_SIM_BWRAP= PODVIEW_SIM_UNSHARE= ${process.execPath} ${bin} --demo; echo DONE-$?-DONE`, 'Enter');
  await waitFor('the Pod list', (s) => /NAMESPACE\s+NAME/.test(s) && /^> /m.test(s));
  tmux('send-keys', '-t', session, 's');
  const shown = await waitFor('the refusal', (s) => /no sandbox for exec here/.test(s));
  const lines = shown.split('\n').filter((l) => /no sandbox for exec here/.test(l));
  assert.equal(lines.length, 1, shown);
  assert.doesNotMatch(shown, /^# ?$/m, 'no shell prompt: nothing ran');
  tmux('send-keys', '-t', session, 'q');
  tmux('send-keys', '-t', session, 'q');
  assert.match(await waitFor('the exit', (s) => /DONE-\d+-DONE/.test(s)), /DONE-0-DONE/);
});
