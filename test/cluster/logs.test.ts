// The product's log streams over the wire against the sim's pods/log endpoint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLogSession } from '../../src/cluster/logs.ts';
import { makePod, restart, startLogsSim, type LogsSim } from '../sim/logsSim.ts';
import { texts, until } from './logsHelpers.ts';
import { PLACEHOLDER } from '../../src/text/sanitize.ts';

let clock = Date.now() - 3_600_000;
const tick = () => (clock += 7);

async function withSim(pods: Parameters<typeof makePod>[], body: (sim: LogsSim) => Promise<void>): Promise<void> {
  const sim = await startLogsSim({ pods: pods.map((p) => makePod(...p)), now: tick });
  try {
    await body(sim);
  } finally {
    await sim.close();
  }
}

test('one container: every line, in order, with its kubelet timestamp', () =>
  withSim([['web', ['app']]], async (sim) => {
    sim.logs.emit('default', 'web', 'app', ['one', 'two', 'three']);
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: false });
    await session.done;
    assert.deepEqual(texts(session.buffer), ['one', 'two', 'three']);
    assert.match(session.buffer.at(0)?.ts ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    assert.equal(session.buffer.state.kind, 'ended');
    session.close();
  }));

test('all containers merged in time order, init and sidecar included, each line tagged', () =>
  withSim([['web', ['app', 'side'], { init: ['setup'] }]], async (sim) => {
    sim.logs.emit('default', 'web', 'setup', ['s1']);
    sim.logs.emit('default', 'web', 'app', ['a1']);
    sim.logs.emit('default', 'web', 'side', ['b1']);
    sim.logs.emit('default', 'web', 'app', ['a2']);
    sim.logs.emit('default', 'web', 'side', ['b2']);
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', allContainers: true, follow: true }, { mergeWindowMs: 30 });
    await until(
      () => session.buffer.size === 5,
      'five merged lines',
      () => texts(session.buffer),
    );
    sim.logs.emit('default', 'web', 'side', ['b3']);
    sim.logs.emit('default', 'web', 'app', ['a3']);
    await until(
      () => session.buffer.size === 7,
      'two live lines',
      () => texts(session.buffer),
    );
    assert.deepEqual(texts(session.buffer), ['setup: s1', 'app: a1', 'side: b1', 'app: a2', 'side: b2', 'side: b3', 'app: a3']);
    session.close();
  }));

test('previous: the instance before the restart, not the current one', () =>
  withSim([['web', ['app']]], async (sim) => {
    sim.logs.emit('default', 'web', 'app', ['before crash']);
    restart(sim, 'default', 'web', 'app');
    sim.logs.emit('default', 'web', 'app', ['after restart']);
    const previous = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', container: 'app', previous: true, follow: false });
    await previous.done;
    assert.deepEqual(texts(previous.buffer), ['before crash']);
    const current = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', container: 'app', follow: false });
    await current.done;
    assert.deepEqual(texts(current.buffer), ['after restart']);
  }));

test('previous on a container that never restarted says so', () =>
  withSim([['web', ['app']]], async (sim) => {
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', container: 'app', previous: true, follow: false });
    await session.done;
    assert.deepEqual(session.buffer.state, { kind: 'error', message: 'container app has no previous instance (it has not restarted)' });
  }));

test('tail keeps the last N lines; since keeps the recent ones', () =>
  withSim([['web', ['app']]], async (sim) => {
    sim.logs.emit('default', 'web', 'app', ['old 1', 'old 2']);
    clock = Date.now() - 5_000;
    sim.logs.emit('default', 'web', 'app', ['new 1', 'new 2', 'new 3']);
    const tail = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: false, tailLines: 2 });
    await tail.done;
    assert.deepEqual(texts(tail.buffer), ['new 2', 'new 3']);
    const since = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: false, sinceSeconds: 60 });
    await since.done;
    assert.deepEqual(texts(since.buffer), ['new 1', 'new 2', 'new 3']);
  }));

