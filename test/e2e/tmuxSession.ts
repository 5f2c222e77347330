// A detached tmux session running a clean shell, for driving the built binary as a person would:
// send-keys to type, capture-pane to read the screen.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

export const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });

/** A shell with only PATH, HOME and TERM, so the user's rc files cannot change what is seen. */
export function startCleanShell(session: string, columns: number, rows: number): void {
  tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), `env -i PATH=${process.env.PATH} HOME=${process.env.HOME} TERM=xterm-256color bash --norc --noprofile`);
}

export function screenOf(session: string): () => string {
  return () => tmux('capture-pane', '-p', '-t', session);
}

/** Polls the screen until the predicate holds; the deadline is generous, this is not a timing test. */
export function waiterOn(screen: () => string): (what: string, predicate: (text: string) => boolean, deadlineMs?: number) => Promise<string> {
  return async (what, predicate, deadlineMs = 45_000) => {
    const until = Date.now() + deadlineMs;
    let text = '';
    while (Date.now() < until) {
      text = screen();
      if (predicate(text)) return text;
      await new Promise((r) => setTimeout(r, 150));
    }
    assert.fail(`timed out waiting for ${what}; screen:\n${text}`);
  };
}
