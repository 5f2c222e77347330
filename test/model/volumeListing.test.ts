import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatBytes, largestFirst, parseVolumeListing, sizeLimitFinding } from '../../src/model/volumeListing.ts';
import { sanitize } from '../../src/text/sanitize.ts';

// Nothing left for sanitize to take out: no control sequence, no character that could act on a terminal.
const hasControls = (text: string): boolean => sanitize(text) !== text;

const rec = (size: number, seconds: number, mode: string, name: string) => `${size} ${seconds} ${mode} ./${name}\n\0`;
const FILE = '81a4';
const DIR = '41ed';
const LINK = 'a1ff';

test('stat records become files, largest first, directories sized by the files below them', () => {
  const out = `du 20\n\0${rec(4096, 1700000000, DIR, 'sub')}${rec(5000, 1700000100, FILE, 'sub/big')}${rec(6, 1700000200, FILE, 'a.txt')}${rec(11, 1700000300, LINK, 'link')}${rec(100, 1, FILE, 'sub/deeper/x')}`;
  const parsed = parseVolumeListing(out, { mountPath: '/var/log/', namesOnly: false });
  assert.equal(parsed.usedBytes, 20 * 1024);
  assert.equal(parsed.truncated, false);
  assert.equal(parsed.unreadable, 0);
  const sorted = largestFirst(parsed.files);
  assert.deepEqual(
    sorted.map((f) => [f.path, f.kind, f.sizeBytes, f.modifiedMs]),
    [
      ['/var/log/sub', 'dir', 5100, 1700000000000],
      ['/var/log/sub/big', 'file', 5000, 1700000100000],
      ['/var/log/sub/deeper/x', 'file', 100, 1000],
      ['/var/log/link', 'link', 11, 1700000300000],
      ['/var/log/a.txt', 'file', 6, 1700000200000],
    ],
  );
});

test('hostile names: a line break cannot forge a record, escapes become visible placeholders', () => {
  const forged = 'we\n999999 1 81a4 ./forged';
  const out = rec(1, 1, FILE, forged) + rec(2, 2, FILE, '\u001b]52;c;Y3VybA==\u0007x') + rec(3, 3, FILE, '\u001b[2Jclear\rme');
  const files = parseVolumeListing(out, { mountPath: '/data', namesOnly: false }).files;
  assert.equal(files.length, 3);
  assert.equal(
    files.some((f) => f.sizeBytes === 999999),
    false,
  );
  assert.equal(files[0]!.relativePath, 'we\ufffd999999 1 81a4 ./forged');
  for (const f of files) assert.equal(hasControls(f.path), false, JSON.stringify(f.path));
  assert.equal(files[2]!.relativePath, '\ufffdclear\ufffdme');
});

test('a cut-off last record marks the listing partial; a broken record is counted, not shown', () => {
  const out = `${rec(1, 1, FILE, 'a')}garbage line\n\0du \n\x005 5 81a4 ./half`;
  const parsed = parseVolumeListing(out, { mountPath: '/m', namesOnly: false });
  assert.deepEqual(
    parsed.files.map((f) => f.path),
    ['/m/a'],
  );
  assert.equal(parsed.unreadable, 1);
  assert.equal(parsed.truncated, true);
  assert.equal(parsed.usedBytes, undefined);
});

test('names only: no kind, size or time, even if the output carried stat fields', () => {
  const out = `./password\n\0./..data\n\0${rec(6, 1, FILE, 'token')}`;
  const files = parseVolumeListing(out, { mountPath: '/etc/secret', namesOnly: true }).files;
  assert.deepEqual(
    files.map((f) => f.path),
    ['/etc/secret/password', '/etc/secret/..data'],
  );
  for (const f of files) assert.deepEqual(Object.keys(f).sort(), ['path', 'relativePath']);
});

test('sizeLimit: a warning from 80 %, an error at the limit, nothing below or without a limit', () => {
  const mi = 1 << 20;
  assert.equal(sizeLimitFinding('cache', 79 * mi, '100Mi'), undefined);
  const near = sizeLimitFinding('cache', 80 * mi, '100Mi');
  assert.equal(near?.code, 'VolumeNearSizeLimit');
  assert.equal(near?.severity, 'warning');
  assert.equal(near?.message, 'emptyDir cache is near its sizeLimit: 80 MiB of 100Mi in use (80 %)');
  assert.equal(sizeLimitFinding('cache', 101 * mi, '100Mi')?.code, 'VolumeOverSizeLimit');
  assert.equal(sizeLimitFinding('cache', 101 * mi, undefined), undefined);
  assert.equal(sizeLimitFinding('cache', undefined, '1Gi'), undefined);
  assert.equal(sizeLimitFinding('cache', 1, 'nonsense'), undefined);
  assert.deepEqual([formatBytes(0), formatBytes(512), formatBytes(1536), formatBytes(20 * mi)], ['0 B', '512 B', '1.5 KiB', '20 MiB']);
});

// A name as a file system allows it: anything but NUL and "/" inside one component.
const component = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter((s) => !s.includes('\0') && !s.includes('/') && s !== '.' && s !== '..');
const entry = fc.record({ parts: fc.array(component, { minLength: 1, maxLength: 3 }), size: fc.nat(), seconds: fc.nat(), dir: fc.boolean() });

test('property: every record written comes back once, sanitized, in the largest-first order', () => {
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 20 }), fc.option(fc.nat()), (entries, du) => {
      const out = (du === null ? '' : `du ${du}\n\0`) + entries.map((e) => rec(e.size, e.seconds, e.dir ? DIR : FILE, e.parts.join('/'))).join('');
      const parsed = parseVolumeListing(out, { mountPath: '/v', namesOnly: false });
      assert.equal(parsed.files.length, entries.length);
      assert.equal(parsed.unreadable, 0);
      assert.equal(parsed.truncated, false);
      assert.equal(parsed.usedBytes, du === null ? undefined : du * 1024);
      for (const f of parsed.files) assert.equal(hasControls(f.path), false);
      const expected = entries
        .filter((e) => !e.dir)
        .map((e) => e.size)
        .sort((a, b) => b - a);
      const files = largestFirst(parsed.files)
        .filter((f) => f.kind === 'file')
        .map((f) => f.sizeBytes);
      assert.deepEqual(files, expected);
      const names = entries.map((e) => `/v/${sanitize(e.parts.join('/').replace(/[\n\r\u000b\u000c]/g, '\u0007'))}`).sort();
      assert.deepEqual(parsed.files.map((f) => f.path).sort(), names);
    }),
    { numRuns: 300 },
  );
});

test('property: arbitrary output never throws and never yields a name with a control sequence', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (out, namesOnly) => {
      const parsed = parseVolumeListing(out, { mountPath: '/v\u001b[1m', namesOnly });
      for (const f of parsed.files) assert.equal(hasControls(f.path), false);
    }),
    { numRuns: 300 },
  );
});
