// `--once` against a hostile or broken API server: every bad answer is one line on stderr,
// exit code 1 (or the Pods it could read, with a counted note), no stack trace, and the token
// in no output. The server is test/hostile/hostileServer.ts; the CLI runs from source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { json, pod, podList, startHostileServer, TOKEN, writeKubeconfig } from './hostileServer.ts';
import type { HostileServer } from './hostileServer.ts';
import { runSource } from './runSource.ts';
import type { RunResult } from './runSource.ts';

let server: HostileServer;
let other: HostileServer;
let dir: string;
let kubeconfig: string;

before(async () => {
  server = await startHostileServer();
  other = await startHostileServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-hostile-'));
  kubeconfig = writeKubeconfig(dir, server.url);
});
after(async () => {
  // Whatever the server answered, podview never asked it for a Secret.
  assert.deepEqual(
    [...server.seen, ...other.seen].filter((r) => /\/secrets(\/|\?|$)/.test(r.url)),
    [],
  );
  await server.close();
  await other.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const isPodList = (req: http.IncomingMessage) => /^\/api\/v1\/namespaces\/default\/pods(\?|$)/.test(req.url ?? '');
/** Answers the Pod list with `onList`; events, metrics and everything else an empty, valid answer. */
function pods(onList: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => (isPodList(req) ? onList(req, res) : json(res, 200, { kind: 'List', items: [] }));
}

function once(...extra: string[]): Promise<RunResult> {
  return runSource(['--kubeconfig', kubeconfig, '--once', ...extra]);
}

/** The user's contract for a failure: exit 1, one `error:` line, no stack, no token anywhere. */
function assertOneLineError(result: RunResult, pattern: RegExp): void {
  assert.equal(result.code, 1, `exit code 1; stderr: ${result.stderr}`);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0]!, /^error: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(result.stderr, /^\s+at |internal error/m, 'no stack trace, no internal error');
  assertNoToken(result);
}

function assertNoToken(result: RunResult): void {
  for (const text of [result.stdout, result.stderr, ...result.argv]) assert.ok(!text.includes(TOKEN), 'the token is in no output and no argv');
}

test('a body that is not JSON is one line naming the server', async () => {
  server.handler = pods((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>\u001b]0;pwned\u0007 gateway</html>');
  });
  assertOneLineError(await once(), new RegExp(`cannot list pods in namespace "default": the answer from ${server.url} is not JSON$`));
});

test('a 200 answer that is not a PodList is an error, not "No pods."', async () => {
  for (const body of [{ kind: 'Status', apiVersion: 'v1', status: 'Success' }, [1, 2, 3], 'null', 42]) {
    server.handler = pods((_req, res) => json(res, 200, body));
    const result = await once();
    assert.doesNotMatch(result.stdout, /No pods/, JSON.stringify(body));
    assertOneLineError(result, /is not a PodList \((kind "Status"|a JSON array|null|a JSON number)\)$/);
  }
});

test('a PodList with null items and wrong types everywhere shows the real Pods and counts the rest', async () => {
  const junk = [
    null,
    5,
    'x',
    [],
    { metadata: null },
    { metadata: { name: 7 } },
    {
      metadata: { name: 'odd', namespace: 5, labels: [1], ownerReferences: 'x' },
      spec: { containers: [null, 7, { name: {}, image: [], ports: 'x', env: 5, volumeMounts: {}, command: 'ls' }], volumes: 'x' },
      status: { containerStatuses: 'x', conditions: [null], phase: 3 },
    },
  ];
  server.handler = (req, res) => {
    if (isPodList(req)) return json(res, 200, podList([...junk, pod('good')]));
    // Events and metrics as broken as the list: nulls among the items, an items that is no array.
    if (req.url?.includes('/events')) return json(res, 200, { kind: 'EventList', items: [null, 3, { involvedObject: null }, { involvedObject: { kind: 'Pod', uid: 5 } }] });
    return json(res, 200, { kind: 'PodMetricsList', items: 'x' });
  };
  for (const output of ['text', 'json', 'yaml']) {
    const result = await once('-o', output);
    assert.equal(result.code, 0, `${output}: ${result.stderr}`);
    assert.match(result.stdout, /good/);
    assert.match(result.stdout, /odd/, 'an object with a string name is shown, whatever else is wrong in it');
    assert.equal(result.stderr, 'podview: 6 pod list items were not a named object and were skipped\n', output);
    assertNoToken(result);
  }
});

