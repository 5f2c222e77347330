import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { mergeProbe, parseProcNet } from '../../src/model/procNet.ts';
import type { PortEntry } from '../../src/model/types.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('parses tables captured on a real machine', () => {
  const text = fixture('procNet-captured.txt');
  const sockets = parseProcNet(text);
  const rows = text.split('\n').filter((l) => /^\s*\d+:/.test(l));
  assert.equal(sockets.length, rows.length, 'every data row becomes a socket');
  const listening = sockets.filter((s) => s.listening).map((s) => `${s.address}:${s.port}`);
  assert.deepEqual(listening, ['0.0.0.0:2024', '127.0.0.1:42837', '127.0.0.1:45899', '127.0.0.1:35797']);
  assert.ok(sockets.every((s) => s.protocol === 'TCP' && s.family === 'ipv4'));
  assert.ok(
    sockets.some((s) => s.state === '01' && !s.listening),
    'established connections are kept but not listening',
  );
});

test('IPv6, v4-mapped and UDP from concatenated tables', () => {
  const sockets = parseProcNet(fixture('procNet-mixed.txt'));
  const listening = sockets.filter((s) => s.listening).map((s) => `${s.protocol} ${s.family} [${s.address}]:${s.port}`);
  assert.deepEqual(listening, [
    'TCP ipv4 [0.0.0.0]:443',
    'TCP ipv4 [127.0.0.1]:3306',
    'TCP ipv6 [::]:8080',
    'TCP ipv6 [::1]:9090',
    'TCP ipv6 [::ffff:127.0.0.1]:9091',
    'TCP ipv6 [2001:db8::1]:81',
    'UDP ipv4 [0.0.0.0]:5353',
    'UDP ipv4 [127.0.0.1]:53',
    'UDP ipv6 [::]:8081',
  ]);
  const mapped = sockets.find((s) => s.address === '::ffff:10.8.0.14');
  assert.equal(mapped?.port, 8080);
  assert.equal(mapped?.listening, false);
  assert.equal(sockets.length, 12, 'the malformed 33-digit row is skipped');
});

test('garbage is skipped, never thrown', () => {
  assert.deepEqual(parseProcNet(''), []);
  assert.deepEqual(parseProcNet(undefined), []);
  assert.deepEqual(parseProcNet('cat: /proc/net/tcp6: No such file or directory\n0: zz:zz\n'), []);
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (s) => {
      const out = parseProcNet(s);
      return Array.isArray(out) && out.every((x) => x.port >= 0 && x.port <= 0xffff);
    }),
    { numRuns: 300 },
  );
});

test('merging the probe into the declared port map, with a sidecar holding the app port', () => {
  // app and sidecar both declare 8080; only one bound it; 3306 is declared but loopback-only;
  // 9000 is declared and nobody listens; 15000 listens but nobody declared it.
  const ports: PortEntry[] = [
    { port: 3306, protocol: 'TCP', containers: ['cloudsql-proxy'], names: ['mysql'], conflict: false },
    { port: 8080, protocol: 'TCP', containers: ['app', 'envoy'], names: ['http'], conflict: true },
    { port: 9000, protocol: 'TCP', containers: ['app'], names: [], conflict: false },
    { port: 8080, protocol: 'UDP', containers: ['app'], names: [], conflict: false },
  ];
  const tables = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0',
    '   1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0',
    '   2: 00000000:3A98 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3 1 0 100 0 0 10 0',
    '   3: 00000000:2328 0100007F:0CEA 01 00000000:00000000 00:00000000 00000000     0        0 4 1 0 100 0 0 10 0',
  ].join('\n');
  const merged = mergeProbe(ports, parseProcNet(tables));
  const view = merged.map((p) => `${p.port}/${p.protocol} ${p.probe} ${p.conflict ? 'conflict' : ''} ${(p.listening ?? []).map((l) => l.address).join(',')}`.trim());
  assert.deepEqual(view, [
    '3306/TCP loopback-only  127.0.0.1',
    '8080/TCP declared-listening conflict 0.0.0.0',
    '8080/UDP declared-not-listening',
    '9000/TCP declared-not-listening',
    '15000/TCP listening-undeclared  0.0.0.0',
  ]);
  assert.deepEqual(merged.at(-1)?.containers, [], 'the container behind an undeclared port is unknown');
  assert.equal(ports[0]!.probe, undefined, 'the input is not mutated');
});
