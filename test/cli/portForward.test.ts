// `kubectl podview port-forward` against the simulated API server: the command in-process
// (kubectl's lines, a port by name, OSC 52 only on a terminal, the refusals that end it before
// it starts), then the built binary as a user runs it, stopped with SIGINT.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { runPortForwardCommand, type PortForwardCommandOptions } from '../../src/cli/portForwardCommand.ts';
import { parseArgs } from '../../src/cli/args.ts';
import type { ActivePortForward } from '../../src/cluster/portForward.ts';
import { parsePortForwardSpec, type PortForwardSpec } from '../../src/model/portForwardSpec.ts';
import { echoed, startForwardSim, untilClosed, type ForwardSim } from '../cluster/portForwardHarness.ts';
import { BIN, assertBuilt } from './helpers.ts';

let sim: ForwardSim;
before(async () => {
  sim = await startForwardSim();
});
after(() => sim.close());

const specs = (...texts: string[]): PortForwardSpec[] => texts.map((t) => parsePortForwardSpec(t) as PortForwardSpec);

interface Running {
  forwards: readonly ActivePortForward[];
  stdout: () => string;
  stderr: () => string;
  stop: () => Promise<number>;
}

function startCommand(pod: string, ports: PortForwardSpec[], extra: Partial<PortForwardCommandOptions> & { tty?: boolean } = {}): Promise<Running> {
  const stdout = Object.assign(new PassThrough(), { isTTY: extra.tty === true });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  let stop!: () => void;
  const stopRequested = new Promise<void>((resolve) => (stop = resolve));
  return new Promise((resolve, reject) => {
    const done = runPortForwardCommand({
      kubeConfig: sim.kubeConfig,
      namespace: 'shop',
      pod,
      ports,
      stdout,
      stderr,
      env: {},
      stopRequested,
      ...extra,
      onListening: (forwards) =>
        resolve({
          forwards,
          stdout: () => out,
          stderr: () => err,
          stop: () => {
            stop();
            return done;
          },
        }),
    });
    done.catch(reject);
  });
}

test("PORT by name: kubectl's lines, bytes both ways, a connection line per connection", async () => {
  const run = await startCommand('user-msvc', specs(':mysql', '0:https'));
  const [mysql, https] = run.forwards;
  assert.equal(mysql!.remotePort, 3306);
  assert.equal(https!.remotePort, 443);
  assert.equal(await echoed(mysql!.localPort, 'select 1;'), 'select 1;');
  assert.match(await untilClosed(https!.localPort, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'), /port 443 \(container datadog-agent\)/);
  assert.equal(await run.stop(), 0);
  assert.equal(
    run.stdout(),
    [
      `Forwarding from 127.0.0.1:${mysql!.localPort} -> 3306`,
      `Forwarding from 127.0.0.1:${https!.localPort} -> 443`,
      `Handling connection for ${mysql!.localPort}`,
      `Handling connection for ${https!.localPort}`,
      '',
    ].join('\n'),
  );
  assert.equal(run.stderr(), '');
});

test('POD as a unique prefix, as every command takes it', async () => {
  const run = await startCommand('user-ms', specs(':mysql'));
  assert.equal(await echoed(run.forwards[0]!.localPort, 'ping'), 'ping');
  assert.equal(await run.stop(), 0);
});

test("a port nothing listens on: the kubelet's refusal, one line per connection, and the forward goes on", async () => {
  const run = await startCommand('user-msvc', specs(':9999'));
  const port = run.forwards[0]!.localPort;
  assert.equal(await untilClosed(port, 'a'), '');
  assert.equal(await untilClosed(port, 'b'), '');
  for (let i = 0; i < 200 && run.stderr().split('\n').length < 3; i++) await new Promise((r) => setTimeout(r, 10));
  const line = `an error occurred forwarding ${port} -> 9999: error forwarding port 9999 to pod user-msvc, uid uid-1: failed to connect to localhost:9999 inside namespace: connection refused`;
  assert.equal(run.stderr(), `${line}\n${line}\n`);
  assert.equal(await run.stop(), 0);
});

test('OSC 52 copies the first local address on a terminal; never into a pipe, never with --no-clipboard', async () => {
  const osc = /\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/;
  const tty = await startCommand('user-msvc', specs(':3306'), { tty: true });
  await tty.stop();
  assert.equal(Buffer.from(osc.exec(tty.stdout())![1]!, 'base64').toString(), tty.forwards[0]!.localAddress);
  for (const extra of [{ tty: false }, { tty: true, clipboard: false }, { tty: true, env: { PODVIEW_NO_CLIPBOARD: '1' } }]) {
    const run = await startCommand('user-msvc', specs(':3306'), extra);
    await run.stop();
    assert.doesNotMatch(run.stdout(), /\u001b/, JSON.stringify(extra));
  }
});

test('refused before anything listens: a Pod not running, an unknown name, a UDP port, a local port in use', async (t) => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  t.after(() => taken.close());
  const used = (taken.address() as { port: number }).port;
  const refused = (pod: string, ports: PortForwardSpec[]) =>
    startCommand(pod, ports).then(
      () => assert.fail('started'),
      (err: Error) => err.message,
    );
  assert.equal(await refused('starting', specs('80')), 'unable to forward port because pod is not running. Current status=Pending');
  assert.equal(await refused('user-msvc', specs('metrics')), "Pod 'user-msvc' does not have a named port 'metrics'");
  assert.equal(await refused('user-msvc', specs('statsd')), 'UDP protocol is not supported for 8125');
  assert.equal(await refused('no-such-pod', specs('80')), 'pod "no-such-pod" not found in namespace "shop"');
  // The first forward had started: it is stopped again, so its port is free.
  const first = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  assert.equal(await refused('user-msvc', specs(`${first}:3306`, `${used}:443`)), `127.0.0.1:${used} is in use`);
  await new Promise<void>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(first, '127.0.0.1', () => s.close(() => resolve()));
  });
});

