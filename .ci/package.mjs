// npm run package: builds the krew archives into dist/krew/ and writes their sha256 values
// into krew-manifest.yaml. Minimal deterministic tar.gz and zip writers are inlined so that no
// system tool is needed and the same input gives the same bytes on every machine.
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { SEA_TARGETS, windowsEntries, linuxSmokeCheck } from './sea.mjs';

const FIXED_MTIME = Date.UTC(2024, 0, 1) / 1000;

function octal(value, length) {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

function tarHeader(name, size, mode) {
  const header = Buffer.alloc(512);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`);
  header.write(name, 0);
  header.write(octal(mode, 8), 100);
  header.write(octal(0, 8), 108);
  header.write(octal(0, 8), 116);
  header.write(octal(size, 12), 124);
  header.write(octal(FIXED_MTIME, 12), 136);
  header.write('        ', 148); // checksum is computed with its own field as spaces
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.write('root', 265);
  header.write('root', 297);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${octal(sum, 7)} `, 148);
  return header;
}

/** entries: [{ name, data: Buffer, mode }] -> gzipped ustar archive. */
function tarGz(entries) {
  const parts = [];
  for (const { name, data, mode } of entries) {
    parts.push(tarHeader(name, data.length, mode), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(parts), { level: 9 });
}

// DOS date/time of 2024-01-01 00:00.
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

/** entries: [{ name, data: Buffer, mode }] -> zip archive (deflate), unix modes kept. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, mode } of entries) {
    const nameBuf = Buffer.from(name);
    const compressed = zlib.deflateRawSync(data, { level: 9 });
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by unix, so the mode below counts
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// ---------------------------------------------------------------------------------------------
// The krew archives: the bundled JavaScript plus the launcher for linux and darwin; for windows
// a single executable application (.ci/sea.mjs), since krew there needs a real .exe.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const version = `v${pkg.version}`;
// Tests build into a temporary place: --out DIR --manifest-out FILE (defaults: dist/krew, in place).
// --no-sea builds the JavaScript archives only (no registry, seconds not a minute): the windows
// entries of the manifest then keep the sha256 of the .zip files the last full run wrote.
const noSea = process.argv.includes('--no-sea');
function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
}
const outDir = flag('--out', path.join(root, 'dist', 'krew'));
const manifestPath = path.join(root, 'krew-manifest.yaml');
const manifestOut = flag('--manifest-out', manifestPath);

export const PLATFORMS = [
  ['linux', 'amd64'],
  ['linux', 'arm64'],
  ['darwin', 'amd64'],
  ['darwin', 'arm64'],
  ['windows', 'amd64'],
  ['windows', 'arm64'],
];

export function archiveName(os, arch) {
  return `kubectl-podview-${version}-${os}-${arch}.${os === 'windows' ? 'zip' : 'tar.gz'}`;
}

const bundle = path.join(root, 'dist', 'kubectl-podview.mjs');
// The single executables embed the whole program as one module (see .ci/build.mjs).
const singleBundle = path.join(root, 'dist', 'single', 'kubectl-podview.mjs');
const chunkDir = path.join(root, 'dist', 'chunks');
// Registry tarballs and the linux Node that writes each blob: kept between runs, never shipped.
const seaCache = path.join(root, 'node_modules', '.cache', 'podview-sea');

function entriesFor(os, arch) {
  const read = (rel) => fs.readFileSync(path.join(root, rel));
  if (!fs.existsSync(bundle)) throw new Error('dist/kubectl-podview.mjs is missing: run `npm run build` first');
  if (os === 'windows') {
    const target = SEA_TARGETS.find((t) => t.os === os && t.arch === arch);
    return windowsEntries({ root, target, bundlePath: singleBundle, licenseData: read('LICENSE'), cacheDir: seaCache });
  }
  const entries = [
    { name: 'LICENSE', data: read('LICENSE'), mode: 0o644 },
    { name: 'bin/kubectl-podview', data: read('bin/kubectl-podview'), mode: 0o755 },
    { name: 'bin/kubectl_complete-podview', data: read('bin/kubectl_complete-podview'), mode: 0o755 },
    // The launcher imports ../dist/kubectl-podview.mjs; package.json gives it "type": "module".
    { name: 'package.json', data: Buffer.from(`${JSON.stringify({ name: pkg.name, version: pkg.version, type: 'module', license: pkg.license }, null, 2)}\n`), mode: 0o644 },
    { name: 'dist/kubectl-podview.mjs', data: fs.readFileSync(bundle), mode: 0o644 },
    ...fs
      .readdirSync(chunkDir)
      .sort()
      .map((file) => ({ name: `dist/chunks/${file}`, data: fs.readFileSync(path.join(chunkDir, file)), mode: 0o644 })),
  ];
  return entries;
}

/** Replaces the sha256 that follows each archive's uri in the manifest, and the version. */
export function rewriteManifest(text, shas) {
  let out = text.replace(/^(\s*version:\s*)"?v[^"\s]*"?/m, `$1${version}`);
  for (const [name, sha] of shas) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(uri:\\s*\\S*/${escaped}\\s*\\n\\s*sha256:\\s*)"?[0-9a-f]*"?`);
    if (!pattern.test(out)) throw new Error(`krew-manifest.yaml has no uri for ${name}`);
    out = out.replace(pattern, `$1"${sha}"`);
  }
  return out;
}

function main() {
  const started = Date.now();
  if (!noSea) fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  if (!noSea) {
    // Before any .exe: the same bundle as a SEA on this machine must run at all.
    const smoke = path.join(root, 'dist', 'sea', 'kubectl-podview-linux-x64');
    console.log(`linux-x64 SEA smoke check: ${linuxSmokeCheck({ root, bundlePath: singleBundle, output: smoke })} (${path.relative(root, smoke)})`);
  }
  const shas = [];
  for (const [os, arch] of PLATFORMS) {
    if (noSea && os === 'windows') continue;
    const name = archiveName(os, arch);
    const entries = entriesFor(os, arch);
    const bytes = os === 'windows' ? zip(entries) : tarGz(entries);
    fs.writeFileSync(path.join(outDir, name), bytes);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    shas.push([name, sha]);
    console.log(`${sha}  ${path.join(path.relative(root, outDir), name)}`);
  }
  fs.writeFileSync(manifestOut, rewriteManifest(fs.readFileSync(manifestPath, 'utf8'), shas));
  console.log(`${path.relative(root, manifestOut)}: sha256 updated for ${shas.length} archives (${version}) in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
