// The built binary in a real terminal (tmux): the demo's Pod list, `/` filter, enter opens
// user-msvc as a host, q quits, and the terminal is the user's again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { assertBuilt, ROOT } from '../cli/helpers.ts';
import { screenOf, startCleanShell, tmux, waiterOn } from './tmuxSession.ts';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `podview-e2e-${process.pid}`;
const screen = screenOf(session);
const waitFor = waiterOn(screen);

test('demo TUI in tmux: filter, open user-msvc, quit, terminal restored', { skip: hasTmux ? false : 'tmux is not installed' }, async (t) => {
  assertBuilt();
  const bin = path.join(ROOT, 'bin', 'kubectl-podview');
  // A plain shell first, so there is pre-run content to come back to.
  startCleanShell(session, 120, 40);
  t.after(() => spawnSync('tmux', ['kill-session', '-t', session]));
  tmux('send-keys', '-t', session, `echo BEFORE""MARK; ${process.execPath} ${bin} --demo; echo DONE-$?-DONE`, 'Enter');

  await waitFor('the Pod list', (s) => /NAMESPACE\s+NAME/.test(s) && /pods/.test(s));
  assert.equal(tmux('display', '-p', '-t', session, '#{alternate_on}').trim(), '1', 'the TUI runs on the alternate screen');

  // Keys typed while the first frames settle may be read before the filter prompt exists: send `/`
  // until the prompt shows.
  const prompt = (text: string): boolean => /^\/\S*_?\s*$/m.test(text.split('\n')[0] ?? '');
  for (let i = 0; i < 20 && !prompt(screen()); i++) {
    tmux('send-keys', '-t', session, '/');
    await new Promise((r) => setTimeout(r, 500));
  }
  tmux('send-keys', '-t', session, '-l', 'user-msvc');
  await waitFor('the filter', (s) => s.includes('/user-msvc') && !s.includes('catalog-api'));
  tmux('send-keys', '-t', session, 'Enter');
  await waitFor('the filter to be applied', (s) => !s.includes('esc clears') || s.includes('> shop'));
  tmux('send-keys', '-t', session, 'Enter');
  const host = await waitFor('the host view', (s) => s.includes('Containers') && s.includes('cloudsql-proxy') && s.includes('datadog-agent') && s.includes('/var/log/monitor'));
  assert.match(host, /shop\/user-msvc-/);

  tmux('send-keys', '-t', session, 'q');
  const after = await waitFor('the shell again', (s) => /DONE-\d+-DONE/.test(s));
  assert.match(after, /DONE-0-DONE/, 'exit code 0');
  assert.match(after, /^BEFOREMARK$/m, 'the pre-run content is back');
  assert.doesNotMatch(after, /NAMESPACE\s+NAME/, 'no TUI frame left behind');
  assert.equal(tmux('display', '-p', '-t', session, '#{alternate_on}').trim(), '0', 'alternate screen left');
  assert.equal(tmux('display', '-p', '-t', session, '#{cursor_flag}').trim(), '1', 'cursor visible');
});

test('SIGTERM while the TUI runs restores the terminal too', { skip: hasTmux ? false : 'tmux is not installed' }, async (t) => {
  assertBuilt();
  const bin = path.join(ROOT, 'bin', 'kubectl-podview');
  const name = `${session}-term`;
  startCleanShell(name, 100, 30);
  t.after(() => spawnSync('tmux', ['kill-session', '-t', name]));
  tmux('send-keys', '-t', name, `${process.execPath} ${bin} --demo & sleep 0.2; fg`, 'Enter');
  const shot = (): string => tmux('capture-pane', '-p', '-t', name);
  const until = Date.now() + 45_000;
  while (Date.now() < until && !/NAMESPACE\s+NAME/.test(shot())) await new Promise((r) => setTimeout(r, 150));
  assert.match(shot(), /NAMESPACE\s+NAME/);
  const pid = tmux('display', '-p', '-t', name, '#{pane_pid}').trim();
  execFileSync('pkill', ['-TERM', '-P', pid]);
  const end = Date.now() + 20_000;
  while (Date.now() < end && tmux('display', '-p', '-t', name, '#{alternate_on}').trim() !== '0') await new Promise((r) => setTimeout(r, 150));
  assert.equal(tmux('display', '-p', '-t', name, '#{alternate_on}').trim(), '0', 'alternate screen left after SIGTERM');
  assert.equal(tmux('display', '-p', '-t', name, '#{cursor_flag}').trim(), '1', 'cursor visible after SIGTERM');
});
