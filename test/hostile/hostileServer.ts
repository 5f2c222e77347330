// A small hostile API server for the tests: HTTPS on loopback with a throwaway certificate,
// whose every answer is whatever the test says (a non-JSON body, a list full of nulls, a
// 50 MB watch line, silence, a byte a second, a redirect, 429s). It records each request and
// the Authorization header it carried, so a test can prove where the token went.
import fs from 'node:fs';
import https from 'node:https';
import type http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { selfSignedCert } from '../../src/sim/tls.ts';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

export interface HostileServer {
  url: string;
  port: number;
  /** Every request, in order of arrival. */
  seen: SeenRequest[];
  /** What the next requests get; replace it at any time. */
  handler: Handler;
  /** Forgets every open connection (a server that vanishes mid-answer). */
  dropConnections(): void;
  /** Stops listening (connections are refused) until up(), on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export const TOKEN = 'hostile-test-token-3f9a1c7e5b2d';

export async function startHostileServer(handler: Handler = (_req, res) => res.end()): Promise<HostileServer> {
  const { certPem, keyPem } = selfSignedCert();
  const sockets = new Set<Socket>();
  const server = https.createServer({ cert: certPem, key: keyPem });
  const self: HostileServer = {
    url: '',
    port: 0,
    seen: [],
    handler,
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    async down() {
      self.dropConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    up: () => new Promise<void>((resolve) => server.listen(self.port, '127.0.0.1', resolve)),
    async close() {
      if (server.listening) await self.down();
    },
  };
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    self.seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    self.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self.port = (server.address() as AddressInfo).port;
  self.url = `https://127.0.0.1:${self.port}`;
  return self;
}

/** Writes a kubeconfig for `server` (CA pinned to the test certificate, bearer TOKEN) into a fresh private directory. */
export function writeKubeconfig(dir: string, server: string, options: { contextName?: string; namespace?: string; withCa?: boolean } = {}): string {
  const ca = Buffer.from(selfSignedCert().certPem).toString('base64');
  const context = JSON.stringify(options.contextName ?? 'hostile');
  const file = path.join(dir, `kubeconfig-${Math.random().toString(36).slice(2)}`);
  const cluster = options.withCa === false ? `server: ${JSON.stringify(server)}` : `server: ${JSON.stringify(server)}\n    certificate-authority-data: ${ca}`;
  fs.writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster:
    ${cluster}
users:
- name: u
  user:
    token: ${TOKEN}
contexts:
- name: ${context}
  context:
    cluster: c
    user: u
    namespace: ${JSON.stringify(options.namespace ?? 'default')}
current-context: ${context}
`,
    { mode: 0o600 },
  );
  return file;
}

export function privateDir(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-hostile-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1' },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
  status: { phase: 'Running' },
  ...extra,
});

/** Writes `bytes` of `fill` to a response a MiB at a time, waiting for the socket to drain, until done or the client goes away. */
export async function writeLong(res: http.ServerResponse, bytes: number, fill = 'A'): Promise<void> {
  const chunk = fill.repeat(1 << 20);
  for (let sent = 0; sent < bytes && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk))
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
  }
}

export const podList = (items: unknown[]) => ({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '10' }, items });
