// Runs one exec'd command inside its container's namespace sandbox (bwrap or unshare) and reports its
// output and exit code; TTY sessions run the pty helper inside the sandbox, so the shell's
// controlling terminal is in there with it.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { ttyArgv } from './ptyHelper.ts';
import type { ContainerPlan } from './containerPlan.ts';
import { sandboxCommand } from './sandbox.ts';

export interface RunOptions {
  argv: string[];
  /** The sandbox tool and the container it builds. */
  sandbox: { tool: { tool: 'bwrap' | 'unshare'; path: string }; plan: ContainerPlan };
  env: NodeJS.ProcessEnv;
  stdin: boolean;
  tty: boolean;
  size?: { width: number; height: number };
  onOutput(channel: 1 | 2, data: Buffer): void;
  /** Exit code (128+signal when killed), or 'not-found' when argv[0] does not exist. */
  onExit(result: number | 'not-found'): void;
}

export interface RunningProcess {
  writeStdin(data: Buffer): void;
  endStdin(): void;
  resize(width: number, height: number): void;
  /** Ends the process and everything it started (the session's socket went away). */
  kill(): void;
  pause(): void;
  resume(): void;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGPIPE: 13, SIGTERM: 15 };

export function runProcess(options: RunOptions): RunningProcess {
  const { argv, tty } = options;
  const inner = tty ? ttyArgv(argv, options.size?.height ?? 0, options.size?.width ?? 0) : { file: argv[0] ?? '', args: argv.slice(1), resizable: false };
  const { tool, plan } = options.sandbox;
  const launch = { ...sandboxCommand(tool, plan, [inner.file, ...inner.args]), resizable: inner.resizable };
  const child: ChildProcess = spawn(launch.file, launch.args, {
    cwd: plan.root,
    env: options.env,
    stdio: [options.stdin || tty ? 'pipe' : 'ignore', 'pipe', 'pipe', ...(launch.resizable ? (['pipe'] as const) : [])],
    detached: true,
  });
  let finished = false;
  const finish = (result: number | 'not-found'): void => {
    if (finished) return;
    finished = true;
    options.onExit(result);
  };
  child.stdout?.on('data', (chunk: Buffer) => options.onOutput(1, chunk));
  child.stderr?.on('data', (chunk: Buffer) => options.onOutput(tty ? 1 : 2, chunk));
  child.stdin?.on('error', () => {}); // the command may exit before reading its stdin
  child.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ENOENT' ? 'not-found' : 126));
  child.on('close', (code, signal) => finish(code ?? 128 + (signal ? (SIGNALS[signal] ?? 1) : 1)));
  const control = launch.resizable ? (child.stdio[3] as Writable | null) : null;
  control?.on('error', () => {});
  return {
    writeStdin: (data) => {
      if (child.stdin && !child.stdin.writableEnded) child.stdin.write(data);
    },
    endStdin: () => child.stdin?.end(),
    resize: (width, height) => {
      if (control && !control.writableEnded && width > 0 && height > 0) control.write(`${height} ${width}\n`);
    },
    kill: () => {
      if (finished || child.pid === undefined) return;
      try {
        process.kill(-child.pid, tty ? 'SIGTERM' : 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    },
    pause: () => child.stdout?.pause(),
    resume: () => child.stdout?.resume(),
  };
}
