// Puts the terminal back the way the user had it, whatever way podview leaves: q, ctrl-c,
// SIGTERM, SIGHUP, an uncaught error. Ink restores it on a clean unmount; this is the net
// under that for every other way out, and it is safe to run more than once.

const SHOW_CURSOR = '\u001b[?25h';
/** Bracketed paste and mouse reporting off: Ink or a shell's program may have turned them on. */
const INPUT_MODES_OFF = '\u001b[?2004l\u001b[?1000l\u001b[?1002l\u001b[?1003l\u001b[?1006l';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

export interface TerminalGuard {
  /** Marks the alternate screen as entered, so restore() knows to leave it. */
  entered(): void;
  /** Ink left the alternate screen itself (clean unmount). */
  left(): void;
  /** Leaves the alternate screen (if entered), shows the cursor, turns raw mode off. Idempotent. */
  restore(): void;
  /** Removes the process hooks (after a clean exit). */
  dispose(): void;
}

export interface GuardOptions {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Runs on SIGTERM/SIGHUP/SIGINT or an uncaught error before the terminal is restored (e.g. unmount). */
  onFatal(reason: string, error?: unknown): void;
}

export function guardTerminal(options: GuardOptions): TerminalGuard {
  const { stdin, stdout } = options;
  let inAlternate = false;
  let restored = false;

  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed; nothing left to restore there.
    }
    try {
      stdout.write((inAlternate ? LEAVE_ALTERNATE_SCREEN : '') + SHOW_CURSOR + INPUT_MODES_OFF);
    } catch {
      // stdout gone (terminal closed, SIGHUP): nobody is left to see it.
    }
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    options.onFatal(signal);
    restore();
    // 128 + signal number, as shells report a death by signal.
    const numbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
    process.exit(128 + (numbers[signal] ?? 1));
  };
  const onError = (error: unknown): void => {
    options.onFatal('error', error);
    restore();
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`error: internal error: ${message} (run with PODVIEW_DEBUG=1 for details)\n`);
    if (process.env.PODVIEW_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exit(1);
  };
  const onExit = (): void => restore();

  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  for (const s of signals) process.on(s, onSignal);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  process.on('exit', onExit);

  return {
    entered() {
      inAlternate = true;
    },
    left() {
      inAlternate = false;
    },
    restore,
    dispose() {
      for (const s of signals) process.off(s, onSignal);
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
      process.off('exit', onExit);
    },
  };
}
