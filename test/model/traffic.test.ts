// The Pod's netstat from crafted /proc/net tables and fd listings: loopback connections with
// both ends' owners, UDP listeners, peers outside the Pod, and a connection nobody listens for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConnections, trafficFindings, trafficLine, trafficMap } from '../../src/model/traffic.ts';
import { parseFdSocketInodes } from '../../src/model/portOwners.ts';
import { renderProcFd, renderProcNet } from '../../src/sim/scenario/procNet.ts';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import type { SocketSpec } from '../../src/sim/scenario/types.ts';
import type { PortEntry } from '../../src/model/types.ts';

const TCP_HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const UDP_HEADER = '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops';
const row = (sl: number, local: string, remote: string, state: string, inode: number): string =>
  `${String(sl).padStart(4)}: ${local} ${remote} ${state} 00000000:00000000 00:00000000 00000000  1000        0 ${inode} 1 0000000000000000 20 4 30 10 -1`;

// 127.0.0.1 is 0100007F; 10.20.0.5 is 0500140A; ports in hex.
const TABLES = [
  TCP_HEADER,
  row(0, '0100007F:0CEA', '00000000:0000', '0A', 100), // 127.0.0.1:3306 LISTEN (db proxy)
  row(1, '0100007F:B8DA', '0100007F:0CEA', '01', 201), // app :47322 -> :3306
  row(2, '0100007F:0CEA', '0100007F:B8DA', '01', 101), // proxy's accepted end
  row(3, '0100007F:B8E2', '0100007F:0CEA', '01', 202), // app :47330 -> :3306
  row(4, '0100007F:0CEA', '0100007F:B8E2', '01', 102),
  row(5, '0100007F:C000', '0100007F:2328', '01', 203), // app -> :9000, where nothing listens
  row(6, '1701F40A:CA80', '0500140A:0CEB', '01', 103), // proxy -> 10.20.0.5:3307
  UDP_HEADER,
  row(7, '0100007F:1FBD', '00000000:0000', '07', 300), // 127.0.0.1:8125/udp (agent)
  row(8, '0100007F:9844', '0100007F:1FBD', '01', 204), // app's connected statsd socket
].join('\n');

const fdList = (inodes: number[]): string => `/proc/1/fd:\n${inodes.map((n, i) => `lrwx------ 1 root root 64 Dec  4 05:00 ${i + 3} -> socket:[${n}]`).join('\n')}\n`;
const FDS = {
  app: parseFdSocketInodes(fdList([201, 202, 203, 204])),
  proxy: parseFdSocketInodes(fdList([100, 101, 102, 103])),
  agent: parseFdSocketInodes(fdList([300])),
};

test('loopback connections are counted once, from the client, with both owners; outside peers per container', () => {
  const lines = trafficMap(parseConnections(TABLES), FDS).map(trafficLine);
  assert.deepEqual(lines, [
    'app → 127.0.0.1:3306 proxy (2 connections)',
    'app → 127.0.0.1:8125/udp agent',
    'app → 127.0.0.1:9000 — nothing listens (1 connection)',
    'agent ← 127.0.0.1:8125/udp',
    'proxy → 10.20.0.5:3307 (1 connection)',
  ]);
});

test('a connection to a loopback port nobody listens on is a finding', () => {
  assert.deepEqual(trafficFindings(trafficMap(parseConnections(TABLES), FDS)), [
    { severity: 'warning', code: 'ConnectionToClosedPort', container: 'app', message: 'app has 1 connection to 127.0.0.1:9000 where nothing listens' },
  ]);
});

test('an unread container: its sockets are "owner unknown", a declared listener still names its container', () => {
  const declared: PortEntry[] = [{ port: 3306, protocol: 'TCP', containers: ['proxy'], names: [], conflict: false }];
  const lines = trafficMap(parseConnections(TABLES), { app: FDS.app, proxy: undefined, agent: FDS.agent }, declared).map(trafficLine);
  assert.ok(lines.includes('app → 127.0.0.1:3306 proxy (declared; owner unread) (2 connections)'), lines.join('\n'));
  // An outbound connection whose owner is unknown is left out.
  assert.ok(!lines.some((l) => l.includes('10.20.0.5')), lines.join('\n'));
});

