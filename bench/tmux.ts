// A real pseudo-terminal for the benchmarks: a private tmux server (its own socket, so no
// one else's sessions are touched), sessions of a fixed size, screen capture and key presses.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const TERM_COLS = 200;
export const TERM_ROWS = 50;
/** How often a screen is read while waiting for it. */
export const POLL_MS = 20;

export class Tmux {
  readonly socket = `podview-bench-${process.pid}`;
  private sessions = 0;

  private async tmux(args: string[]): Promise<string> {
    const { stdout } = await run('tmux', ['-L', this.socket, ...args], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  }

  /** Starts `command` (run by sh) in a new detached session; returns its name and the pane's pid. */
  async start(command: string, env: Record<string, string> = {}): Promise<{ session: string; pid: number }> {
    const session = `s${++this.sessions}`;
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    await this.tmux(['new-session', '-d', '-s', session, '-x', String(TERM_COLS), '-y', String(TERM_ROWS), ...envArgs, command]);
    const pid = Number((await this.tmux(['display-message', '-p', '-t', session, '#{pane_pid}'])).trim());
    return { session, pid };
  }

  /** The visible screen, as text. */
  async capture(session: string): Promise<string> {
    return this.tmux(['capture-pane', '-p', '-t', session]);
  }

  async sendKeys(session: string, ...keys: string[]): Promise<void> {
    await this.tmux(['send-keys', '-t', session, ...keys]);
  }

  async alive(session: string): Promise<boolean> {
    return this.tmux(['has-session', '-t', session]).then(
      () => true,
      () => false,
    );
  }

  /** Presses `key` (q) and waits for the program to leave; kills the session if it does not. */
  async quit(session: string, key = 'q', deadlineMs = 10_000): Promise<boolean> {
    await this.sendKeys(session, key).catch(() => undefined);
    const until = Date.now() + deadlineMs;
    while (Date.now() < until) {
      if (!(await this.alive(session))) return true;
      await sleep(50);
    }
    await this.tmux(['kill-session', '-t', session]).catch(() => undefined);
    return false;
  }

  async close(): Promise<void> {
    await this.tmux(['kill-server']).catch(() => undefined);
  }
}

/** Polls the screen until `done(screen)`; returns the elapsed ms since `startedAt` (performance.now()). */
export async function waitForScreen(tmux: Tmux, session: string, startedAt: number, done: (screen: string) => boolean, deadlineMs: number): Promise<number> {
  for (;;) {
    const screen = await tmux.capture(session).catch(() => '');
    const at = performance.now();
    if (done(screen)) return at - startedAt;
    if (at - startedAt > deadlineMs) throw new Error(`the screen never showed what was expected; last screen:\n${screen}`);
    await sleep(POLL_MS);
  }
}

/** "10000 pods" as the status bar prints it, not "9500/10000 pods" nor "loading 10000…". */
export const fullCount = (pods: number) => new RegExp(`(^|[^/\\d])${pods} pods\\b`);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Single-quotes a word for sh. */
export const shq = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;
