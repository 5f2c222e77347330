// The pages of one list share a connection pool (client-node alone opens a connection per
// request, each with its own TLS handshake on a real cluster), and nothing is left open
// afterwards. undici may open a second connection when the next request comes before the
// last answer has released the first, so the figure asserted is "a couple, not one a page".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { getJson, sharedConnections } from '../../src/cluster/request.ts';
import { listPodsOnce } from '../../src/cluster/snapshot.ts';
import { waitFor } from './waitFor.ts';

interface CountingServer {
  kubeConfig: KubeConfig;
  connections: number;
  open: Set<Socket>;
  close(): Promise<void>;
}

/** Lists `podCount` Pods `limit` at a time (continue = index of the next one), counting connections. */
async function countingServer(podCount: number): Promise<CountingServer> {
  const pods = Array.from({ length: podCount }, (_, i) => ({ metadata: { name: `p${i}`, namespace: 'default', uid: `u${i}` } }));
  const server = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    const start = Number(q.get('continue') || '0');
    const limit = Number(q.get('limit') || podCount);
    const next = start + limit < podCount ? String(start + limit) : undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'PodList', metadata: { resourceVersion: '7', continue: next }, items: pods.slice(start, start + limit) }));
  });
  const state: CountingServer = {
    kubeConfig: new KubeConfig(),
    connections: 0,
    open: new Set(),
    close: () =>
      new Promise((resolve) => {
        for (const s of state.open) s.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: Socket) => {
    state.connections++;
    state.open.add(socket);
    socket.on('close', () => state.open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
    currentContext: 'c',
  });
  return state;
}

test('a snapshot list: every page in order, over a couple of connections, closed at the end', async (t) => {
  const server = await countingServer(23);
  t.after(() => server.close());
  const names: string[] = [];
  let pages = 0;
  for await (const page of listPodsOnce({ kubeConfig: server.kubeConfig, pageSize: 2 })) {
    pages++;
    names.push(...page.map((p) => p.metadata!.name!));
  }
  assert.equal(pages, 12);
  assert.deepEqual(
    names,
    Array.from({ length: 23 }, (_, i) => `p${i}`),
  );
  assert.ok(server.connections <= 2, `${server.connections} connections for 12 pages`);
  await waitFor('the list connection closed', () => server.open.size === 0);
});

test('a list abandoned after its first page leaves no connection behind', async (t) => {
  const server = await countingServer(23);
  t.after(() => server.close());
  for await (const page of listPodsOnce({ kubeConfig: server.kubeConfig, pageSize: 5 })) {
    assert.equal(page.length, 5);
    break;
  }
  await waitFor('the list connection closed', () => server.open.size === 0);
});

test('sharedConnections: requests share the pool until close()', async (t) => {
  const server = await countingServer(3);
  t.after(() => server.close());
  const shared = sharedConnections(server.kubeConfig);
  for (let i = 0; i < 10; i++) {
    const list = await getJson<{ items: unknown[] }>(shared.kubeConfig, '/api/v1/pods');
    assert.equal(list.items.length, 3);
  }
  assert.ok(server.connections <= 2, `${server.connections} connections for 10 requests`);
  assert.ok(server.open.size > 0, 'kept alive while shared');
  shared.close();
  await waitFor('the shared connection closed', () => server.open.size === 0);
});
