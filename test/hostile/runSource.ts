// Runs the command line from source (src/cli/main.ts through tsx) as a user runs the binary:
// its own process, its own stdout, stderr and exit code. No build needed.
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  argv: string[];
}

export function runSource(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  const argv = ['--import', 'tsx', MAIN, ...args];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      argv,
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', PODVIEW_DEBUG: '', ...options.env }, timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr), argv });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}
