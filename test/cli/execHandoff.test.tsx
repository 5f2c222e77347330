// The terminal handoff keeps the TUI mounted: state from before the session is on screen after
// it, the session gets the terminal, and the terminal is reset even when the session throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import React, { useState } from 'react';
import { Text, useInput } from 'ink';
import { render } from 'ink-testing-library';
import { PassThrough, Writable } from 'node:stream';
import { createTerminalHandoff, TERMINAL_RESET } from '../../src/cli/terminalHandoff.ts';
import type { ExecTerminal } from '../../src/cluster/exec.ts';

function Counter(): React.JSX.Element {
  const [n, setN] = useState(0);
  useInput((input) => {
    if (input === 'j') setN((v) => v + 1);
  });
  return <Text>selected row {n}</Text>;
}

function fakeIo() {
  const written: string[] = [];
  const modes: boolean[] = [];
  const input = Object.assign(new PassThrough(), { isRaw: false, setRawMode: (m: boolean) => void modes.push(m) });
  const output = new Writable({ write: (c: Buffer, _e, done) => { written.push(c.toString()); done(); } });
  return { io: { input, output } as unknown as { input: ExecTerminal['input']; output: ExecTerminal['output'] }, written, modes };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

test('the TUI keeps its state across a session and the terminal is reset after it', async () => {
  const fake = fakeIo();
  const handoff = createTerminalHandoff(fake.io);
  const view = render(<handoff.Bridge><Counter /></handoff.Bridge>);
  await tick();
  view.stdin.write('j');
  view.stdin.write('j');
  await tick();
  assert.equal(view.lastFrame(), 'selected row 2');
  let sawTerminal: ExecTerminal | undefined;
  const result = await handoff.run(async (terminal) => {
    sawTerminal = terminal;
    terminal.output.write('remote output');
    return 7;
  });
  assert.equal(result, 7);
  assert.equal(sawTerminal?.input, fake.io.input);
  assert.deepEqual(fake.written, ['remote output', TERMINAL_RESET]);
  assert.deepEqual(fake.modes, [false]);
  await tick();
  assert.equal(view.lastFrame(), 'selected row 2');
  view.stdin.write('j');
  await tick();
  assert.equal(view.lastFrame(), 'selected row 3');
  view.unmount();
});

test('a session that throws still gives the terminal back reset', async () => {
  const fake = fakeIo();
  const handoff = createTerminalHandoff(fake.io);
  const view = render(<handoff.Bridge><Counter /></handoff.Bridge>);
  await tick();
  await assert.rejects(handoff.run(async () => { throw new Error('connection dropped'); }), /connection dropped/);
  assert.deepEqual(fake.written, [TERMINAL_RESET]);
  view.unmount();
});