test('the command line: ports in order, --address 127.0.0.1 only, no -A, one line for a bad PORT', () => {
  const parsed = parseArgs(['port-forward', 'user-msvc', '8080:http', ':3306', '-n', 'shop', '--no-clipboard', '--address', 'localhost']);
  assert.equal(parsed.kind, 'port-forward');
  if (parsed.kind !== 'port-forward') return;
  assert.deepEqual(
    parsed.args.ports.map((p) => [p.local, p.remote]),
    [
      [8080, 'http'],
      [0, 3306],
    ],
  );
  assert.equal(parsed.args.clipboard, false);
  assert.equal(parsed.args.namespace, 'shop');
  assert.throws(() => parseArgs(['port-forward', 'web', '80', '--address', '0.0.0.0']), { message: 'invalid value "0.0.0.0" for --address: podview forwards from 127.0.0.1 only' });
  assert.throws(() => parseArgs(['port-forward', 'web', '80', '-A']), { message: /unknown flag -A/ });
  assert.throws(() => parseArgs(['port-forward', 'web']), { message: 'port-forward needs a Pod and a port: kubectl podview port-forward POD [LOCAL:]PORT' });
  assert.throws(() => parseArgs(['port-forward', 'web', '80:90:100']), { message: /^invalid port "80:90:100"/ });
});

test('the built binary: forwards, reports a refusal in one line, exits 0 on SIGINT leaving stdout free of escapes', { timeout: 30_000 }, async (t) => {
  assertBuilt();
  const child = spawn(process.execPath, [BIN, 'port-forward', 'user-msvc', ':mysql', ':9999', '--kubeconfig', sim.kubeconfigPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ports = await new Promise<number[]>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const all = [...out.matchAll(/Forwarding from 127\.0\.0\.1:(\d+) -> (\d+)\n/g)];
      if (all.length === 2) resolve(all.map((m) => Number(m[1])));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  assert.equal(await echoed(ports[0]!, 'through the binary'), 'through the binary');
  assert.equal(await untilClosed(ports[1]!, 'x'), '');
  for (let i = 0; i < 300 && !err.includes('\n'); i++) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGINT');
  assert.equal(await exited, 0);
  assert.equal(
    err,
    `an error occurred forwarding ${ports[1]} -> 9999: error forwarding port 9999 to pod user-msvc, uid uid-1: failed to connect to localhost:9999 inside namespace: connection refused\n`,
  );
  assert.match(out, new RegExp(`^Forwarding from 127\\.0\\.0\\.1:${ports[0]} -> 3306\\nForwarding from 127\\.0\\.0\\.1:${ports[1]} -> 9999\\n`));
  assert.doesNotMatch(out, /\u001b/);
  // Nothing listens any more.
  await new Promise<void>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(ports[0], '127.0.0.1', () => s.close(() => resolve()));
  });
});

test('the built binary: a local port in use is one line and exit 1', { timeout: 30_000 }, async (t) => {
  assertBuilt();
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  t.after(() => taken.close());
  const used = (taken.address() as { port: number }).port;
  const child = spawn(process.execPath, [BIN, 'port-forward', 'user-msvc', `${used}:3306`, '--kubeconfig', sim.kubeconfigPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(code, 1);
  assert.equal(err, `error: 127.0.0.1:${used} is in use\n`);
  assert.equal(out, '');
});

test('a repeated flag keeps its last value, as kubectl does, while every PORT is kept', () => {
  const parsed = parseArgs(['port-forward', 'web', '1', '2', '3', '-n', 'a', '--namespace', 'b', '--context', 'x']);
  assert.ok(parsed.kind === 'port-forward');
  assert.deepEqual(
    parsed.args.ports.map((p) => p.remote),
    [1, 2, 3],
  );
  assert.equal(parsed.args.namespace, 'b');
  assert.equal(parsed.args.context, 'x');
});