test('a restart while following is marked and the new instance is followed', () =>
  withSim([['web', ['app']]], async (sim) => {
    sim.logs.emit('default', 'web', 'app', ['first run']);
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: true }, { pollMs: 20 });
    await until(() => session.buffer.size === 1, 'the first line');
    restart(sim, 'default', 'web', 'app', { reason: 'OOMKilled', exitCode: 137 });
    sim.logs.emit('default', 'web', 'app', ['second run']);
    await until(
      () => session.buffer.size === 3,
      'marker and the new line',
      () => texts(session.buffer),
    );
    sim.logs.emit('default', 'web', 'app', ['still followed']);
    await until(
      () => session.buffer.size === 4,
      'a live line on the new instance',
      () => texts(session.buffer),
    );
    assert.deepEqual(texts(session.buffer), ['first run', '── container app restarted (restart #1: OOMKilled, exit 137) ──', 'second run', 'still followed']);
    session.close();
  }));

test('a Pod deleted while followed: the view says so and keeps its lines', () =>
  withSim([['web', ['app']]], async (sim) => {
    sim.logs.emit('default', 'web', 'app', ['last words']);
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: true });
    await until(() => session.buffer.size === 1, 'the line');
    sim.deletePod('default', 'web');
    await session.done;
    assert.equal(session.buffer.state.kind, 'ended');
    assert.deepEqual(texts(session.buffer), ['last words', '── pod default/web was deleted; keeping the 1 lines received ──']);
  }));

test('a waiting container shows why, then is tailed once it runs', () =>
  withSim([['web', ['app'], { waiting: { app: 'ContainerCreating' } }]], async (sim) => {
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: true }, { pollMs: 20 });
    await until(() => session.buffer.state.kind === 'waiting', 'waiting state');
    assert.deepEqual(session.buffer.state, { kind: 'waiting', message: 'ContainerCreating' });
    assert.deepEqual(texts(session.buffer), ['container app is waiting to start: ContainerCreating']);
    sim.setPod(makePod('web', ['app']));
    sim.logs.emit('default', 'web', 'app', ['started']);
    await until(
      () => session.buffer.size === 2,
      'the first line once running',
      () => texts(session.buffer),
    );
    assert.equal(session.buffer.state.kind, 'streaming');
    assert.equal(session.buffer.at(1)?.text, 'started');
    session.close();
  }));

test('forbidden pods/log gives a clear message', () =>
  withSim([['web', ['app']]], async (sim) => {
    sim.deny('log');
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: true });
    await session.done;
    assert.deepEqual(session.buffer.state, { kind: 'error', message: 'forbidden: you may not read logs of pod default/web (RBAC: get pods/log)' });
  }));

test('an unknown container is one clear message, not an endless wait', () =>
  withSim([['web', ['app']]], async (sim) => {
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', container: 'nope', follow: true });
    await session.done;
    assert.deepEqual(session.buffer.state, { kind: 'error', message: 'container nope is not in pod default/web' });
  }));

test('a missing Pod is one clear message', () =>
  withSim([['web', ['app']]], async (sim) => {
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'nope', follow: true });
    await session.done;
    assert.deepEqual(session.buffer.state, { kind: 'error', message: 'pod default/nope not found' });
  }));

test('a notice built from cluster text is stored sanitized: no live escape reaches the buffer (or a saved file)', () =>
  withSim([['web', ['app'], { waiting: { app: 'Bad\u001b]0;pwned\u0007\u001b]52;c;ZXZpbA==\u0007\u001b[2J' } }]], async (sim) => {
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: true }, { pollMs: 20 });
    await until(
      () => session.buffer.size === 1,
      'the waiting notice',
      () => texts(session.buffer),
    );
    assert.equal(session.buffer.at(0)?.text, `container app is waiting to start: Bad${PLACEHOLDER}`);
    session.close();
  }));
