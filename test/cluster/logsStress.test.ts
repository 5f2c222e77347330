// The log stream under abuse: hostile escape sequences, a 1 MiB line, a burst of 100,000
// lines (the 100 open/close cycles run against the full sim in logsRealSim.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLogSession } from '../../src/cluster/logs.ts';
import { firehoseLine } from '../../src/sim/logs/index.ts';
import { makePod, startLogsSim, type LogsSim } from '../sim/logsSim.ts';
import { texts, until } from './logsHelpers.ts';

async function withSim(body: (sim: LogsSim) => Promise<void>): Promise<void> {
  const sim = await startLogsSim({ pods: [makePod('web', ['app'])] });
  try {
    await body(sim);
  } finally {
    await sim.close();
  }
}

const HOSTILE = [
  'title \u001b]0;pwned\u0007 change',
  'clear \u001b[2J\u001b[H screen',
  'link \u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ here',
  'c1 \u009b31m csi and \u009d0;x\u009c osc',
  'dcs \u001bPq#0;2;0;0;0\u001b\\ sixel',
  'bell\u0007 backspace\u0008 cr\r mid',
  'colour \u001b[31mred\u001b[0m kept as SGR only',
];

test('hostile escape sequences never reach the buffer; SGR colour is kept for --log-colors', () =>
  withSim(async (sim) => {
    sim.logs.emit('default', 'web', 'app', HOSTILE);
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: false });
    await session.done;
    const got = texts(session.buffer);
    assert.equal(got.length, HOSTILE.length);
    for (const line of got) {
      const withoutSgr = line.replace(/\u001b\[[0-9;]*m/g, '');
      assert.doesNotMatch(withoutSgr, /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/, JSON.stringify(line));
    }
    assert.equal(got[0], 'title \ufffd change', 'what was removed is marked');
    assert.equal(got[2], 'link \ufffdclick\ufffd here');
    assert.equal(got[6], 'colour \u001b[31mred\u001b[0m kept as SGR only');
  }));

test('a 1 MiB line is cut for display with a marker and the stream goes on', () =>
  withSim(async (sim) => {
    sim.logs.emit('default', 'web', 'app', ['before', 'é'.repeat(512 * 1024), 'after']);
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: false });
    await session.done;
    const [before, long, after] = session.buffer.slice();
    assert.equal(before!.text, 'before');
    assert.equal(after!.text, 'after');
    assert.equal(long!.truncated, true);
    assert.match(long!.text, /^é+ … \[cut: 1\.0 MiB line\]$/);
    assert.equal(long!.text.indexOf('\ufffd'), -1, 'the cut falls between characters');
  }));

test('a burst of 100,000 lines while following: none lost, evictions counted', () =>
  withSim(async (sim) => {
    const session = openLogSession(sim.kubeConfig(), { namespace: 'default', name: 'web', follow: true }, { bufferLines: 10_000 });
    let expected = 0;
    let outOfOrder = 0;
    session.buffer.tap((line) => {
      if (line.text !== firehoseLine(expected, 60)) outOfOrder++;
      expected++;
    });
    await sim.logs.firehose('default', 'web', 'app', 100_000, { lineBytes: 60, endStreams: true });
    await until(
      () => session.buffer.total >= 100_000,
      '100,000 lines',
      () => session.buffer.total,
    );
    assert.equal(outOfOrder, 0);
    assert.equal(session.buffer.total, 100_000);
    assert.equal(session.buffer.size, 10_000);
    assert.equal(session.buffer.evicted, 90_000);
    assert.equal(session.buffer.at(9_999)?.text, firehoseLine(99_999, 60));
    session.close();
  }));
