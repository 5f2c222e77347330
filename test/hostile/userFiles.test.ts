// Nothing of the user's is lost: every file podview writes is a new file (O_EXCL, mode 0600),
// an existing path or a symbolic link is refused or stepped past, and the compile cache lives
// in a 0700 directory of the user's own, never reached through a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { writeKubeconfigFile } from '../../src/sim/kubeconfig.ts';
import { writeNewFileIn } from '../../src/cli/services.ts';
import { BIN, runBin, tempDir } from '../cli/helpers.ts';

const INPUT = { url: 'https://127.0.0.1:1', token: 'sim-token' };

function assertRefused(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(result.code, 1, result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line: ${result.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.equal(result.stdout, '', 'nothing started');
}

test('sim --kubeconfig-out refuses an existing file and leaves it as it was', async (t) => {
  const dir = tempDir(t, 'podview-files-');
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, 'the user clusters\n', { mode: 0o644 });
  assertRefused(await runBin(['sim', '--kubeconfig-out', file]), /^error: --kubeconfig-out .*config: already exists; refusing to overwrite it \(name a new file, or add --force to replace it\)$/);
  assert.equal(fs.readFileSync(file, 'utf8'), 'the user clusters\n');
});

test('sim --kubeconfig-out never writes through a symbolic link, not even with --force', async (t) => {
  const dir = tempDir(t, 'podview-files-');
  const target = path.join(dir, 'target');
  fs.writeFileSync(target, 'precious\n');
  const link = path.join(dir, 'link');
  fs.symlinkSync(target, link);
  const dangling = path.join(dir, 'dangling');
  fs.symlinkSync(path.join(dir, 'nowhere'), dangling);
  for (const args of [
    ['--kubeconfig-out', link],
    ['--kubeconfig-out', link, '--force'],
    ['--kubeconfig-out', dangling, '--force'],
  ]) {
    assertRefused(await runBin(['sim', ...args]), /: is a symbolic link; refusing to write through it \(name a new file\)$/);
  }
  assert.equal(fs.readFileSync(target, 'utf8'), 'precious\n');
  assert.equal(fs.existsSync(path.join(dir, 'nowhere')), false);
});

test('the kubeconfig file is created new with mode 0600, O_EXCL', (t) => {
  const dir = tempDir(t, 'podview-files-');
  const file = path.join(dir, 'fresh');
  writeKubeconfigFile(file, INPUT);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  assert.throws(() => writeKubeconfigFile(file, INPUT), { code: 'EEXIST' }, 'a second write is refused');
  const link = path.join(dir, 'link');
  fs.symlinkSync(path.join(dir, 'elsewhere'), link);
  assert.throws(() => writeKubeconfigFile(link, INPUT), { code: 'EEXIST' });
  assert.equal(fs.existsSync(path.join(dir, 'elsewhere')), false, 'no file through a dangling link');
});

test('--force replaces a regular file (mode 0600 after) and refuses a link', (t) => {
  const dir = tempDir(t, 'podview-files-');
  const file = path.join(dir, 'old');
  fs.writeFileSync(file, 'old\n', { mode: 0o644 });
  writeKubeconfigFile(file, INPUT, { replace: true });
  assert.match(fs.readFileSync(file, 'utf8'), /sim-token/);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'the token is not world-readable');
  const target = path.join(dir, 'target');
  fs.writeFileSync(target, 'precious\n');
  fs.symlinkSync(target, path.join(dir, 'link'));
  assert.throws(() => writeKubeconfigFile(path.join(dir, 'link'), INPUT, { replace: true }), /not a regular file/);
  assert.equal(fs.readFileSync(target, 'utf8'), 'precious\n');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['link', 'old', 'target']);
});

test('a saved log steps past an existing file and a dangling link to the next free name', async (t) => {
  const dir = tempDir(t, 'podview-files-');
  fs.writeFileSync(path.join(dir, 'web.log'), 'earlier save\n');
  fs.symlinkSync(path.join(dir, 'planted'), path.join(dir, 'web-1.log'));
  const first = await writeNewFileIn(dir, 'web.log', 'one\n');
  const second = await writeNewFileIn(dir, 'web.log', 'two\n');
  assert.equal(path.basename(first), 'web-2.log');
  assert.equal(path.basename(second), 'web-3.log');
  assert.equal(fs.readFileSync(first, 'utf8'), 'one\n');
  assert.equal(fs.statSync(first).mode & 0o777, 0o600);
  assert.equal(fs.readFileSync(path.join(dir, 'web.log'), 'utf8'), 'earlier save\n');
  assert.equal(fs.existsSync(path.join(dir, 'planted')), false, 'nothing written through the link');
});

test('the compile cache directory is created 0700 and never used through a link', async (t) => {
  const dir = tempDir(t, 'podview-files-');
  const fresh = path.join(dir, 'fresh-cache');
  const env = { XDG_CACHE_HOME: fresh, NODE_COMPILE_CACHE: '', NODE_DISABLE_COMPILE_CACHE: '' };
  const run = (cache: string) => runBin(['--version'], { env: { ...env, XDG_CACHE_HOME: cache }, bin: BIN });
  assert.equal((await run(fresh)).code, 0);
  for (const sub of ['kubectl-podview', 'kubectl-podview/compile-cache']) assert.equal(fs.statSync(path.join(fresh, sub)).mode & 0o777, 0o700, sub);
  const planted = path.join(dir, 'planted');
  fs.mkdirSync(planted);
  const linked = path.join(dir, 'linked-cache');
  fs.mkdirSync(linked);
  fs.symlinkSync(planted, path.join(linked, 'kubectl-podview'));
  assert.equal((await run(linked)).code, 0);
  assert.deepEqual(fs.readdirSync(planted), [], 'nothing written through the link');
});

test('sim without --kubeconfig-out writes a new 0600 file in a fresh 0700 directory', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [BIN, 'sim'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 30_000;
  while (!/kubeconfig written to (\S+)/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const file = /kubeconfig written to (\S+)/.exec(out)?.[1];
  try {
    assert.ok(file, `the path is printed: ${out}`);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);
    assert.equal(fs.statSync(path.dirname(file)).uid, process.getuid?.());
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.on('exit', r));
    if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