test('10,000-deep nesting in a Pod does not crash any output', async () => {
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  server.handler = pods((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      `{"kind":"PodList","metadata":{},"items":[{"metadata":{"name":"deep","namespace":"default","annotations":{"a":${deep}},"labels":{"l":${deep}}},"spec":{"containers":[{"name":"c","image":"i","env":[{"name":"E","value":${deep}}]}]}}]}`,
    );
  });
  for (const output of ['text', 'json', 'yaml']) {
    const result = await once('-o', output);
    assert.equal(result.code, 0, `${output}: ${result.stderr}`);
    assert.match(result.stdout, /deep/);
  }
});

test('500s and 429 without Retry-After fail at once, as one line with the server`s message', async () => {
  server.handler = pods((_req, res) => json(res, 500, { kind: 'Status', code: 500, message: 'etcdserver: request timed out\u001b[2J' }));
  assertOneLineError(await once(), new RegExp(`etcdserver: request timed out\ufffd \\(${server.url}\\)$`));
  server.handler = pods((_req, res) => json(res, 429, { kind: 'Status', code: 429, message: 'too many requests' }));
  const before = server.seen.length;
  assertOneLineError(await once(), /too many requests/);
  assert.equal(server.seen.slice(before).filter((r) => r.url.startsWith('/api/v1/namespaces/default/pods')).length, 1, 'no Retry-After: no retry');
});

test('429 with Retry-After is retried after the wait it names, as kubectl does', async () => {
  let answered = 0;
  server.handler = pods((_req, res) => (answered++ < 2 ? json(res, 429, { kind: 'Status', code: 429, message: 'slow down' }, { 'retry-after': '1' }) : json(res, 200, podList([pod('patient')]))));
  const result = await once();
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /default\/patient/);
  assert.equal(answered, 3, 'two 429s, then the list');
});

test('429 forever ends with --request-timeout and the server`s last answer', async () => {
  server.handler = pods((_req, res) => json(res, 429, { kind: 'Status', code: 429, message: 'throttled forever' }, { 'retry-after': '1' }));
  assertOneLineError(await once('--request-timeout', '2500ms'), /throttled forever/);
});

test('an answer that never comes, or comes a byte a second, ends at --request-timeout with the server named (not "HTTP 23")', async () => {
  server.handler = pods(() => undefined); // accepts, never answers
  assertOneLineError(await once('--request-timeout', '1s'), new RegExp(`cannot list pods in namespace "default": no answer from ${server.url} within 1 s$`));
  server.handler = pods((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const body = JSON.stringify(podList([pod('slow')]));
    let at = 0;
    const timer = setInterval(() => (at < body.length && !res.destroyed ? res.write(body[at++]) : clearInterval(timer)), 1000);
    res.on('close', () => clearInterval(timer));
  });
  const slow = await once('--request-timeout', '2s');
  assertOneLineError(slow, new RegExp(`no answer from ${server.url} within 2 s$`));
  assert.doesNotMatch(slow.stderr, /HTTP 23/);
});

