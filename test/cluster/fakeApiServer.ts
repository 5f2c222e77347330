// A deliberately tiny API server for podWatch's protocol edge cases (torn lines, ERROR events,
// stalls) that are awkward to provoke in the full simulator. Loopback HTTP only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import type { V1Pod } from '@kubernetes/client-node';
import { KubeConfig } from '@kubernetes/client-node';

export interface FakeApi {
  url: string;
  kubeConfig: KubeConfig;
  pods: Map<string, V1Pod>;
  rv: number;
  /** Every list or watch request seen, as "list ?query" / "watch ?query". */
  requests: string[];
  /** Resource versions strictly below this answer 410 Gone. */
  compactedBelow: number;
  forbidClusterScope: boolean;
  /** When true, new watches get headers and then silence. */
  stall: boolean;
  upsert(pod: V1Pod, type?: 'ADDED' | 'MODIFIED'): void;
  remove(name: string): void;
  /** Writes raw text to every open watch (for torn lines and ERROR events). */
  raw(text: string): void;
  dropWatches(): void;
  close(): Promise<void>;
}

export function fakePod(name: string, namespace = 'default'): V1Pod {
  return { metadata: { name, namespace, uid: `uid-${namespace}-${name}` }, spec: { containers: [{ name: 'c', image: 'i' }] } };
}

export async function startFakeApi(): Promise<FakeApi> {
  const watches = new Set<{ res: http.ServerResponse; from: number }>();
  const sockets = new Set<Socket>();
  const log: { rv: number; type: string; pod: V1Pod }[] = [];
  const status = (res: http.ServerResponse, code: number, reason: string, message: string) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message }));
  };
  const api: FakeApi = {
    url: '',
    kubeConfig: new KubeConfig(),
    pods: new Map(),
    rv: 100,
    requests: [],
    compactedBelow: 0,
    forbidClusterScope: false,
    stall: false,
    upsert(pod, type) {
      const rv = ++api.rv;
      const stored: V1Pod = { ...pod, metadata: { ...pod.metadata, resourceVersion: String(rv) } };
      const kind = type ?? (api.pods.has(pod.metadata!.name!) ? 'MODIFIED' : 'ADDED');
      api.pods.set(pod.metadata!.name!, stored);
      emit(rv, kind, stored);
    },
    remove(name) {
      const pod = api.pods.get(name);
      if (!pod) return;
      api.pods.delete(name);
      const rv = ++api.rv;
      emit(rv, 'DELETED', { ...pod, metadata: { ...pod.metadata, resourceVersion: String(rv) } });
    },
    raw(text) {
      for (const w of watches) w.res.write(text);
    },
    dropWatches() {
      for (const w of watches) w.res.socket?.destroy();
      watches.clear();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  function emit(rv: number, type: string, pod: V1Pod): void {
    log.push({ rv, type, pod });
    if (api.stall) return;
    for (const w of watches) w.res.write(`${JSON.stringify({ type, object: pod })}\n`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = url.searchParams;
    const clusterScope = url.pathname === '/api/v1/pods';
    if (!clusterScope && !/^\/api\/v1\/namespaces\/[^/]+\/pods$/.test(url.pathname)) return status(res, 404, 'NotFound', 'not found');
    if (req.headers.authorization !== 'Bearer fake-token') return status(res, 401, 'Unauthorized', 'Unauthorized');
    if (clusterScope && api.forbidClusterScope) return status(res, 403, 'Forbidden', 'pods is forbidden: User "dev" cannot list resource "pods" in API group "" at the cluster scope');
    if (q.get('watch') === 'true') {
      api.requests.push(`watch ?${q}`);
      const from = Number(q.get('resourceVersion') ?? '0');
      if (from < api.compactedBelow) return status(res, 410, 'Expired', 'too old resource version');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      if (api.stall) return; // headers, then nothing: a stalled watch
      const entry = { res, from };
      watches.add(entry);
      res.on('close', () => watches.delete(entry));
      for (const e of log) if (e.rv > from) res.write(`${JSON.stringify({ type: e.type, object: e.pod })}\n`);
      return;
    }
    api.requests.push(`list ?${q}`);
    const all = [...api.pods.values()].sort((a, b) => a.metadata!.name!.localeCompare(b.metadata!.name!));
    const start = Number(q.get('continue') || '0');
    const limit = Number(q.get('limit') || all.length || 1);
    const items = all.slice(start, start + limit);
    const next = start + limit < all.length ? String(start + limit) : undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: String(api.rv), continue: next }, items }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.kubeConfig.loadFromOptions({
    clusters: [{ name: 'fake', server: api.url, skipTLSVerify: true }],
    users: [{ name: 'fake', token: 'fake-token' }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'fake' }],
    currentContext: 'fake',
  });
  return api;
}
