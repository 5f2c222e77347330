// Dispatch: a parsed command line -> the mode that serves it. Returns the exit code; errors
// propagate to main, which prints them as one line.
// Each mode is imported when it is chosen (the bundle keeps them as lazily initialised
// modules): --version and completion scripts never evaluate @kubernetes/client-node, and a
// snapshot never evaluates ink and react. Start-up time and memory follow the mode used.
import { isatty } from 'node:tty';
import { parseArgs } from './args.ts';
import type { ViewArgs } from './commandTypes.ts';
import { completionScript } from './completion/scripts.ts';
import { helpText } from './help.ts';
import { colorWanted, writeAll } from './io.ts';
import { VERSION } from './version.ts';

export function versionLine(): string {
  return `kubectl-podview v${VERSION}\n`;
}

/** The TUI needs a terminal on both ends; anything else (a pipe, a file, --once, -o, -f) gets a snapshot. */
export function wantsSnapshot(args: ViewArgs, stdoutIsTTY: boolean, stdinIsTTY: boolean): boolean {
  return args.once || args.diff !== undefined || args.output !== undefined || args.filename !== undefined || !stdoutIsTTY || !stdinIsTTY;
}

export async function run(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  const out = process.stdout;
  switch (command.kind) {
    case 'help':
      await writeAll(out, helpText(command.topic));
      return 0;
    case 'version':
      await writeAll(out, versionLine());
      return 0;
    case 'completion':
      await writeAll(out, completionScript(command.shell));
      return 0;
    case 'complete': {
      const { complete, formatCompletion } = await import('./completion/complete.ts');
      await writeAll(out, formatCompletion(await complete(command.words)));
      return 0;
    }
    case 'view': {
      const { args } = command;
      // isatty(0), not process.stdin.isTTY: the getter builds stdin's stream (and loads fs's
      // streams), which a snapshot never reads; the TUI builds it when it starts.
      if (!wantsSnapshot(args, out.isTTY === true, isatty(0))) return (await import('./tui.ts')).startTui(args);
      if (args.diff !== undefined) {
        await (await import('./diffCommand.ts')).writeDiff(args, { stdout: out });
        return 0;
      }
      const { writeSnapshot } = await import('./snapshot.ts');
      await writeSnapshot(args, {
        stdout: out,
        color: colorWanted(args.color, out),
        notice: (line) => process.stderr.write(`podview: ${line}\n`),
      });
      return 0;
    }
    case 'logs':
      return (await import('./logsEntry.ts')).runLogs(command.args);
    case 'exec':
      return (await import('./execEntry.ts')).runExec(command.args);
    case 'port-forward':
      return (await import('./portForwardEntry.ts')).runPortForward(command.args);
    case 'sim':
      return (await import('./simEntry.ts')).runSim(command.args);
  }
}
