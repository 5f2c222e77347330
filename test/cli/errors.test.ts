// The built binary against broken setups: each mistake is one line on stderr, exit code 1,
// no stack trace, and never a credential.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startSim } from '../../src/sim/index.ts';
import type { SimServer } from '../../src/sim/index.ts';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { runBin, tempDir } from './helpers.ts';
import type { RunResult } from './helpers.ts';

let sim: SimServer;
let dir: string;
let kubeconfig: string;

before(async () => {
  sim = await startSim({ scenario: demoScenario(Date.now()) });
  dir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'podview-errors-'));
  kubeconfig = path.join(dir, 'config');
  sim.writeKubeconfig(kubeconfig, { namespace: 'shop' });
});
after(async () => {
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function assertOneLineError(result: RunResult, pattern: RegExp): void {
  assert.equal(result.code, 1, `exit code 1, stderr: ${result.stderr}`);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0]!, /^error: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
  assert.ok(!result.stderr.includes(sim.token), 'the token never appears');
  assert.equal(result.stdout, '');
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('flag mistakes', async () => {
  const [unknown, badValue] = await Promise.all([runBin(['--frobnicate']), runBin(['-o', 'xml', '--once'])]);
  assertOneLineError(unknown, /unknown flag --frobnicate/);
  assertOneLineError(badValue, /-o\/--output: valid values are text, json, yaml/);
});

test('kubeconfig problems: missing file, broken file, unknown context', async (t) => {
  const own = tempDir(t);
  const broken = path.join(own, 'broken');
  fs.writeFileSync(broken, 'apiVersion: v1\nclusters: [\n  - {{{ not yaml\n');
  const [missing, missingList, brokenRun, noContext] = await Promise.all([
    runBin(['--once', '--kubeconfig', path.join(own, 'nope')]),
    runBin(['--once'], { env: { KUBECONFIG: path.join(own, 'missing') } }),
    runBin(['--once', '--kubeconfig', broken]),
    runBin(['--once', '--kubeconfig', kubeconfig, '--context', 'nosuch']),
  ]);
  assertOneLineError(missing, /nope: no such file/);
  assertOneLineError(missingList, /KUBECONFIG/);
  assertOneLineError(brokenRun, /broken/);
  assertOneLineError(noContext, /context "nosuch" not found/);
});

test('an unreachable server: one line naming the server, the token stays secret', async (t) => {
  const own = tempDir(t);
  const port = await closedPort();
  const file = path.join(own, 'config');
  // https: a plain http:// server would also get the one-line notice that no token is sent there.
  fs.writeFileSync(file, fs.readFileSync(kubeconfig, 'utf8').replace(sim.url, `https://127.0.0.1:${port}`));
  assertOneLineError(await runBin(['--once', '--kubeconfig', file, '--request-timeout', '5s']), /cannot reach the API server.*connection refused/);
});

test('bad selector and unknown Pod come back from the server as one line', async () => {
  const [selector, unknownPod] = await Promise.all([runBin(['--once', '--kubeconfig', kubeconfig, '-l', 'app in (']), runBin(['nosuch-pod', '--once', '--kubeconfig', kubeconfig])]);
  assertOneLineError(selector, /selector|unable to parse|invalid/i);
  assertOneLineError(unknownPod, /pod "nosuch-pod" not found in namespace "shop"/);
});

test('a snapshot of one Pod as JSON and as text; with a pipe for stdout no TUI starts', async () => {
  const list = await runBin(['-o', 'json', '--kubeconfig', kubeconfig]);
  assert.equal(list.code, 0, list.stderr);
  const pods = JSON.parse(list.stdout).pods as { name: string; namespace: string }[];
  assert.ok(pods.length > 1 && pods.every((p) => p.namespace === 'shop'), 'the context namespace only');
  const msvc = pods.find((p) => p.name.startsWith('user-msvc'))!.name;
  const one = await runBin([msvc, '--kubeconfig', kubeconfig]);
  assert.equal(one.code, 0, one.stderr);
  assert.match(one.stdout, new RegExp(`^shop/${msvc}`));
  assert.match(one.stdout, /Volumes/);
  assert.match(one.stdout, /cloudsql-proxy/);
});
