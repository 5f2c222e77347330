// `kubectl podview logs` prints to stdout for pipes: plain lines, stern-like prefixes when
// merged, notices and errors on stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { parseSince, runLogsCommand, type LogsCommandOptions } from '../../src/cli/logsCommand.ts';
import { until } from '../cluster/logsHelpers.ts';
import { makePod, startLogsSim, type LogsSim } from '../sim/logsSim.ts';

let clock = Date.now() - 60_000;

/** Starts the command; `out()` and `err()` say what it has printed so far. */
function start(sim: LogsSim, options: Partial<LogsCommandOptions>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = runLogsCommand({
    kubeConfig: sim.kubeConfig(),
    namespace: 'default',
    pod: 'web',
    allContainers: false,
    follow: false,
    timestamps: false,
    previous: false,
    logColors: false,
    stdout,
    stderr,
    ...options,
  });
  return { done, out: () => out, err: () => err };
}

async function run(sim: LogsSim, options: Partial<LogsCommandOptions>): Promise<{ code: number; out: string; err: string }> {
  const r = start(sim, options);
  const code = await r.done;
  return { code, out: r.out(), err: r.err() };
}

test('logs subcommand: plain lines, merged prefixes, tail, colours only when asked, errors on stderr', async () => {
  const sim = await startLogsSim({ pods: [makePod('web', ['app', 'sidecar'])], now: () => (clock += 5) });
  try {
    sim.logs.emit('default', 'web', 'app', ['a1 \u001b[32mgreen\u001b[0m', 'a2']);
    sim.logs.emit('default', 'web', 'sidecar', ['s1 \u001b]0;title\u0007']);
    sim.logs.emit('default', 'web', 'app', ['a3']);

    assert.deepEqual(await run(sim, {}), { code: 0, out: 'a1 green\na2\na3\n', err: '' });
    assert.deepEqual(await run(sim, { logColors: true, tail: 1, container: 'app' }), { code: 0, out: 'a3\n', err: '' });
    assert.equal((await run(sim, { logColors: true, container: 'app' })).out.split('\n')[0], 'a1 \u001b[32mgreen\u001b[0m');
    assert.deepEqual(await run(sim, { allContainers: true }), {
      code: 0,
      out: ['app     │ a1 green', 'app     │ a2', 'sidecar │ s1 \ufffd', 'app     │ a3', ''].join('\n'),
      err: '',
    });
    const stamped = await run(sim, { container: 'sidecar', timestamps: true });
    assert.match(stamped.out, /^\d{4}-\d\d-\d\dT[\d:.]+Z s1 \ufffd\n$/);
    assert.deepEqual(await run(sim, { container: 'app', previous: true }), { code: 1, out: '', err: 'error: container app has no previous instance (it has not restarted)\n' });
    assert.deepEqual(await run(sim, { pod: 'nope' }), { code: 1, out: '', err: 'error: pod "nope" not found in namespace "default"\n' });
    assert.deepEqual(await run(sim, { since: '5 minutes' }), { code: 1, out: '', err: 'error: invalid --since "5 minutes": use a duration like 30s, 5m or 1h30m\n' });
  } finally {
    await sim.close();
  }
});

test('--since takes Go durations', () => {
  assert.equal(parseSince('5m'), 300);
  assert.equal(parseSince('1h30m'), 5400);
  assert.equal(parseSince('90s'), 90);
  assert.equal(parseSince('500ms'), 1);
  assert.equal(parseSince('5'), undefined);
  assert.equal(parseSince('m5'), undefined);
});

test('an application line that starts with its own timestamp is printed whole when no timestamps were asked for', async () => {
  const sim = await startLogsSim({ pods: [makePod('web', ['app'])], now: () => (clock += 5) });
  try {
    const own = ['2026-11-25T14:10:13.123Z INFO started', '2026-11-25T14:10:14Z WARN slow', '2026-11-25 14:10:15 plain'];
    sim.logs.emit('default', 'web', 'app', own);
    assert.deepEqual(await run(sim, { tail: 2 }), { code: 0, out: `${own.slice(1).join('\n')}\n`, err: '' });
    const stamped = (await run(sim, { tail: 1, timestamps: true })).out;
    // Asked for: the kubelet's stamp first, then the line as the application wrote it.
    assert.match(stamped, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z 2026-11-25 14:10:15 plain\n$/);
  } finally {
    await sim.close();
  }
});

test('logs POD --all-containers -f: a line later than the window prints where it arrives and is counted on stderr', async () => {
  const t0 = Date.now() - 30_000;
  let now = t0;
  const sim = await startLogsSim({ pods: [makePod('web', ['app', 'sidecar'])], now: () => now });
  try {
    const r = start(sim, { allContainers: true, follow: true });
    await until(() => sim.logs.followers('default', 'web') === 2, 'both streams open', r.out);
    now = t0 + 200;
    sim.logs.emit('default', 'web', 'sidecar', ['written later']);
    await until(() => r.out().includes('written later'), 'the sidecar line out after the window', r.out);
    now = t0 + 100;
    sim.logs.emit('default', 'web', 'app', ['written earlier, too late']);
    await until(() => r.out().includes('too late'), 'the late line', r.out);
    sim.deletePod('default', 'web');
    assert.equal(await r.done, 0);
    assert.equal(r.out(), 'sidecar │ written later\napp     │ written earlier, too late\n');
    assert.match(r.err(), /^1 line came more than 500 ms after a later line of another stream and was printed where it arrived, out of time order$/m);
  } finally {
    await sim.close();
  }
});
