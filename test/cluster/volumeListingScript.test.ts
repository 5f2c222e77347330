// The listing command itself, run by the shells and tools images really have: dash with GNU
// coreutils (Debian, Ubuntu) and busybox alone (alpine, distroless-debug). Hostile names are
// made on disk, listed, and parsed back by the model.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listingCommand } from '../../src/model/volumeListingPlan.ts';
import { largestFirst, parseVolumeListing } from '../../src/model/volumeListing.ts';

const BUSYBOX = '/bin/busybox';

/** false when busybox is (now) installed, else why not: a fresh CI machine gets Debian's package. */
function ensureBusybox(): string | false {
  if (existsSync(BUSYBOX)) return false;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'busybox is not installed and this is not root on Linux to apt-get it';
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 300_000 }).status === 0;
  if (!apt(['-y', '-qq', 'install', 'busybox'])) apt(['-qq', 'update']) && apt(['-y', '-qq', 'install', 'busybox']);
  return existsSync(BUSYBOX) ? false : 'busybox is not installed and apt-get could not install it';
}

let dir: string;
let busyboxBin: string;
const busyboxMissing = ensureBusybox();
const HOSTILE = ['line\nbreak', '\u001b[2Jclear', 'tab\there', 'sp ace', '-n', '\u001b]52;c;eA==\u0007osc'];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'podview-listing-'));
  const volume = join(dir, 'volume');
  mkdirSync(join(volume, 'sub', 'deeper'), { recursive: true });
  writeFileSync(join(volume, 'sub', 'big.log'), 'x'.repeat(50_000));
  writeFileSync(join(volume, 'sub', 'deeper', 'small'), 'y');
  writeFileSync(join(volume, 'empty'), '');
  for (const name of HOSTILE) writeFileSync(join(volume, name), 'z'.repeat(10));
  symlinkSync('/etc/passwd', join(volume, 'passwd-link'));
  utimesSync(join(volume, 'empty'), 1_700_000_000, 1_700_000_000);
  // A directory of busybox applets and nothing else: the image that has only busybox.
  busyboxBin = join(dir, 'bin');
  mkdirSync(busyboxBin);
  if (!busyboxMissing) for (const applet of ['sh', 'du', 'cut', 'find', 'stat', 'printf']) symlinkSync(BUSYBOX, join(busyboxBin, applet));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function run(namesOnly: boolean, path: string[]): { stdout: string; stderr: string; status: number | null } {
  const [file, ...args] = listingCommand(join(dir, 'volume'), namesOnly);
  const r = spawnSync(file!, args, { env: { PATH: path.join(':') }, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

for (const [label, path, skip] of [
  ['dash and coreutils', ['/usr/bin', '/bin'], false],
  ['busybox alone', [] as string[], busyboxMissing],
] as const) {
  test(`${label}: every file once, largest first, sizes and times, links not followed, hostile names parsed`, { skip }, () => {
    const r = run(false, label === 'busybox alone' ? [busyboxBin] : [...path]);
    assert.equal(r.status, 0, r.stderr);
    const parsed = parseVolumeListing(r.stdout, { mountPath: '/data', namesOnly: false });
    assert.equal(parsed.unreadable, 0);
    assert.equal(parsed.truncated, false);
    assert.ok(parsed.usedBytes !== undefined && parsed.usedBytes >= 50_000, `du total ${parsed.usedBytes}`);
    const files = largestFirst(parsed.files);
    assert.equal(files.length, 5 + HOSTILE.length + 1);
    assert.deepEqual(
      files.slice(0, 2).map((f) => [f.path, f.kind, f.sizeBytes]),
      [
        ['/data/sub', 'dir', 50_001],
        ['/data/sub/big.log', 'file', 50_000],
      ],
    );
    const byPath = new Map(files.map((f) => [f.path, f]));
    assert.equal(byPath.get('/data/passwd-link')?.kind, 'link');
    assert.equal(byPath.get('/data/passwd-link')?.sizeBytes, '/etc/passwd'.length, 'the link itself, not what it points at');
    assert.equal(byPath.get('/data/empty')?.modifiedMs, 1_700_000_000_000);
    for (const shown of ['/data/line\ufffdbreak', '/data/\ufffdclear', '/data/tab\there', '/data/sp ace', '/data/-n', '/data/\ufffdosc']) {
      assert.equal(byPath.get(shown)?.sizeBytes, 10, `${JSON.stringify(shown)} in ${JSON.stringify([...byPath.keys()])}`);
    }
  });

  test(`${label}: names only lists every name and prints no size or time`, { skip }, () => {
    const r = run(true, label === 'busybox alone' ? [busyboxBin] : [...path]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /50000|zzzz/);
    const parsed = parseVolumeListing(r.stdout, { mountPath: '/s', namesOnly: true });
    assert.equal(parsed.files.length, 5 + HOSTILE.length + 1);
    assert.ok(parsed.files.some((f) => f.path === '/s/line\ufffdbreak'));
  });
}

test('a path that is not there: exit code 3 and nothing listed', () => {
  const [file, ...args] = listingCommand(join(dir, 'nowhere'), false);
  const r = spawnSync(file!, args, { encoding: 'utf8' });
  assert.equal(r.status, 3);
  assert.equal(parseVolumeListing(r.stdout, { mountPath: '/x', namesOnly: false }).files.length, 0);
});
