// Runs the command line as a user runs it: its own process, its own stdout, stderr and exit
// code. The built bundle when it is newer than every source file (npm test builds first, and
// the bundle starts in a fraction of tsx's time); otherwise src/cli/main.ts through tsx, so a
// stale bundle is never what a test judges.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');
const BUNDLE = path.join(ROOT, 'dist', 'kubectl-podview.mjs');
const BIN = path.join(ROOT, 'bin', 'kubectl-podview');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  argv: string[];
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

let entry: string[] | undefined;
function entryPoint(): string[] {
  if (entry) return entry;
  const bundle = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  entry = bundle > newestSource(path.join(ROOT, 'src')) ? [BIN] : ['--import', 'tsx', MAIN];
  return entry;
}

export function runSource(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  const argv = [...entryPoint(), ...args];
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
