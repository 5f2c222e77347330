// `kubectl podview exec` as a function: kubectl's contract (output through, remote exit code
// back, the default container named) over the wire against the sim's pods/exec.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { startExecHarness, type ExecHarness } from '../sim/execHarness.ts';
import { runExecCommand, type ExecCommandOptions } from '../../src/cli/execCommand.ts';

let sim: ExecHarness;
before(async () => {
  sim = await startExecHarness();
});
after(() => sim.close());

function io(stdinText?: string) {
  const sink = () => {
    const chunks: Buffer[] = [];
    const stream = new Writable({
      write: (c: Buffer, _e, done) => {
        chunks.push(Buffer.from(c));
        done();
      },
    });
    return { stream, text: () => Buffer.concat(chunks).toString() };
  };
  const out = sink();
  const err = sink();
  const input = new PassThrough();
  if (stdinText !== undefined) input.end(stdinText);
  return { out, err, io: { input, output: out.stream, error: err.stream } as unknown as NonNullable<ExecCommandOptions['io']> };
}

const base = (over: Partial<ExecCommandOptions>): ExecCommandOptions => ({
  kubeConfig: sim.kubeConfig,
  namespace: 'shop',
  pod: 'user-msvc',
  command: [],
  stdin: false,
  tty: false,
  ...over,
});

test('output passes through and the remote exit code comes back, like kubectl exec', async () => {
  const t = io();
  const code = await runExecCommand(base({ container: 'user-msvc', command: ['sh', '-c', 'echo hi; echo warn >&2; exit 3'], io: t.io }));
  assert.equal(code, 3);
  assert.equal(t.out.text(), 'hi\n');
  assert.equal(t.err.text(), 'warn\ncommand terminated with exit code 3\n');
});

test('without -c the first container is used and named, as kubectl does', async () => {
  const t = io();
  const code = await runExecCommand(base({ command: ['sh', '-c', 'echo "$GREETING"'], io: t.io }));
  assert.equal(code, 0);
  assert.equal(t.out.text(), 'hello from env\n');
  assert.match(t.err.text(), /^Defaulted container "user-msvc" out of: user-msvc, cloudsql-proxy, datadog-agent/);
});

test('-i sends stdin to the remote command', async () => {
  const t = io('line one\nline two\n');
  const code = await runExecCommand(base({ container: 'datadog-agent', command: ['cat'], stdin: true, io: t.io }));
  assert.equal(code, 0);
  assert.equal(t.out.text(), 'line one\nline two\n');
});

test('failures are one line on stderr with a non-zero code', async () => {
  const missing = io();
  assert.equal(await runExecCommand(base({ container: 'cloudsql-proxy', command: ['sh'], io: missing.io })), 126);
  assert.match(missing.out.text() + missing.err.text(), /exec: "sh": executable file not found in \$PATH/);
  const gone = io();
  assert.equal(await runExecCommand(base({ pod: 'vanished', container: 'app', command: ['true'], io: gone.io })), 1);
  assert.equal(gone.err.text(), 'error: Pod shop/vanished is gone\n');
  const noCommand = io();
  assert.equal(await runExecCommand(base({ container: 'user-msvc', io: noCommand.io })), 1);
  assert.equal(noCommand.err.text(), 'error: you must specify at least one command for the container\n');
});
