// The launcher run by a Node too old for the bundle re-runs itself with the bundled Node. A
// signal sent to the launcher reaches the product, and the product never outlives the launcher
// (a SIGKILL included). Driven with `sim`, which runs until signalled, on this machine's Node 20.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN, tempDir } from '../cli/helpers.ts';

const OLD_NODE = '/usr/bin/node';
const oldVersion = spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
const major = Number(/^v(\d+)/.exec(oldVersion)?.[1] ?? 0);
const skip = major === 0 ? `${OLD_NODE} is missing: no older Node to make the launcher re-exec` : major >= 22 ? `${OLD_NODE} is ${oldVersion}, new enough that the launcher does not re-exec` : false;
if (skip) console.log(`skipped: ${skip}`);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!predicate()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The launcher under the old Node with the product (its re-exec) running `sim`; both pids. */
async function startRelaunched(dir: string): Promise<{ launcher: ReturnType<typeof spawn>; child: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.dirname(OLD_NODE)}:/bin` };
  delete env.PODVIEW_LAUNCHER_REEXEC;
  const launcher = spawn(OLD_NODE, [BIN, 'sim', '--kubeconfig-out', path.join(dir, 'kubeconfig')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  launcher.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await until('the sim to start', () => out.includes('press Ctrl-C to stop'));
  const child = Number(
    spawnSync('pgrep', ['-P', String(launcher.pid)], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')[0],
  );
  assert.ok(child > 0, 'the launcher re-ran itself as a child');
  return { launcher, child };
}

test('kill -INT to the launcher stops the product and the launcher', { skip }, async (t) => {
  const dir = tempDir(t, 'podview-launcher-');
  const { launcher, child } = await startRelaunched(dir);
  t.after(() => alive(child) && process.kill(child, 'SIGKILL'));
  const exited = new Promise<number | null>((resolve) => launcher.on('exit', (code) => resolve(code)));
  launcher.kill('SIGINT');
  await until('the product to stop', () => !alive(child));
  await exited;
});

test('kill -9 to the launcher does not leave the product orphaned', { skip }, async (t) => {
  const dir = tempDir(t, 'podview-launcher-');
  const { launcher, child } = await startRelaunched(dir);
  t.after(() => alive(child) && process.kill(child, 'SIGKILL'));
  launcher.kill('SIGKILL');
  await until('the orphaned product to leave', () => !alive(child));
});
