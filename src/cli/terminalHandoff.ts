// Lends the whole terminal to an interactive session and takes it back intact. Ink 8's own
// suspendTerminal() (reachable only inside the tree, through useApp) erases its frame, leaves
// the alternate screen and stops reading input with raw mode off; afterwards it re-arms input
// and redraws the frame in full. The App stays mounted throughout, so the same Pod and the
// same selection come back. Whatever the remote left behind (hidden cursor, colours, mouse or
// keypad modes, its own alternate screen) is reset on every way out.
import React, { useEffect, type ReactNode } from 'react';
import { useApp } from 'ink';
import { TERMINAL_RESET, type ExecTerminal } from '../cluster/exec.ts';

type Suspend = (callback: () => void | Promise<void>) => Promise<void>;

export { TERMINAL_RESET };

export interface HandoffIo {
  input: ExecTerminal['input'];
  output: ExecTerminal['output'];
}

export interface TerminalHandoff {
  /** Wrap the App in this inside render(), so the handoff can reach Ink's suspendTerminal. */
  Bridge(props: { children?: ReactNode }): React.JSX.Element;
  /** Runs the session with the terminal; resolves with its result after the TUI is back. */
  run<T>(session: (terminal: ExecTerminal) => Promise<T>): Promise<T>;
}

export function createTerminalHandoff(io: HandoffIo = { input: process.stdin, output: process.stdout as ExecTerminal['output'] }): TerminalHandoff {
  let suspend: Suspend | undefined;

  function Bridge({ children }: { children?: ReactNode }): React.JSX.Element {
    const app = useApp();
    useEffect(() => {
      suspend = app.suspendTerminal as Suspend;
      return () => {
        suspend = undefined;
      };
    }, [app]);
    return React.createElement(React.Fragment, null, children);
  }

  async function lend<T>(session: (terminal: ExecTerminal) => Promise<T>): Promise<T> {
    const wasRaw = io.input.isRaw === true;
    try {
      return await session({ input: io.input, output: io.output });
    } finally {
      io.output.write(TERMINAL_RESET);
      io.input.setRawMode?.(wasRaw);
    }
  }

  return {
    Bridge,
    async run<T>(session: (terminal: ExecTerminal) => Promise<T>): Promise<T> {
      const current = suspend;
      if (!current) return lend(session); // no TUI on screen: the terminal is already ours
      let result: { value: T } | undefined;
      await current(async () => {
        result = { value: await lend(session) };
      });
      return result!.value;
    },
  };
}
