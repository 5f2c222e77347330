// Runs the BUILT binary (npm run build first: `npm test` does) the way a user does.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'kubectl-podview');
export const COMPLETE_BIN = path.join(ROOT, 'bin', 'kubectl_complete-podview');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'kubectl-podview.mjs'))) throw new Error('dist/kubectl-podview.mjs is missing: run `npm run build` first');
}

export function runBin(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; bin?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  assertBuilt();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [options.bin ?? BIN, ...args],
      { env: { ...process.env, NO_COLOR: '1', ...options.env }, timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

export function tempDir(t: { after(fn: () => void): void }, prefix = 'podview-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
