// The built binary in a real terminal (tmux): every way out gives the terminal back as the user
// had it (cooked, cursor shown, main screen, bracketed paste off), whichever view the signal
// finds the TUI in, and every exec hand-over starts on a clean screen and gives back a terminal
// whose modes the remote shell changed (insert mode, autowrap off, a scroll region) reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertBuilt, BIN } from '../cli/helpers.ts';
import { screenOf, startCleanShell, tmux, waiterOn } from '../e2e/tmuxSession.ts';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const hasPython = spawnSync('python3', ['-c', 'import pty']).status === 0;
const skip = !hasTmux ? 'tmux is not installed' : !hasPython ? 'python3 (the sim pty helper) is not installed' : false;
if (skip) console.log(`skipped: ${skip}`);

const ROWS = 30;
const flag = (session: string, name: string): string => tmux('display', '-p', '-t', session, `#{${name}}`).trim();
const LIST = (s: string): boolean => /NAMESPACE\s+NAME/.test(s) && /^> /m.test(s);
const SHELL = (s: string): boolean => /Opening a shell in \S+ \(detach: ctrl-\]\)/.test(s) && /^# ?$/m.test(s);

/** A tmux session with the TUI (--demo) started from a clean bash; what runs after it records the terminal. */
async function startTui(t: { after(fn: () => void): void }, label: string, args = '--demo'): Promise<{ session: string; screen: () => string; waitFor: ReturnType<typeof waiterOn>; dir: string }> {
  const session = `podview-hostile-${label}-${process.pid}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-term-'));
  startCleanShell(session, 120, ROWS);
  t.after(() => {
    spawnSync('tmux', ['kill-session', '-t', session]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const screen = screenOf(session);
  const waitFor = waiterOn(screen);
  // After podview: the tty's settings, then whatever a paste sends to a program that reads raw bytes.
  tmux('send-keys', '-t', session, `${process.execPath} ${BIN} ${args}; stty -a > ${dir}/stty; cat -v > ${dir}/paste`, 'Enter');
  await waitFor('the Pod list', LIST);
  return { session, screen, waitFor, dir };
}

/** Moves to the view the signal should find the TUI in. */
async function enterView(view: string, session: string, waitFor: ReturnType<typeof waiterOn>): Promise<void> {
  if (view === 'list') return;
  // The shop's user-msvc: a Pod with running containers and logs in the demo.
  // A key sent while the first frames are still being drawn can be missed: ask again until the filter opens.
  for (let attempt = 1; ; attempt++) {
    tmux('send-keys', '-t', session, '/');
    try {
      await waitFor('the filter prompt', (s) => s.startsWith('/'), 3000);
      break;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
  tmux('send-keys', '-t', session, '-l', 'user-msvc');
  await waitFor('the filter being typed', (s) => s.includes('/user-msvc_') && /^> \S+\s+user-msvc/m.test(s));
  tmux('send-keys', '-t', session, 'Enter');
  await waitFor('the filter applied', (s) => !s.includes('/user-msvc_') && /^> \S+\s+user-msvc/m.test(s));
  if (view === 'host') {
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor('the host view', (s) => s.includes('Containers'));
  } else if (view === 'log') {
    tmux('send-keys', '-t', session, 'l');
    await waitFor('the log view', (s) => !LIST(s) && !s.includes('Containers') && /logs?\b/i.test(s));
  } else {
    tmux('send-keys', '-t', session, 's');
    await waitFor('the shell', SHELL);
  }
}

async function assertTerminalGivenBack(session: string, dir: string): Promise<void> {
  const waitFor = waiterOn(() => (fs.existsSync(`${dir}/stty`) ? fs.readFileSync(`${dir}/stty`, 'utf8') : ''));
  const stty = await waitFor('stty after podview', (s) => s.includes('icanon'));
  assert.match(stty, /(^|\s)icanon(\s|$)/, 'canonical mode (cooked)');
  assert.match(stty, /(^|\s)echo(\s|$)/, 'echo on');
  assert.match(stty, /(^|\s)isig(\s|$)/, 'signals from keys on');
  assert.equal(flag(session, 'alternate_on'), '0', 'main screen');
  assert.equal(flag(session, 'cursor_flag'), '1', 'cursor shown');
  // tmux wraps a paste in ESC[200~ ... ESC[201~ only when the program asked for bracketed paste.
  tmux('set-buffer', '-b', `p${process.pid}`, 'PASTED');
  tmux('paste-buffer', '-p', '-b', `p${process.pid}`, '-t', session);
  tmux('send-keys', '-t', session, 'Enter', 'C-d');
  const paste = await waiterOn(() => (fs.existsSync(`${dir}/paste`) ? fs.readFileSync(`${dir}/paste`, 'utf8') : ''))('the paste', (s) => s.includes('PASTED'));
  assert.equal(paste.trim(), 'PASTED', 'bracketed paste is off');
}

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  for (const view of ['list', 'host', 'log', 'exec']) {
    test(`${signal} in the ${view} view leaves the terminal cooked, cursor shown, main screen, no bracketed paste`, { skip }, async (t) => {
      assertBuilt();
      const { session, waitFor, dir } = await startTui(t, `${signal}-${view}`);
      await enterView(view, session, waitFor);
      const shellPid = flag(session, 'pane_pid');
      const child = spawnSync('pgrep', ['-P', shellPid], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
      assert.ok(child, 'podview runs under the pane shell');
      process.kill(Number(child), signal);
      await assertTerminalGivenBack(session, dir);
    });
  }
}

test('a second shell starts on a clean screen, and modes the first one set are reset on the way back', { skip }, async (t) => {
  assertBuilt();
  const { session, waitFor, dir } = await startTui(t, 'handover');
  await enterView('exec', session, waitFor);
  // Insert mode, autowrap off, a scroll region of rows 3..8: what a crashed full-screen program leaves.
  tmux('send-keys', '-t', session, '-l', "echo FIRST-MARK; printf '\\033[4h\\033[?7l\\033[3;8r'");
  tmux('send-keys', '-t', session, 'Enter');
  await waitFor('the first session output', (s) => /^FIRST-MARK$/m.test(s));
  assert.equal(flag(session, 'insert_flag'), '1', 'the shell did set insert mode');
  tmux('send-keys', '-t', session, 'C-]');
  await waitFor('the TUI again', LIST);
  assert.equal(flag(session, 'insert_flag'), '0', 'insert mode reset');
  assert.equal(flag(session, 'wrap_flag'), '1', 'autowrap on');
  assert.equal(flag(session, 'scroll_region_upper'), '0', 'scroll region top');
  assert.equal(flag(session, 'scroll_region_lower'), String(ROWS - 1), 'scroll region bottom');

  tmux('send-keys', '-t', session, 's');
  const second = await waitFor('the second shell', SHELL);
  assert.match(second.split('\n')[0] ?? '', /^Opening a shell in /, 'the second session starts at the top of a clean screen');
  assert.ok(!second.includes('FIRST-MARK'), `nothing of the first session shows:\n${second}`);
  tmux('send-keys', '-t', session, 'C-]');
  await waitFor('the TUI again', LIST);
  tmux('send-keys', '-t', session, 'q');
  await assertTerminalGivenBack(session, dir);
});

test('the server dying during an exec session gives the TUI back, and q gives the terminal back', { skip }, async (t) => {
  assertBuilt();
  const simDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-term-sim-'));
  const kubeconfig = path.join(simDir, 'kubeconfig');
  const sim = spawn(process.execPath, [BIN, 'sim', '--kubeconfig-out', kubeconfig], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(() => {
    if (sim.exitCode === null) sim.kill('SIGKILL');
    fs.rmSync(simDir, { recursive: true, force: true });
  });
  await new Promise<void>((resolve) => sim.stdout!.on('data', (d: Buffer) => d.toString().includes('press Ctrl-C') && resolve()));
  const { session, waitFor, dir } = await startTui(t, 'simdies', `--kubeconfig ${kubeconfig} -A`);
  await enterView('exec', session, waitFor);
  sim.kill('SIGKILL');
  await waitFor('the TUI again, the session ended', (s) => /NAMESPACE\s+NAME/.test(s));
  assert.equal(flag(session, 'alternate_on'), '1', 'the TUI is back on the alternate screen');
  tmux('send-keys', '-t', session, 'q');
  await assertTerminalGivenBack(session, dir);
});
