// The TUI's forwards over the wire: a forward asked for in store/forwards (as `f` asks) is
// started by cluster/forwardFeed with the real startPortForward against the simulated API
// server, carries bytes, reports its connections back into the store, and stopAll() (the
// TUI's way out) leaves no listener and no connection behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Socket } from 'node:net';
import { serveForwards } from '../../src/cluster/forwardFeed.ts';
import { startPortForward } from '../../src/cluster/portForward.ts';
import { ForwardStore } from '../../src/store/forwards.ts';
import { echoed, startForwardSim, type ForwardSim } from './portForwardHarness.ts';

let sim: ForwardSim;
before(async () => {
  sim = await startForwardSim();
});
after(() => sim.close());

/** Resolves when the store satisfies `ok` (checked on every change the feed writes). */
function whenStore(store: ForwardStore, ok: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ok()) return resolve();
    const off = store.subscribe(() => {
      if (!ok()) return;
      off();
      resolve();
    });
  });
}

const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });

test('a forward asked for in the store carries bytes, reports its connection, and stopAll closes it', async (t) => {
  const store = new ForwardStore();
  const feed = serveForwards(store, (request) => startPortForward(sim.kubeConfig, request));
  t.after(() => feed.stopAll());
  const id = store.start({ namespace: 'shop', pod: 'user-msvc', container: 'cloudsql-proxy', remotePort: 3306 });
  await whenStore(store, () => store.get(id)?.state === 'active');
  const address = store.get(id)!.localAddress!;
  assert.match(address, /^127\.0\.0\.1:\d+$/);
  const port = Number(address.split(':')[1]);
  assert.equal(await echoed(port, 'hello through the TUI'), 'hello through the TUI');
  await whenStore(store, () => store.get(id)?.lastEvent === 'connection 1 to 3306 closed');
  assert.equal(store.get(id)!.openConnections, 0);

  const client = await open(port);
  client.on('error', () => {});
  assert.equal(
    await new Promise<string>((resolve) => {
      client.once('data', (c) => resolve(c.toString()));
      client.write('still open');
    }),
    'still open',
  );
  await whenStore(store, () => store.get(id)?.lastEvent === `Handling connection for ${port}`);
  assert.equal(store.get(id)!.openConnections, 1);

  const closed = new Promise<void>((resolve) => client.on('close', () => resolve()));
  await feed.stopAll();
  await closed;
  assert.equal(store.all.length, 0);
  await assert.rejects(open(port), { code: 'ECONNREFUSED' });
});

test('x in the list: the store asks, the feed stops that forward only', async (t) => {
  const store = new ForwardStore();
  const feed = serveForwards(store, (request) => startPortForward(sim.kubeConfig, request));
  t.after(() => feed.stopAll());
  const a = store.start({ namespace: 'shop', pod: 'user-msvc', container: 'cloudsql-proxy', remotePort: 3306 });
  const b = store.start({ namespace: 'shop', pod: 'user-msvc', container: 'cloudsql-proxy', remotePort: 3306 });
  await whenStore(store, () => store.all.every((f) => f.state === 'active'));
  const portA = Number(store.get(a)!.localAddress!.split(':')[1]);
  const portB = Number(store.get(b)!.localAddress!.split(':')[1]);
  store.stop(a);
  await whenStore(store, () => store.get(a) === undefined);
  await assert.rejects(open(portA), { code: 'ECONNREFUSED' });
  assert.equal(await echoed(portB, 'b lives'), 'b lives');
  await feed.stopAll();
  await assert.rejects(open(portB), { code: 'ECONNREFUSED' });
});

test('a forward that cannot listen is failed with one line naming the address', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as { port: number }).port;
  const store = new ForwardStore();
  // `f` always asks for a free port; a fixed one here is the way to make listening fail.
  const feed = serveForwards(store, (request) => startPortForward(sim.kubeConfig, { ...request, localPort: port }));
  const id = store.start({ namespace: 'shop', pod: 'user-msvc', container: 'cloudsql-proxy', remotePort: 3306 });
  await whenStore(store, () => store.get(id)?.state === 'failed');
  assert.equal(store.get(id)!.lastEvent, `127.0.0.1:${port} is in use`);
  await feed.stopAll();
  await new Promise<void>((resolve) => taken.close(() => resolve()));
});
