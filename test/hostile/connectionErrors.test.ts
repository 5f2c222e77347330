// Every connection error names the server and the cause, on every command path (#16 bug 7):
// `--once`, `--once -A`, `--once POD` and `logs POD` against a refused port, a name that does
// not resolve, an untrusted certificate, a port fetch refuses to use. No path may say only
// "fetch failed", read a timeout's code as an HTTP status, or print a password or token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describeError, httpStatus, redact, RequestError } from '../../src/cluster/errors.ts';
import { json, podList, startHostileServer, TOKEN, writeKubeconfig } from './hostileServer.ts';
import type { HostileServer } from './hostileServer.ts';
import { runSource } from './runSource.ts';
import type { RunResult } from './runSource.ts';

let dir: string;
let server: HostileServer;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-connerr-'));
  server = await startHostileServer((_req, res) => json(res, 200, podList([])));
});
after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function refusedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const COMMANDS: [string, string[]][] = [
  ['--once', ['--once']],
  ['--once -A', ['--once', '-A']],
  ['--once POD', ['--once', 'web']],
  ['logs POD', ['logs', 'web']],
];

function assertNamed(result: RunResult, url: string, cause: RegExp, label: string): void {
  assert.equal(result.code, 1, `${label}: exit 1; stderr ${result.stderr}`);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `${label}: one line: ${result.stderr}`);
  assert.ok(lines[0]!.includes(url), `${label}: names ${url}: ${lines[0]}`);
  assert.match(lines[0] ?? '', cause, label);
  assert.doesNotMatch(lines[0] ?? '', /fetch failed|internal error|HTTP \d/, label);
  assert.doesNotMatch(result.stderr, /^\s+at /m, `${label}: no stack`);
  assert.ok(!result.stderr.includes(TOKEN) && !result.stdout.includes(TOKEN), `${label}: no token`);
}

test('a refused port: every command names the server and says "connection refused"', async () => {
  const url = `https://127.0.0.1:${await refusedPort()}`;
  const kubeconfig = writeKubeconfig(dir, url);
  for (const [label, args] of COMMANDS) assertNamed(await runSource(['--kubeconfig', kubeconfig, ...args]), url, /connection refused/, label);
});

test('a name that does not resolve, an untrusted certificate, a port fetch will not use', async () => {
  const cases: [string, string, RegExp, boolean][] = [
    ['DNS', 'https://podview-no-such-host.invalid:6443', /host not found|name resolution failed/, true],
    ['TLS', server.url, /certificate/, false],
    ['bad port', 'https://127.0.0.1:1', /bad port/, true],
  ];
  for (const [label, url, cause, withCa] of cases) {
    const kubeconfig = writeKubeconfig(dir, url, { withCa });
    for (const [command, args] of COMMANDS.slice(0, 2)) assertNamed(await runSource(['--kubeconfig', kubeconfig, ...args]), url, cause, `${label} ${command}`);
  }
});

test('a password in the server URL is never printed, in any error', async () => {
  const port = await refusedPort();
  const kubeconfig = writeKubeconfig(dir, `https://admin:S3cretPassw0rd@127.0.0.1:${port}`);
  for (const [label, args] of COMMANDS) {
    const result = await runSource(['--kubeconfig', kubeconfig, ...args]);
    assert.equal(result.code, 1, label);
    assert.ok(!result.stderr.includes('S3cretPassw0rd'), `${label}: ${result.stderr}`);
    assert.ok(!result.stderr.includes('admin:'), `${label}: no user info: ${result.stderr}`);
    assert.match(result.stderr, /^error: .*<redacted>@127\.0\.0\.1/, label);
  }
  assert.equal(redact('GET https://u:p%40ss@h.example/api failed; proxy http://me:pw@proxy:3128'), 'GET https://<redacted>@h.example/api failed; proxy http://<redacted>@proxy:3128');
});

test('a timeout is never an HTTP status: its DOMException code 23 is not read as one', () => {
  const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  assert.equal(httpStatus(timeout), undefined);
  assert.equal(httpStatus(new DOMException('aborted', 'AbortError')), undefined);
  assert.doesNotMatch(describeError(timeout, 'list pods', 'https://api'), /HTTP 23/);
  const wrapped = new RequestError('https://api:6443', timeout, 5000);
  assert.equal(describeError(wrapped, 'list pods'), 'cannot list pods: no answer from https://api:6443 within 5 s');
  assert.equal(httpStatus(Object.assign(new Error('x'), { code: 500 })), 500, 'client-node ApiException keeps its status in code');
});
