// The install paths a user takes, run for real: the npm tarball into a fresh global prefix, and
// the krew archives checked against krew-manifest.yaml and installed the way krew does it.
// Both end with real kubectl discovering the plugin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadYaml } from '@kubernetes/client-node';
import { assertBuilt, ROOT, tempDir } from '../cli/helpers.ts';
import { inspectSeaExe } from '../../.ci/sea-pe.mjs';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const nodeDir = path.dirname(process.execPath);

function envWith(binDir: string, home: string): NodeJS.ProcessEnv {
  // Only the plugin's bin, node and the system: no dev checkout on PATH.
  return { PATH: [binDir, nodeDir, '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter), HOME: home, NO_COLOR: '1', KUBECONFIG: path.join(home, 'no-kubeconfig') };
}

function kubectl(args: string[], env: NodeJS.ProcessEnv): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('kubectl', args, { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

test('npm pack -> global install in a fresh prefix -> kubectl podview --demo --once; kubectl plugin list', { skip: hasKubectl ? false : 'kubectl is not installed' }, (t) => {
  assertBuilt();
  const dir = tempDir(t, 'podview-npm-');
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  const prefix = path.join(dir, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, tarball)], { cwd: dir, stdio: 'pipe', timeout: 240_000 });
  // The bundle holds every dependency: the install is the package alone, and small.
  const installed = path.join(prefix, 'lib', 'node_modules');
  assert.deepEqual(fs.readdirSync(installed), ['kubectl-podview'], 'no dependency is installed beside it');
  assert.ok(!fs.existsSync(path.join(installed, 'kubectl-podview', 'node_modules')), 'no dependency is installed under it');
  const bytes = Number(execFileSync('du', ['-sb', prefix], { encoding: 'utf8' }).split('\t')[0]);
  assert.ok(bytes < 10 * 1024 * 1024, `the install takes ${(bytes / 1024 / 1024).toFixed(1)} MB, under 10 MB`);
  const env = envWith(path.join(prefix, 'bin'), dir);
  for (const name of ['kubectl-podview', 'kubectl_complete-podview']) assert.ok(fs.existsSync(path.join(prefix, 'bin', name)), `${name} on PATH`);

  const demo = kubectl(['podview', '--demo', '--once'], env);
  assert.equal(demo.code, 0, demo.stderr);
  assert.match(demo.stdout, /shop\/user-msvc-/);
  assert.equal(kubectl(['podview', '--version'], env).stdout, 'kubectl-podview v0.1.0\n');

  const list = kubectl(['plugin', 'list'], env);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /kubectl-podview/);
  assert.doesNotMatch(list.stderr + list.stdout, /warning/i);
});

interface Platform {
  selector: { matchLabels: { os: string; arch: string } };
  uri: string;
  sha256: string;
  bin: string;
  files: { from: string; to: string }[];
}

function archiveEntries(file: string): string[] {
  const out = file.endsWith('.zip') ? execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }) : execFileSync('tar', ['tzf', file], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

/** sha256, LICENSE, `bin` and every `files` entry of one manifest platform against its archive. */
function checkArchive(platform: Platform, file: string): string[] {
  const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  assert.equal(platform.sha256, sha, `sha256 of ${path.basename(file)}`);
  const entries = archiveEntries(file);
  assert.ok(entries.includes('LICENSE'), 'LICENSE in every archive');
  assert.ok(entries.includes(platform.bin), `${platform.bin} in ${path.basename(file)}`);
  for (const { from } of platform.files) {
    const pattern = new RegExp(`^${from.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}$`);
    assert.ok(
      entries.some((e) => pattern.test(e)),
      `files entry ${from} matches something in ${path.basename(file)}`,
    );
  }
  return entries;
}

test('krew: the manifest matches the archives it describes, and a krew-style install runs', { skip: hasKubectl ? false : 'kubectl is not installed' }, (t) => {
  assertBuilt();
  const dir = tempDir(t, 'podview-krew-');
  const manifestFile = path.join(dir, 'krew-manifest.yaml');
  // --no-sea: the JavaScript archives only; the Windows executables are checked prebuilt below.
  execFileSync(process.execPath, [path.join(ROOT, '.ci', 'package.mjs'), '--no-sea', '--out', dir, '--manifest-out', manifestFile], { cwd: ROOT, stdio: 'pipe' });
  const manifest = loadYaml<{
    apiVersion: string;
    kind: string;
    metadata: { name: string };
    spec: { version: string; homepage: string; shortDescription: string; description: string; caveats: string; platforms: Platform[] };
  }>(fs.readFileSync(manifestFile, 'utf8'));
  assert.equal(manifest.apiVersion, 'krew.googlecontainertools.github.com/v1alpha2');
  assert.equal(manifest.kind, 'Plugin');
  assert.equal(manifest.metadata.name, 'podview');
  assert.match(manifest.spec.version, /^v\d+\.\d+\.\d+$/);
  assert.ok(manifest.spec.homepage.startsWith('https://'));
  assert.ok(manifest.spec.shortDescription.length <= 50);
  assert.ok(
    fs
      .readFileSync(manifestFile, 'utf8')
      .split('\n')
      .every((l) => l.length <= 80 || /^\s*uri:/.test(l)),
    'wrapped at 80 columns (URIs aside)',
  );
  assert.match(manifest.spec.caveats, /Node\.js >= 22\.19/);
  const platforms = manifest.spec.platforms.map((p) => `${p.selector.matchLabels.os}/${p.selector.matchLabels.arch}`).sort();
  assert.deepEqual(platforms, ['darwin/amd64', 'darwin/arm64', 'linux/amd64', 'linux/arm64', 'windows/amd64', 'windows/arm64']);

  for (const platform of manifest.spec.platforms.filter((p) => p.selector.matchLabels.os !== 'windows')) {
    checkArchive(platform, path.join(dir, path.basename(platform.uri)));
  }

  // Install linux/amd64 the way krew does: unpack, copy `files`, link `bin` into KREW_ROOT/bin.
  const linux = manifest.spec.platforms.find((p) => p.selector.matchLabels.os === 'linux' && p.selector.matchLabels.arch === 'amd64')!;
  const krewRoot = path.join(dir, 'krew');
  const unpacked = path.join(dir, 'unpacked');
  const store = path.join(krewRoot, 'store', 'podview', manifest.spec.version);
  fs.mkdirSync(unpacked, { recursive: true });
  fs.mkdirSync(store, { recursive: true });
  fs.mkdirSync(path.join(krewRoot, 'bin'), { recursive: true });
  execFileSync('tar', ['xzf', path.join(dir, path.basename(linux.uri)), '-C', unpacked]);
  for (const { from, to } of linux.files) {
    const fromDir = path.dirname(from);
    const names = from.includes('*') ? fs.readdirSync(path.join(unpacked, fromDir)) : [path.basename(from)];
    fs.mkdirSync(path.join(store, to), { recursive: true });
    for (const name of names) fs.cpSync(path.join(unpacked, fromDir, name), path.join(store, to, name), { recursive: true });
  }
  fs.symlinkSync(path.join(store, linux.bin), path.join(krewRoot, 'bin', 'kubectl-podview'));
  const env = envWith(path.join(krewRoot, 'bin'), dir);
  const version = kubectl(['podview', '--version'], env);
  assert.equal(version.code, 0, version.stderr);
  assert.equal(version.stdout, `kubectl-podview ${manifest.spec.version}\n`);
  const list = kubectl(['plugin', 'list'], env);
  assert.match(list.stdout, /kubectl-podview/);
  assert.doesNotMatch(list.stderr + list.stdout, /warning/i);
});

// The Windows archives are built only by `npm run package` (Node for Windows from the npm
// registry, about a minute); `npm test` checks the ones it left in dist/krew against the
// checked-in manifest. They cannot run here, so this reads what Windows would load.
const windowsZips = fs.existsSync(path.join(ROOT, 'dist', 'krew')) ? fs.readdirSync(path.join(ROOT, 'dist', 'krew')).filter((n) => /-windows-\w+\.zip$/.test(n)) : [];

test('krew windows: each zip holds the single executable the manifest names', { skip: windowsZips.length === 2 ? false : 'no Windows archives in dist/krew: `npm run package` builds them' }, () => {
  const manifest = loadYaml<{ spec: { platforms: Platform[] } }>(fs.readFileSync(path.join(ROOT, 'krew-manifest.yaml'), 'utf8'));
  const windows = manifest.spec.platforms.filter((p) => p.selector.matchLabels.os === 'windows');
  assert.deepEqual(windows.map((p) => p.selector.matchLabels.arch).sort(), ['amd64', 'arm64']);
  for (const platform of windows) {
    const file = path.join(ROOT, 'dist', 'krew', path.basename(platform.uri));
    const label = path.basename(file);
    // krew on Windows runs `bin` directly: it must be an .exe, not a script.
    assert.equal(platform.bin, 'kubectl-podview.exe');
    const entries = checkArchive(platform, file);
    assert.ok(entries.includes('LICENSE-node'), `Node's LICENSE ships with its binary in ${label}`);
    const exe = execFileSync('unzip', ['-p', file, platform.bin], { maxBuffer: 512 * 1024 * 1024 });
    assert.equal(exe.toString('latin1', 0, 2), 'MZ', `${label}: ${platform.bin} starts with MZ`);
    const info = inspectSeaExe(exe);
    assert.equal(info.machine, platform.selector.matchLabels.arch, `${label}: PE machine`);
    assert.ok(info.fuseFlipped, `${label}: the SEA fuse is flipped`);
    assert.ok(info.blob, `${label}: the NODE_SEA_BLOB resource is present`);
    // The blob holds our bundle (its createRequire banner), staged under a relative name.
    assert.ok(info.blob.includes('__podviewRequire'), `${label}: the blob holds dist/kubectl-podview.mjs`);
    assert.ok(info.blob.includes('kubectl-podview.mjs') && !info.blob.includes(ROOT), `${label}: no build-machine path in the blob`);
  }
});
