// `kubectl podview logs QUERY` prints the lines of several Pods merged in kubelet time order,
// like `logs POD --all-containers` for one Pod's containers (stern prints in arrival order):
// over the wire against the logs sim with a clock the test sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { runLogsMulti } from '../../src/cli/logsMulti.ts';
import { settableClock, until } from '../cluster/logsHelpers.ts';
import { makePod, startLogsSim } from '../sim/logsSim.ts';

const clock = settableClock();

function output() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const seen = { out: '', err: '' };
  stdout.on('data', (d: Buffer) => (seen.out += d.toString()));
  stderr.on('data', (d: Buffer) => (seen.err += d.toString()));
  return { stdout, stderr, seen };
}

const base = { namespace: 'default', pod: 'web', allContainers: false, timestamps: false, previous: false, logColors: false, color: false, pollMs: 20 };

test('logs QUERY: the histories of two Pods interleave in the time they were written', async (t) => {
  const sim = await startLogsSim({ pods: [makePod('web-1', ['app']), makePod('web-2', ['app'])], now: clock.now });
  t.after(() => sim.close());
  clock.write(sim, 'default', [
    [100, 'web-1', 'written at 100'],
    [200, 'web-2', 'written at 200'],
    [300, 'web-1', 'written at 300'],
    [400, 'web-2', 'written at 400'],
  ]);
  const o = output();
  const code = await runLogsMulti({ ...base, kubeConfig: sim.kubeConfig(), follow: false, stdout: o.stdout, stderr: o.stderr });
  assert.equal(code, 0, o.seen.err);
  // Each Pod's history comes in one piece: in arrival order one Pod's two lines would sit together.
  assert.equal(o.seen.out, 'web-1 app │ written at 100\nweb-2 app │ written at 200\nweb-1 app │ written at 300\nweb-2 app │ written at 400\n');
  assert.doesNotMatch(o.seen.err, /out of time order/);
});

test('logs QUERY -f: a line later than the window prints where it arrives and is counted on stderr', async (t) => {
  const sim = await startLogsSim({ pods: [makePod('web-1', ['app']), makePod('web-2', ['app'])], now: clock.now });
  t.after(() => sim.close());
  const o = output();
  let stop: () => void = () => undefined;
  const until$ = new Promise<void>((resolve) => (stop = resolve));
  const done = runLogsMulti({ ...base, kubeConfig: sim.kubeConfig(), follow: true, until: until$, stdout: o.stdout, stderr: o.stderr });
  await until(
    () => sim.logs.followers('default') === 2,
    'both streams open',
    () => o.seen.err,
  );
  clock.write(sim, 'default', [[200, 'web-2', 'written later, delivered first']]);
  // web-1 is silent: the line goes out after the window (500 ms), before web-1 writes.
  await until(
    () => o.seen.out.includes('delivered first'),
    'the first line out',
    () => o.seen,
  );
  clock.write(sim, 'default', [[100, 'web-1', 'written earlier, delivered too late']]);
  await until(
    () => o.seen.out.includes('too late'),
    'the late line',
    () => o.seen,
  );
  stop();
  assert.equal(await done, 0);
  assert.equal(o.seen.out, 'web-2 app │ written later, delivered first\nweb-1 app │ written earlier, delivered too late\n');
  assert.match(o.seen.err, /^1 line came more than 500 ms after a later line of another stream and was printed where it arrived, out of time order$/m);
});
