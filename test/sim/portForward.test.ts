// pods/portforward through the real kubectl (SPDY, tunnelled in a WebSocket or after an HTTP
// upgrade) and client-node's PortForward (WebSocket channels): bytes flow both ways to the
// listener the sim runs for the Pod's port, over two connections at once; an HTTP request gets
// the line naming the Pod; a port nothing listens on gets the kubelet's refusal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { PortForward } from '@kubernetes/client-node';
import { KUBECTL, noKubectl, startExecHarness, type ExecHarness } from './execHarness.ts';

const skip = noKubectl;

let sim: ExecHarness;
before(async () => {
  sim = await startExecHarness();
});
after(() => sim.close());

/** Sends `message` on a new connection to the local port and resolves with the first `want` bytes back. */
function roundTrip(port: number, message: string, want = message.length): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let got = '';
    socket.on('data', (chunk) => {
      got += chunk.toString();
      if (got.length >= want) {
        socket.end();
        resolve(got);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
    socket.on('connect', () => socket.write(message));
  });
}

/** Two connections open together, each writing twice: each gets exactly its own bytes back. */
async function twoConcurrent(port: number): Promise<void> {
  const open = (): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
      s.on('error', reject);
    });
  const [a, b] = await Promise.all([open(), open()]);
  const received = (s: Socket, n: number) =>
    new Promise<string>((resolve) => {
      let got = '';
      s.on('data', (c) => {
        got += c.toString();
        if (got.length >= n) resolve(got);
      });
    });
  const gotA = received(a, 12);
  const gotB = received(b, 12);
  a.write('alpha-1;');
  b.write('bravo-1;');
  a.write('a-2;');
  b.write('b-2;');
  assert.deepEqual(await Promise.all([gotA, gotB]), ['alpha-1;a-2;', 'bravo-1;b-2;']);
  a.end();
  b.end();
}

function kubectlForward(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ port: number; stderr: () => string; stop: () => void }> {
  const child = spawn(KUBECTL!, ['--kubeconfig', sim.kubeconfigPath, 'port-forward', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Forwarding from 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), stderr: () => err, stop: () => child.kill('SIGKILL') });
    });
    child.on('exit', (code) => reject(new Error(`kubectl port-forward exited ${code}: ${err}`)));
  });
}

for (const [transport, env] of [
  ['a WebSocket (kubectl 1.31+)', {}],
  ['an SPDY upgrade (older kubectl)', { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' }],
] as const) {
  test(`kubectl port-forward over ${transport}: bytes both ways, two connections at once`, { skip }, async (t) => {
    const forward = await kubectlForward(['user-msvc', ':443'], env);
    t.after(forward.stop);
    assert.equal(await roundTrip(forward.port, 'ping through the tunnel'), 'ping through the tunnel');
    await twoConcurrent(forward.port);
    const http = await roundTrip(forward.port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', 1e9);
    assert.match(http, /^HTTP\/1\.1 200 OK/);
    assert.match(http, /podview sim: shop\/user-msvc port 443 \(container datadog-agent\)/);
  });
}

test('kubectl port-forward to a port nothing listens on: the kubelet refusal, the connection closed', { skip }, async (t) => {
  const forward = await kubectlForward(['user-msvc', ':9999']);
  t.after(forward.stop);
  assert.equal(await roundTrip(forward.port, 'anyone?'), '');
  for (let i = 0; i < 100 && !/connection refused/.test(forward.stderr()); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(forward.stderr(), /error forwarding port 9999 to pod user-msvc, uid uid-1: failed to connect to localhost:9999 inside namespace: connection refused/);
});

test("client-node's PortForward: bytes both ways, two connections at once", async (t) => {
  const forward = new PortForward(sim.kubeConfig);
  const server: Server = createServer((socket) => {
    void forward.portForward('shop', 'user-msvc', [3306], socket, null, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const port = (server.address() as { port: number }).port;
  assert.equal(await roundTrip(port, 'hello mysql'), 'hello mysql');
  await twoConcurrent(port);
});