test("the demo user-msvc Pod: the app's four database connections, statsd, the proxy's and agent's peers", () => {
  const scenario = demoScenario(Date.now());
  const [, runtime] = [...scenario.runtime].find(([k]) => k.startsWith('shop/user-msvc-'))!;
  const sockets: SocketSpec[] = runtime.sockets;
  const tables = Object.values(renderProcNet(sockets)).join('');
  // cloudsql-proxy is distroless: its fds cannot be read.
  const fds = { 'user-msvc': parseFdSocketInodes(renderProcFd(sockets, 'user-msvc')), 'cloudsql-proxy': undefined, 'datadog-agent': parseFdSocketInodes(renderProcFd(sockets, 'datadog-agent')) };
  const declared: PortEntry[] = [{ port: 3306, protocol: 'TCP', containers: ['cloudsql-proxy'], names: [], conflict: false }];
  const lines = trafficMap(parseConnections(tables), fds, declared).map(trafficLine);
  assert.ok(lines.includes('user-msvc → 127.0.0.1:3306 cloudsql-proxy (declared; owner unread) (4 connections)'), lines.join('\n'));
  assert.ok(lines.includes('user-msvc → 127.0.0.1:8125/udp datadog-agent'), lines.join('\n'));
  assert.ok(lines.includes('datadog-agent ← 127.0.0.1:8125/udp'), lines.join('\n'));
  assert.ok(lines.includes('datadog-agent → 34.149.66.137:443 (1 connection)'), lines.join('\n'));
  assert.ok(lines.includes('user-msvc ← ::ffff:10.244.0.1 on :443 (1 connection)'), lines.join('\n'));
});

test('parseConnections decodes both ends; IPv6 in four little-endian words', () => {
  const v6 = `${TCP_HEADER}\n   0: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:D431 01 00000000:00000000 00:00000000 00000000     0        0 55 1 0 20 4 30 10 -1\n`;
  assert.deepEqual(parseConnections(v6), [{ protocol: 'TCP', local: { address: '::1', port: 8080 }, remote: { address: '::1', port: 54321 }, state: '01', inode: 55 }]);
});

test('hostile or malformed input never throws and yields only well-formed rows', () => {
  const hexDigits = fc.constantFrom(...'0123456789ABCDEFabcdefxyz: \t\u001b'.split(''));
  const hostileLine = fc.oneof(
    fc.string(),
    fc.array(hexDigits, { maxLength: 120 }).map((a) => `  0: ${a.join('')}`),
    fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom('01', '0A', '07', 'ZZ'), fc.string({ maxLength: 20 }))
      .map(([a, p, st, tail]) => `  1: ${a.toString(16).padStart(8, '0')}:${p.toString(16).padStart(4, '0')} 0100007F:0050 ${st} ${tail}`),
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(hostileLine, fc.constant(TCP_HEADER), fc.constant(UDP_HEADER)), { maxLength: 30 }), (lines) => {
      const rows = parseConnections(lines.join('\n'));
      for (const r of rows) {
        assert.ok(r.local.port >= 0 && r.local.port <= 0xffff && r.remote.port >= 0 && r.remote.port <= 0xffff);
        assert.match(r.state, /^[0-9A-F]{2}$/);
      }
      const traffic = trafficMap(rows, { a: new Set(rows.map((r) => r.inode ?? 0)) });
      for (const t of traffic) assert.ok(t.count >= 1 && !/[\u0000-\u001f]/.test(trafficLine(t)));
      trafficFindings(traffic);
    }),
    { numRuns: 300 },
  );
  assert.deepEqual(parseConnections(undefined), []);
  assert.deepEqual(parseConnections(42), []);
});

test('every connection is counted exactly once (property over generated loopback pairs)', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 32768, max: 60999 }), { maxLength: 20 }), (clients) => {
      const lines = [TCP_HEADER, row(0, '0100007F:0CEA', '00000000:0000', '0A', 1)];
      clients.forEach((port, i) => {
        const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
        lines.push(row(i * 2 + 1, `0100007F:${hexPort}`, '0100007F:0CEA', '01', 1000 + i), row(i * 2 + 2, '0100007F:0CEA', `0100007F:${hexPort}`, '01', 5000 + i));
      });
      const traffic = trafficMap(parseConnections(lines.join('\n')), undefined);
      assert.equal(
        traffic.reduce((n, t) => n + t.count, 0),
        clients.length,
      );
      assert.ok(traffic.every((t) => t.kind === 'loopback' && t.peer === '127.0.0.1:3306'));
    }),
  );
});
