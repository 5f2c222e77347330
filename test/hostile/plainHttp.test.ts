// A kubeconfig that points at a plain http:// server: like kubectl 1.32, podview sends no
// token and runs no exec credential plugin there (anyone on the path would read the token),
// and says so in one line. The server here records every request's headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/cluster/config.ts';
import { listPodsOnce } from '../../src/cluster/snapshot.ts';

const TOKEN = 'secret-token-never-over-http';

async function recordingServer(t: { after(fn: () => Promise<void>): void }): Promise<{ url: string; headers: http.IncomingHttpHeaders[] }> {
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    headers.push(req.headers);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, headers };
}

function kubeconfigFile(dir: string, server: string, user: string[]): string {
  const file = path.join(dir, 'config');
  const lines = [
    'apiVersion: v1',
    'kind: Config',
    'current-context: c',
    'clusters:',
    '- name: c',
    '  cluster:',
    `    server: ${server}`,
    'contexts:',
    '- name: c',
    '  context:',
    '    cluster: c',
    '    user: u',
    'users:',
    '- name: u',
    '  user:',
    ...user.map((l) => `    ${l}`),
  ];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-plainhttp-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a bearer token is not sent to an http:// server, and one line says so', async (t) => {
  const dir = tempDir(t);
  const { url, headers } = await recordingServer(t);
  const loaded = loadConfig({ kubeconfig: kubeconfigFile(dir, url, [`token: ${TOKEN}`]), env: {} });
  for await (const page of listPodsOnce({ kubeConfig: loaded.kubeConfig, namespace: 'default' })) assert.deepEqual(page, []);
  assert.ok(headers.length > 0, 'the server was asked');
  for (const h of headers) assert.equal(h.authorization, undefined, 'no Authorization header over http');
  assert.match(loaded.notice ?? '', /^warning: http:\/\/127\.0\.0\.1:\d+ is plain http: the credentials of user "u" are not sent \(use https\)$/);
  assert.ok(!(loaded.notice ?? '').includes(TOKEN));
});

test('an exec credential plugin is not run for an http:// server', async (t) => {
  const dir = tempDir(t);
  const { url, headers } = await recordingServer(t);
  const ran = path.join(dir, 'plugin-ran');
  const plugin = path.join(dir, 'plugin.sh');
  fs.writeFileSync(plugin, `#!/bin/sh\ntouch '${ran}'\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${TOKEN}"}}'\n`, { mode: 0o755 });
  const user = ['exec:', '  apiVersion: client.authentication.k8s.io/v1', `  command: ${plugin}`, '  interactiveMode: Never'];
  const loaded = loadConfig({ kubeconfig: kubeconfigFile(dir, url, user), env: {} });
  for await (const page of listPodsOnce({ kubeConfig: loaded.kubeConfig, namespace: 'default' })) assert.deepEqual(page, []);
  assert.ok(headers.length > 0);
  for (const h of headers) assert.equal(h.authorization, undefined);
  assert.equal(fs.existsSync(ran), false, 'the plugin never ran');
  assert.ok(loaded.notice);
});

test('an https:// server keeps its credentials and no notice is printed', (t) => {
  const dir = tempDir(t);
  const loaded = loadConfig({ kubeconfig: kubeconfigFile(dir, 'https://127.0.0.1:1', [`token: ${TOKEN}`]), env: {} });
  assert.equal(loaded.kubeConfig.getCurrentUser()?.token, TOKEN);
  assert.equal(loaded.notice, undefined);
});
