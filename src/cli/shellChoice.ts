// `--shell` for the TUI's `s`: one shell for every container, per-container overrides, or both
// (`--shell /bin/ash,istio-proxy=/bin/sh`). Without one, the exec layer tries bash, sh, /busybox/sh.
import { UserError } from '../cluster/errors.ts';

export interface ShellChoice {
  all?: string;
  byContainer: Record<string, string>;
}

export function parseShellChoice(text: string | undefined): ShellChoice {
  const choice: ShellChoice = { byContainer: {} };
  if (text === undefined) return choice;
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq === -1) {
      choice.all = part;
      continue;
    }
    const container = part.slice(0, eq).trim();
    const shell = part.slice(eq + 1).trim();
    if (!container || !shell) throw new UserError(`invalid value "${part}" for --shell: use PATH or CONTAINER=PATH, separated by commas`);
    choice.byContainer[container] = shell;
  }
  return choice;
}

/** The shells to try for a container: its override, else the one for all, else the default order. */
export function shellsFor(choice: ShellChoice, container: string): string[] | undefined {
  const shell = choice.byContainer[container] ?? choice.all;
  return shell ? [shell] : undefined;
}
