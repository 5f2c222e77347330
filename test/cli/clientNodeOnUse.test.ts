// The bundle loads client-node's proxy agents and auth providers only when a kubeconfig asks
// for them (.ci/bundleOptions.mjs, clientNodeExtrasOnUse), and takes undici's ProxyAgent without
// undici's index: the built binary still goes through a SOCKS5 or HTTP proxy named by proxy-url, and still hands a gcp or oidc auth-provider to
// client-node's own code. WebSocket (exec, port-forward) is covered by portForward.test.ts and
// test/e2e/exec-*.test.ts, which run the same binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { withSim } from '../cluster/simHarness.ts';
import { runBin, tempDir } from './helpers.ts';

const scenario = demoScenario(Date.now());
const pod = (scenario.objects as unknown as { pods: V1Pod[] }).pods.find((p) => p.metadata?.namespace === 'shop')!;
const podName = pod.metadata?.name as string;

/** Listens on a free loopback port until the test ends, then drops every relayed connection. */
async function listenOnLoopback(t: { after(fn: () => void): void }, server: Server, sockets: Set<Socket>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  return (server.address() as { port: number }).port;
}

/** A SOCKS5 proxy (no authentication, CONNECT to an IPv4 address or a host name) that counts what it relays. */
async function startSocks5(t: { after(fn: () => void): void }): Promise<{ url: string; connects: () => number }> {
  let connects = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.once('data', () => {
      client.write(Buffer.from([5, 0]));
      client.once('data', (req: Buffer) => {
        // VER CMD RSV ATYP ADDR PORT(2); ATYP 1: four bytes of IPv4, 3: a length byte and a name.
        const named = req[3] === 3;
        const end = named ? 5 + req[4]! : 8;
        const host = named ? req.subarray(5, end).toString() : [...req.subarray(4, 8)].join('.');
        const upstream = createConnection(req.readUInt16BE(end), host, () => {
          connects += 1;
          client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
          client.pipe(upstream).pipe(client);
        });
        sockets.add(upstream);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
    });
  });
  const port = await listenOnLoopback(t, server, sockets);
  return { url: `socks5://127.0.0.1:${port}`, connects: () => connects };
}

/** An HTTP proxy that tunnels CONNECT requests only, and counts them. */
async function startHttpConnectProxy(t: { after(fn: () => void): void }): Promise<{ url: string; connects: () => number }> {
  let connects = 0;
  const sockets = new Set<Socket>();
  const server = createHttpServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    const upstream = createConnection(Number(port), host, () => {
      connects += 1;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    sockets.add(client).add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const port = await listenOnLoopback(t, server, sockets);
  return { url: `http://127.0.0.1:${port}`, connects: () => connects };
}

function editedKubeconfig(t: { after(fn: () => void): void }, from: string, edit: (yaml: string) => string): string {
  const file = path.join(tempDir(t), 'config');
  fs.writeFileSync(file, edit(fs.readFileSync(from, 'utf8')), { mode: 0o600 });
  return file;
}

/** A one-Pod `--once` with this kubeconfig prints the Pod, and the proxy carried its connections. */
async function snapshotThrough(kubeconfig: string, proxy: { connects(): number }, noConnection: string): Promise<void> {
  const result = await runBin([podName, '-n', 'shop', '--once', '-o', 'text', '--kubeconfig', kubeconfig]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`^shop/${podName} `));
  assert.ok(proxy.connects() >= 1, noConnection);
}

test('a SOCKS5 proxy-url carries the requests of a one-Pod snapshot', async (t) => {
  const h = await withSim(t, { scenario });
  const proxy = await startSocks5(t);
  const kubeconfig = editedKubeconfig(t, h.kubeconfigPath, (yaml) =>
    yaml.replace(/^ {4}server: "https:\/\/127\.0\.0\.1:(\d+)"$/m, `    server: "https://localhost:$1"\n    proxy-url: ${JSON.stringify(proxy.url)}`),
  );
  assert.match(fs.readFileSync(kubeconfig, 'utf8'), /proxy-url/);
  await snapshotThrough(kubeconfig, proxy, 'the proxy relayed no connection');
});

// Most kubeconfigs name the API server by address. client-node's SOCKS path gave that address
// to TLS as the server name (SNI), which Node refuses with an exception thrown in the proxy's
// callback: the process died with a stack trace (patches/@kubernetes+client-node+*.patch).
test('a SOCKS5 proxy-url to an API server named by IP address works too', async (t) => {
  const h = await withSim(t, { scenario });
  const proxy = await startSocks5(t);
  const kubeconfig = editedKubeconfig(t, h.kubeconfigPath, (yaml) => yaml.replace(/^( {4}server: "https:\/\/127\.0\.0\.1:\d+")$/m, `$1\n    proxy-url: ${JSON.stringify(proxy.url)}`));
  assert.match(fs.readFileSync(kubeconfig, 'utf8'), /server: "https:\/\/127\.0\.0\.1:\d+"\n {4}proxy-url/);
  await snapshotThrough(kubeconfig, proxy, 'the proxy relayed no connection');
});

// undici's index adds connect() to every dispatcher; the bundle does not load that index, and a
// ProxyAgent without it failed every request with "this[kClient].connect is not a function".
test('an HTTP proxy-url carries the requests of a one-Pod snapshot through CONNECT', async (t) => {
  const h = await withSim(t, { scenario });
  const proxy = await startHttpConnectProxy(t);
  const kubeconfig = editedKubeconfig(t, h.kubeconfigPath, (yaml) => yaml.replace(/^( {4}server: .*)$/m, `$1\n    proxy-url: ${JSON.stringify(proxy.url)}`));
  assert.match(fs.readFileSync(kubeconfig, 'utf8'), /proxy-url/);
  await snapshotThrough(kubeconfig, proxy, 'the proxy tunnelled no connection');
});

// An expired token and an issuer nobody listens on: each provider's own code runs and fails in
// its own words, which a stand-in that never loaded the provider could not print.
const authProvider = (name: string) => (yaml: string) => {
  const b64url = (s: string) => Buffer.from(s).toString('base64url');
  const expired = `${b64url('{"alg":"none"}')}.${b64url('{"exp":1000}')}.sig`;
  return yaml.replace(
    /^( {2}user:\n) {4}token: .*$/m,
    `$1    auth-provider:\n      name: ${name}\n      config:\n        client-id: podview\n        id-token: ${expired}\n        idp-issuer-url: http://127.0.0.1:9\n        refresh-token: r`,
  );
};

test('a gcp auth-provider is handed to client-node, which finds its token expired', async (t) => {
  const h = await withSim(t, { scenario });
  const result = await runBin([podName, '-n', 'shop', '--once', '-o', 'text', '--kubeconfig', editedKubeconfig(t, h.kubeconfigPath, authProvider('gcp'))]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Token is expired!/);
});

test('an oidc auth-provider with an expired id-token asks its issuer for a new one', async (t) => {
  const h = await withSim(t, { scenario });
  const result = await runBin([podName, '-n', 'shop', '--once', '-o', 'text', '--kubeconfig', editedKubeconfig(t, h.kubeconfigPath, authProvider('oidc'))]);
  assert.equal(result.code, 1);
  assert.doesNotMatch(result.stderr, /not bundled|is not a constructor|is not a function/);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
});
