// The product's exec path over the wire against the sim's pods/exec: exit codes, stderr,
// shell fallback, distroless, refusals in one line, the TTY session and its detach key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { startExecHarness, type ExecHarness } from '../sim/execHarness.ts';
import { execCapture, findShell, runInteractiveExec, createDebugContainer, TERMINAL_RESET, type ExecTerminal } from '../../src/cluster/exec.ts';

let sim: ExecHarness;
before(async () => {
  sim = await startExecHarness();
});
after(() => sim.close());

const target = (container: string, pod = 'user-msvc') => ({ namespace: 'shop', pod, container });

test('non-interactive exec returns the exit code and passes stderr through', async () => {
  const err: Buffer[] = [];
  const stderr = new Writable({
    write: (c: Buffer, _e, done) => {
      err.push(c);
      done();
    },
  });
  const r = await execCapture(sim.kubeConfig, target('user-msvc'), ['sh', '-c', 'echo out; echo bad >&2; exit 3'], { stderr });
  assert.equal(r.kind, 'exited');
  if (r.kind !== 'exited') return;
  assert.equal(r.exitCode, 3);
  assert.equal(r.stdout, 'out\n');
  assert.equal(Buffer.concat(err).toString(), 'bad\n');
});

test('shell fallback: bash where the image has it, sh otherwise, none in distroless', async () => {
  assert.deepEqual(await findShell(sim.kubeConfig, target('datadog-agent'), ['bash', 'sh', '/busybox/sh']), { shell: 'bash' });
  assert.deepEqual(await findShell(sim.kubeConfig, target('user-msvc'), ['bash', 'sh', '/busybox/sh']), { shell: 'sh' });
  const outcome = await runInteractiveExec(sim.kubeConfig, { namespace: 'shop', name: 'user-msvc', container: 'cloudsql-proxy' }, fakeTerminal().terminal);
  assert.deepEqual(outcome, { kind: 'no-shell', tried: ['bash', 'sh', '/busybox/sh'] });
});

test('refusals come back as one clear line', async () => {
  sim.denyExec(true);
  try {
    const r = await execCapture(sim.kubeConfig, target('user-msvc'), ['true']);
    assert.equal(r.kind, 'error');
    assert.match(r.kind === 'error' ? r.message : '', /^exec forbidden in shop\/user-msvc: User "[^"]+" cannot create resource "pods\/exec"/);
  } finally {
    sim.denyExec(false);
  }
  const gone = await execCapture(sim.kubeConfig, target('app', 'vanished'), ['true']);
  assert.deepEqual(gone, { kind: 'error', message: 'Pod shop/vanished is gone', forbidden: false });
  for (const container of ['crashy', 'pending']) {
    const r = await execCapture(sim.kubeConfig, target(container), ['true']);
    assert.equal(r.kind, 'error');
    assert.equal(r.kind === 'error' && r.message, `container ${container} in shop/user-msvc is not running`);
  }
});

function fakeTerminal(columns = 90, rows = 33) {
  const input = Object.assign(new PassThrough(), {
    isRaw: false,
    setRawMode(mode: boolean) {
      input.isRaw = mode;
      modes.push(mode);
    },
  });
  const modes: boolean[] = [];
  const chunks: Buffer[] = [];
  const output = Object.assign(
    new Writable({
      write: (c: Buffer, _e, done) => {
        chunks.push(c);
        done();
      },
    }),
    { columns, rows },
  );
  return { terminal: { input, output } as unknown as ExecTerminal, input, output, modes, text: () => Buffer.concat(chunks).toString() };
}

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

test('a TTY session has the terminal size, follows resizes, and restores the terminal mode', async () => {
  const t = fakeTerminal();
  const running = runInteractiveExec(sim.kubeConfig, { namespace: 'shop', name: 'user-msvc', container: 'user-msvc' }, t.terminal);
  await waitFor(() => t.modes.length > 0);
  t.input.write('stty size\r');
  await waitFor(() => /33 90/.test(t.text()));
  Object.assign(t.output, { columns: 111, rows: 44 });
  t.output.emit('resize');
  await new Promise((r) => setTimeout(r, 100));
  t.input.write('stty size; exit 5\r');
  assert.deepEqual(await running, { kind: 'exited', exitCode: 5 });
  assert.match(t.text(), /44 111/);
  assert.deepEqual(t.modes, [true, false]);
  assert.ok(t.text().endsWith(TERMINAL_RESET), 'whatever the remote left on the terminal is reset');
});

test('Ctrl-C goes to the remote shell; the detach key ends the session locally', async () => {
  const t = fakeTerminal();
  const running = runInteractiveExec(sim.kubeConfig, { namespace: 'shop', name: 'user-msvc', container: 'datadog-agent', command: ['sh'] }, t.terminal);
  // Typed before the shell has set up its SIGINT handling, Ctrl-C would end the shell itself.
  await waitFor(() => /# $/.test(t.text()));
  t.input.write('sleep 30\r');
  await new Promise((r) => setTimeout(r, 200));
  t.input.write('\x03'); // interrupts the remote sleep, not us
  t.input.write('echo still-here\r');
  await waitFor(() => /still-here\r?\n/.test(t.text().replace(/echo still-here/g, '')));
  t.input.write('\x1d');
  assert.deepEqual(await running, { kind: 'detached' });
  assert.deepEqual(t.modes, [true, false]);
});

test('an ephemeral debug container is created, runs, and takes a shell', async () => {
  const created = await createDebugContainer(sim.kubeConfig, { namespace: 'shop', name: 'distroless', target: 'app', pollMs: 50 });
  assert.equal(created.ok, true);
  if (!created.ok) return;
  assert.match(created.container, /^debugger-[a-z0-9]{5}$/);
  const pod = sim.world.pod('shop', 'distroless');
  assert.equal(pod?.spec?.ephemeralContainers?.[0]?.targetContainerName, 'app');
  assert.equal(pod?.spec?.ephemeralContainers?.[0]?.image, 'busybox:1.36');
  assert.deepEqual(await findShell(sim.kubeConfig, target(created.container, 'distroless'), ['sh']), { shell: 'sh' });
});
