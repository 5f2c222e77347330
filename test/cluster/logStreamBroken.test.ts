// A log stream the server cuts (a restart, a network drop) is never lost in silence: it is
// reconnected from the last line's time without repeats and marked, the view does not claim
// to be streaming meanwhile, and `logs -f` with no way back exits 1 with one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { openLogSession } from '../../src/cluster/logs.ts';
import { runLogsCommand } from '../../src/cli/logsCommand.ts';
import type { LogStreamState } from '../../src/store/logBuffer.ts';
import { makePod, startLogsSim } from '../sim/logsSim.ts';
import { texts, until } from './logsHelpers.ts';

let clock = Date.now() - 3_600_000;
const tick = () => (clock += 7);

test('a dropped stream is reconnected from where it stopped, marked, with no line lost or repeated', async () => {
  const sim = await startLogsSim({ pods: [makePod('web', ['app'])], now: tick });
  try {
    sim.logs.emit('default', 'web', 'app', ['one', 'two']);
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: true }, { pollMs: 20, frameMs: 0 });
    const states: LogStreamState['kind'][] = [];
    session.buffer.subscribe(() => states.push(session.buffer.state.kind));
    await until(
      () => session.buffer.size === 2,
      'the history',
      () => texts(session.buffer),
    );
    sim.dropConnections();
    sim.logs.emit('default', 'web', 'app', ['three']);
    await until(
      () => texts(session.buffer).includes('three'),
      'the line written during the outage',
      () => texts(session.buffer),
    );
    sim.logs.emit('default', 'web', 'app', ['four']);
    await until(
      () => texts(session.buffer).includes('four'),
      'a live line after the reconnect',
      () => texts(session.buffer),
    );
    const got = texts(session.buffer);
    assert.deepEqual(
      got.filter((t) => !t.startsWith('──')),
      ['one', 'two', 'three', 'four'],
    );
    assert.equal(got.length, 5, `one mark: ${JSON.stringify(got)}`);
    assert.match(got[2]!, /^── log stream of app broken \(.+\); resuming after \d{4}-.+Z ──$/);
    const after = states.slice(states.indexOf('streaming'));
    assert.ok(after.includes('waiting'), `not "streaming" while disconnected: ${after.join(',')}`);
    assert.equal(session.buffer.state.kind, 'streaming');
    session.close();
  } finally {
    await sim.close();
  }
});

test('logs -f against a server that goes away exits 1 with one line on stderr', async () => {
  const sim = await startLogsSim({ pods: [makePod('web', ['app'])], now: tick });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  sim.logs.emit('default', 'web', 'app', ['one']);
  const running = runLogsCommand({
    kubeConfig: sim.kubeConfig(),
    namespace: 'default',
    pod: 'web',
    allContainers: false,
    follow: true,
    timestamps: false,
    previous: false,
    logColors: false,
    stdout,
    stderr,
  });
  await until(
    () => out === 'one\n',
    'the first line',
    () => out,
  );
  await sim.close();
  const code = await running;
  assert.equal(code, 1);
  assert.equal(out, 'one\n');
  const lines = err.trimEnd().split('\n');
  assert.equal(lines.length, 1, err);
  assert.match(lines[0]!, /^error: log stream of app broken \(.+\) and the server cannot be reached: /);
});
