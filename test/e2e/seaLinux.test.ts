// The Windows krew archives are Node single executable applications that cannot run on this
// machine. `npm run package` also builds the same bundle, with the same settings, as a linux-x64
// single executable (dist/sea/, never shipped); running a copy of it alone in a directory,
// through kubectl's plugin discovery, is the proof that the approach works at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../cli/helpers.ts';

const SEA = path.join(ROOT, 'dist', 'sea', 'kubectl-podview-linux-x64');
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const kubectlDir = hasKubectl ? path.dirname(spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim()) : '';

function skipReason(): string | false {
  if (!hasKubectl) return 'kubectl is not installed';
  if (!fs.existsSync(SEA)) return 'no dist/sea/kubectl-podview-linux-x64: `npm run package` builds it';
  return false;
}

test('linux SEA: the single executable, alone in a directory, runs as a kubectl plugin', { skip: skipReason() }, (t) => {
  const dir = tempDir(t, 'podview-sea-');
  const binDir = path.join(dir, 'bin');
  fs.mkdirSync(binDir);
  // A copy, not a link: nothing of the checkout (launcher, dist/, node_modules) is beside it.
  fs.copyFileSync(SEA, path.join(binDir, 'kubectl-podview'));
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