test('events, metrics and owners honour --request-timeout (they had a fixed 15 s)', async () => {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const { applyRequestTimeout } = await import('../../src/cluster/request.ts');
  const { listEvents, listMetrics, resolveOwners } = await import('../../src/cluster/detailSources.ts');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfig);
  applyRequestTimeout(kubeConfig, 300);
  const closed: string[] = [];
  server.handler = (req) => req.on('close', () => closed.push(req.url ?? '')); // silence for everything
  const events = await listEvents(kubeConfig, 'default');
  assert.equal(events.note, `events: cannot list events: no answer from ${server.url} within 300 ms`);
  const metrics = await listMetrics(kubeConfig, 'default');
  assert.equal(metrics.note, `metrics: cannot list metrics: no answer from ${server.url} within 300 ms`);
  const owners = await resolveOwners(kubeConfig, { metadata: { name: 'p', namespace: 'default', ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', controller: true } as never] } }, new Map());
  assert.deepEqual(owners, [{ kind: 'ReplicaSet', name: 'rs', resolved: false }]);
  // The owner read was given up by the client (its connection closed), not left to run.
  const { waitFor } = await import('../cluster/waitFor.ts');
  await waitFor('the owner request closed', () => closed.some((url) => url.includes('/replicasets/rs')));
});

test('--once with events and owners that never answer still prints the Pod (with --request-timeout)', async () => {
  server.handler = (req, res) => {
    if (isPodList(req))
      return json(res, 200, podList([pod('waits', { metadata: { name: 'waits', namespace: 'default', uid: 'u-w', ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', controller: true }] } })]));
    if (req.url?.includes('/events') || req.url?.includes('/replicasets/')) return; // silence
    json(res, 404, { kind: 'Status', code: 404 });
  };
  const result = await once('--request-timeout', '1s');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Owners: ReplicaSet\/rs \(unresolved\)/, 'the owner that never answered is named, unresolved');
});

test('a redirect to another host never carries the token there', async () => {
  other.handler = (_req, res) => json(res, 401, { kind: 'Status', code: 401, message: 'who are you' });
  server.handler = (req, res) => {
    res.writeHead(302, { location: `${other.url}${req.url}` });
    res.end();
  };
  const result = await once();
  assert.equal(result.code, 1);
  assertNoToken(result);
  assert.ok(
    server.seen.some((r) => r.authorization === `Bearer ${TOKEN}`),
    'the real server got the token',
  );
  for (const seen of other.seen) assert.ok(!seen.authorization?.includes(TOKEN), `the other host got ${seen.url} without the token`);
});

test('a 200 answer for one Pod that is not a Pod is one line, not a blank snapshot', async () => {
  server.handler = (req, res) => (req.url?.startsWith('/api/v1/namespaces/default/pods/web') ? json(res, 200, { kind: 'Status', status: 'Success' }) : json(res, 200, { kind: 'List', items: [] }));
  assertOneLineError(await once('web'), new RegExp(`cannot get pod "web" in namespace "default": the answer from ${server.url} is not a Pod$`));
});

test('one-shot requests have a limit by default; --request-timeout replaces it, 0 means none, and shared views inherit it', async () => {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const { DEFAULT_REQUEST_TIMEOUT_MS, sharedConnections, timeoutOf, applyRequestTimeout } = await import('../../src/cluster/request.ts');
  const { parseRequestTimeout } = await import('../../src/cluster/config.ts');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfig);
  assert.equal(timeoutOf(kubeConfig, {}), DEFAULT_REQUEST_TIMEOUT_MS, 'a default, so a server that never answers cannot hold --once forever');
  applyRequestTimeout(kubeConfig, parseRequestTimeout('0'));
  assert.equal(timeoutOf(kubeConfig, {}), 0, '--request-timeout 0: no limit, as kubectl');
  applyRequestTimeout(kubeConfig, parseRequestTimeout('5s'));
  const shared = sharedConnections(kubeConfig);
  assert.equal(timeoutOf(shared.kubeConfig, {}), 5000, 'a page of a list made through a shared view');
  assert.equal(timeoutOf(kubeConfig, { timeoutMs: 250 }), 250, 'an explicit limit wins');
  shared.close();
});

test('the token is written to no file: a run with a fresh HOME and TMPDIR leaves it nowhere', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-home-'));
  try {
    server.handler = pods((_req, res) => json(res, 500, { kind: 'Status', code: 500, message: 'fail so that every error path runs' }));
    const result = await runSource(['--kubeconfig', kubeconfig, '--once'], { env: { HOME: home, TMPDIR: home, XDG_CACHE_HOME: path.join(home, '.cache') } });
    assert.equal(result.code, 1);
    const holding: string[] = [];
    const walk = (at: string): void => {
      for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
        const full = path.join(at, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile() && fs.readFileSync(full).includes(TOKEN)) holding.push(full);
      }
    };
    walk(home);
    assert.deepEqual(holding, []);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
