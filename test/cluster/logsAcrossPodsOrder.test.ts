// The TUI's `a` over several Pods merges their lines by kubelet time, over the wire against the
// sim's pods/log endpoint with a clock the test sets: lines written in time order come out in
// time order though their streams deliver them out of order; a line later than the reorder
// window is kept where it arrives and counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLogSession } from '../../src/cluster/logs.ts';
import type { OpenedLogSession } from '../../src/cluster/logSession.ts';
import { makePod, restart, startLogsSim, type LogsSim } from '../sim/logsSim.ts';
import { settableClock, until } from './logsHelpers.ts';

const clock = settableClock();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PODS = [
  { namespace: 'default', name: 'web-1' },
  { namespace: 'default', name: 'web-2' },
];

/** The lines from the containers (not podview's marks), as pod/container: text. */
const logLines = (session: OpenedLogSession) =>
  session.buffer
    .slice()
    .filter((l) => !l.notice)
    .map((l) => `${l.container}: ${l.text}`);

async function withTwoPods(mergeWindowMs: number, body: (sim: LogsSim, session: OpenedLogSession) => Promise<void>): Promise<void> {
  const sim = await startLogsSim({ pods: [makePod('web-1', ['app']), makePod('web-2', ['app'])], now: clock.now });
  const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web-1', follow: true, allContainers: true, pods: PODS }, { pollMs: 20, mergeWindowMs, frameMs: 0 });
  try {
    await until(
      () => sim.logs.followers('default') === 2,
      'both streams open',
      () => session.buffer.slice(),
    );
    await body(sim, session);
  } finally {
    session.close();
    await session.done;
    await sim.close();
  }
}

test('lines of two Pods written in time order come out in time order though delivered out of order', () =>
  // A wide window: a slow machine still delivers within it, and lines leave as soon as every
  // stream has passed them, so the test does not wait for the window.
  withTwoPods(2_000, async (sim, session) => {
    clock.write(sim, 'default', [[200, 'web-2', 'written second']]);
    // web-2's line is on its way (it arrives first) before web-1 writes the earlier one.
    await pause(100);
    clock.write(sim, 'default', [
      [100, 'web-1', 'written first'],
      [300, 'web-1', 'written third'],
      [400, 'web-2', 'written fourth'],
    ]);
    await until(
      () => logLines(session).length >= 3,
      'the first three lines',
      () => logLines(session),
    );
    // The fourth waits for web-1 (the window) until the view closes, which lets it out.
    session.close();
    await session.done;
    assert.deepEqual(logLines(session), ['web-1/app: written first', 'web-2/app: written second', 'web-1/app: written third', 'web-2/app: written fourth']);
    assert.equal(session.buffer.late, 0);
  }));

test('a line later than the window is kept where it arrives and counted as late', () =>
  withTwoPods(200, async (sim, session) => {
    clock.write(sim, 'default', [[200, 'web-2', 'written later, delivered first']]);
    // web-1 stays silent past the window: the line goes out without it.
    await until(
      () => logLines(session).length === 1,
      'the line out after its window',
      () => logLines(session),
    );
    clock.write(sim, 'default', [[100, 'web-1', 'written earlier, delivered too late']]);
    await until(
      () => logLines(session).length === 2,
      'the late line',
      () => logLines(session),
    );
    assert.deepEqual(logLines(session), ['web-2/app: written later, delivered first', 'web-1/app: written earlier, delivered too late']);
    assert.equal(session.buffer.late, 1);
  }));

test('marks stay after the lines they follow: a restart goes on with the new instance, a deleted Pod leaves', () =>
  withTwoPods(2_000, async (sim, session) => {
    clock.write(sim, 'default', [
      [100, 'web-1', 'web-1 before the restart'],
      [200, 'web-2', 'web-2 before its Pod goes'],
      [250, 'web-1', 'web-1 still before'], // lets web-2's line out without waiting the window
    ]);
    await until(
      () => logLines(session).length === 2,
      'the first lines',
      () => logLines(session),
    );
    restart(sim, 'default', 'web-1', 'app');
    await until(
      () => session.buffer.slice().some((l) => l.text.includes('container app restarted')),
      'the restart mark',
      () => session.buffer.slice(),
    );
    await until(() => sim.logs.followers('default', 'web-1') === 1, 'the new instance followed');
    clock.write(sim, 'default', [[300, 'web-1', 'web-1 after the restart']]);
    sim.deletePod('default', 'web-2');
    await until(
      () => logLines(session).length === 4 && session.buffer.slice().some((l) => l.text === '- web-2/app'),
      'the new line and the leave mark',
      () => session.buffer.slice(),
    );
    const all = session.buffer.slice().map((l) => (l.notice ? l.text : `${l.container}: ${l.text}`));
    const where = (text: string) => all.findIndex((t) => t.includes(text));
    assert.ok(where('web-1 still before') < where('container app restarted'), all.join('\n'));
    assert.ok(where('container app restarted') < where('web-1 after the restart'), all.join('\n'));
    assert.ok(where('web-2 before its Pod goes') < where('- web-2/app'), all.join('\n'));
  }));
