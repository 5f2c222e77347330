// The sim's pods/exec through @kubernetes/client-node and a raw v4 client: status channel,
// TTY size and resize, the /proc/net answer, and refusals for containers that are not running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import WebSocket from 'ws';
import { Exec, type V1Status } from '@kubernetes/client-node';
import { startExecHarness, type ExecHarness } from './execHarness.ts';

let sim: ExecHarness;
before(async () => {
  sim = await startExecHarness();
});
after(() => sim.close());

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write: (chunk: Buffer, _e, done) => {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function run(container: string, command: string[], stdin: PassThrough | null = null, tty = false): Promise<{ status: V1Status; out: string; err: string }> {
  const out = collector();
  const err = collector();
  return new Promise((resolve, reject) => {
    new Exec(sim.kubeConfig)
      .exec('shop', 'user-msvc', container, command, out.stream, err.stream, stdin, tty, (status) => {
        setImmediate(() => resolve({ status, out: out.text(), err: err.text() }));
      })
      .catch(reject);
  });
}

test('client-node sees the exit code in the Status on the error channel', async () => {
  const r = await run('user-msvc', ['sh', '-c', 'echo out; echo err >&2; exit 7']);
  assert.equal(r.out, 'out\n');
  assert.equal(r.err, 'err\n');
  assert.equal(r.status.status, 'Failure');
  assert.equal(r.status.reason, 'NonZeroExitCode');
  assert.deepEqual(r.status.details?.causes, [{ reason: 'ExitCode', message: '7' }]);
  assert.equal((await run('user-msvc', ['true'])).status.status, 'Success');
});

test('cat /proc/net/* answers from the scenario sockets, not the host', async () => {
  const r = await run('user-msvc', ['cat', '/proc/net/tcp', '/proc/net/tcp6']);
  assert.equal(r.status.status, 'Success');
  const lines = r.out.split('\n');
  assert.match(lines[0]!, /^\s+sl\s+local_address rem_address/);
  assert.match(r.out, /00000000:01BB 00000000:0000 0A/); // 0.0.0.0:443 LISTEN
  assert.match(r.out, /0100007F:0CEA 00000000:0000 0A/); // 127.0.0.1:3306 LISTEN
  assert.match(r.out, /00000000000000000000000000000000:1FBE/); // [::]:8126
  assert.doesNotMatch(r.out, /udp|0100007F:1FBD/i);
});

test('a TTY session gets the client size before the shell starts, and resizes follow', async () => {
  const stdin = new PassThrough();
  const out = collector();
  const done = new Promise<V1Status>((resolve, reject) => {
    new Exec(sim.kubeConfig)
      .exec('shop', 'user-msvc', 'user-msvc', ['sh'], out.stream, null, stdin, true, resolve)
      .then((ws) => {
        ws.send(Buffer.concat([Buffer.from([4]), Buffer.from('{"Width":100,"Height":30}')]));
        stdin.write('stty size\n');
        const waitFor = (re: RegExp, then: () => void): void => {
          const timer = setInterval(() => {
            if (re.test(out.text())) {
              clearInterval(timer);
              then();
            }
          }, 20);
        };
        waitFor(/30 100/, () => {
          ws.send(Buffer.concat([Buffer.from([4]), Buffer.from('{"width":120,"height":40}')]));
          setTimeout(() => stdin.write('stty size; exit 4\n'), 100);
        });
      })
      .catch(reject);
  });
  const status = await done;
  assert.match(out.text(), /30 100/);
  assert.match(out.text(), /40 120/);
  assert.deepEqual(status.details?.causes, [{ reason: 'ExitCode', message: '4' }]);
});

function rawV4(query: string): Promise<{ protocol: string; frames: Buffer[]; httpCode?: number; body?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${sim.url.replace('http', 'ws')}/api/v1/namespaces/shop/pods/user-msvc/exec?${query}`, ['v4.channel.k8s.io'], sim.wsOptions);
    const frames: Buffer[] = [];
    ws.on('message', (data: Buffer) => frames.push(data));
    ws.on('close', () => resolve({ protocol: ws.protocol, frames }));
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ protocol: '', frames, httpCode: res.statusCode, body }));
    });
  });
}

test('v4.channel.k8s.io: stdout on channel 1, the Status on channel 3', async () => {
  const r = await rawV4('command=sh&command=-c&command=echo%20v4&container=datadog-agent&stdout=true&stderr=true');
  assert.equal(r.protocol, 'v4.channel.k8s.io');
  assert.deepEqual(
    r.frames.map((f) => f[0]),
    [1, 3],
  );
  assert.equal(r.frames[0]!.subarray(1).toString(), 'v4\n');
  assert.equal(JSON.parse(r.frames[1]!.subarray(1).toString()).status, 'Success');
});

test('a container that never started refuses the upgrade; a crashed one fails on the error channel', async () => {
  const pending = await rawV4('command=true&container=pending&stdout=true');
  assert.equal(pending.httpCode, 404);
  assert.equal(JSON.parse(pending.body!).message, 'container not found ("pending")');
  const crashed = await rawV4('command=true&container=crashy&stdout=true');
  const status = JSON.parse(crashed.frames.at(-1)!.subarray(1).toString());
  assert.equal(crashed.frames.at(-1)![0], 3);
  assert.match(status.message, /container is in CONTAINER_EXITED state/);
  const missing = await rawV4('command=true&stdout=true');
  assert.equal(missing.httpCode, 400);
  assert.match(JSON.parse(missing.body!).message, /a container name must be specified for pod user-msvc, choose one of: \[user-msvc cloudsql-proxy/);
});
