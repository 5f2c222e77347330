// startPortForward over the wire against the simulated API server: bytes both ways, two
// connections at once each on its own stream, the Pod closing its end, the kubelet refusing a
// port nothing listens on, a local port already taken, and stop() leaving nothing behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Socket } from 'node:net';
import { startPortForward, type PortForwardEvent } from '../../src/cluster/portForward.ts';
import { echoed, startForwardSim, untilClosed, type ForwardSim } from './portForwardHarness.ts';

let sim: ForwardSim;
before(async () => {
  sim = await startForwardSim();
});
after(() => sim.close());

const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });

function readN(socket: Socket, n: number): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    socket.on('data', (c) => {
      got += c.toString();
      if (got.length >= n) resolve(got);
    });
  });
}

function nextEvent(events: PortForwardEvent[], kind: PortForwardEvent['kind'], connection: number): Promise<PortForwardEvent> {
  return new Promise((resolve) => {
    const look = (): void => {
      const found = events.find((e) => e.kind === kind && e.connection === connection);
      if (found) resolve(found);
      else setTimeout(look, 10);
    };
    look();
  });
}

test('bytes go both ways through a free local port on 127.0.0.1', async (t) => {
  const forward = await startPortForward(sim.kubeConfig, { namespace: 'shop', pod: 'user-msvc', remotePort: 3306 });
  t.after(() => forward.stop());
  assert.match(forward.localAddress, /^127\.0\.0\.1:\d+$/);
  assert.notEqual(forward.localPort, 0);
  const big = 'x'.repeat(200_000);
  assert.equal(await echoed(forward.localPort, big), big);
  assert.equal(await echoed(forward.localPort, 'hello mysql'), 'hello mysql');
});

test('two connections at once: each its own stream pair, events numbered per connection', async (t) => {
  const forward = await startPortForward(sim.kubeConfig, { namespace: 'shop', pod: 'user-msvc', remotePort: 443 });
  t.after(() => forward.stop());
  const events: PortForwardEvent[] = [];
  forward.onEvent((e) => events.push(e));
  const [a, b] = await Promise.all([open(forward.localPort), open(forward.localPort)]);
  const gotA = readN(a, 12);
  const gotB = readN(b, 12);
  a.write('alpha-1;');
  b.write('bravo-1;');
  a.write('a-2;');
  b.write('b-2;');
  assert.deepEqual(await Promise.all([gotA, gotB]), ['alpha-1;a-2;', 'bravo-1;b-2;']);
  assert.equal(forward.openConnections(), 2);
  a.end();
  b.end();
  await nextEvent(events, 'closed', 1);
  await nextEvent(events, 'closed', 2);
  assert.equal(forward.openConnections(), 0);
  assert.deepEqual(
    events.filter((e) => e.kind === 'opened').map((e) => e.text),
    [`Handling connection for ${forward.localPort}`, `Handling connection for ${forward.localPort}`],
  );
  assert.deepEqual(
    events.filter((e) => e.kind === 'error'),
    [],
  );
});

test('the Pod closing its end closes the local socket after what it sent', async (t) => {
  const forward = await startPortForward(sim.kubeConfig, { namespace: 'shop', pod: 'user-msvc', remotePort: 443 });
  t.after(() => forward.stop());
  // The sim's listener answers an HTTP request and closes the connection.
  const answer = await untilClosed(forward.localPort, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.match(answer, /^HTTP\/1\.1 200 OK/);
  assert.match(answer, /podview sim: shop\/user-msvc port 443 \(container datadog-agent\)\n$/);
});

test('a port nothing listens on: the kubelet refusal in one line per connection, the connection closed', async (t) => {
  const forward = await startPortForward(sim.kubeConfig, { namespace: 'shop', pod: 'user-msvc', remotePort: 9999 });
  t.after(() => forward.stop());
  const events: PortForwardEvent[] = [];
  forward.onEvent((e) => events.push(e));
  assert.equal(await untilClosed(forward.localPort, 'anyone?'), '');
  assert.equal(await untilClosed(forward.localPort, 'anyone?'), '');
  const errors = [await nextEvent(events, 'error', 1), await nextEvent(events, 'error', 2)];
  for (const e of errors) {
    assert.equal(
      e.text,
      `an error occurred forwarding ${forward.localPort} -> 9999: error forwarding port 9999 to pod user-msvc, uid uid-1: failed to connect to localhost:9999 inside namespace: connection refused`,
    );
    assert.doesNotMatch(e.text, /\n/);
  }
  await nextEvent(events, 'closed', 2);
  assert.equal(forward.openConnections(), 0);
});

test("a Pod that is gone: the API server's message, one line, per connection", async (t) => {
  const forward = await startPortForward(sim.kubeConfig, { namespace: 'shop', pod: 'no-such-pod', remotePort: 80 });
  t.after(() => forward.stop());
  const events: PortForwardEvent[] = [];
  forward.onEvent((e) => events.push(e));
  assert.equal(await untilClosed(forward.localPort, 'hi'), '');
  const error = await nextEvent(events, 'error', 1);
  assert.equal(error.text, `an error occurred forwarding ${forward.localPort} -> 80: pods "no-such-pod" not found`);
});

test('a local port already in use: one line naming it', async (t) => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  t.after(() => taken.close());
  const port = (taken.address() as { port: number }).port;
  await assert.rejects(startPortForward(sim.kubeConfig, { namespace: 'shop', pod: 'user-msvc', remotePort: 443, localPort: port }), { name: 'UserError', message: `127.0.0.1:${port} is in use` });
});

test('stop() closes the listener and every open connection', async () => {
  const forward = await startPortForward(sim.kubeConfig, { namespace: 'shop', pod: 'user-msvc', remotePort: 3306 });
  const client = await open(forward.localPort);
  assert.equal(
    await new Promise<string>((resolve) => {
      client.once('data', (c) => resolve(c.toString()));
      client.write('before stop');
    }),
    'before stop',
  );
  const closed = new Promise<void>((resolve) => client.on('close', () => resolve()));
  client.on('error', () => {});
  await forward.stop();
  await closed;
  assert.equal(forward.openConnections(), 0);
  await assert.rejects(open(forward.localPort), { code: 'ECONNREFUSED' });
  await forward.stop(); // idempotent
});
