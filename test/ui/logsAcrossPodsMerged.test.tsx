// The TUI's `a` over several Pods, end to end: the list filtered to two Pods, the real log
// session against the logs sim (its clock set by the test), and the log view's frames: lines of
// both Pods interleaved in the time they were written though delivered out of order, and search,
// filter and pause working across Pods as in the single-Pod view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { appendMergedLine } from '../../src/cluster/logLines.ts';
import { openLogSession } from '../../src/cluster/logs.ts';
import { LogBuffer } from '../../src/store/logBuffer.ts';
import { LogView } from '../../src/ui/logs/LogView.tsx';
import { makePod, startLogsSim } from '../sim/logsSim.ts';
import { settableClock, until } from '../cluster/logsHelpers.ts';
import { simplePod } from './fixtures.ts';
import { fakeServices, frameWith, KEY, press, renderApp, storeWith } from './harness.tsx';

const clock = settableClock();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a on two filtered Pods shows their lines interleaved in written order; search, filter and pause span both', async () => {
  const sim = await startLogsSim({ pods: [makePod('web-1', ['app'], { namespace: 'shop' }), makePod('web-2', ['app'], { namespace: 'shop' })], now: clock.now });
  const services = fakeServices();
  // The real session over the wire; a wide window so a slow machine still reorders, while lines
  // leave as soon as both streams have passed them.
  services.openLogs = (request) => {
    services.logs.push(request);
    return openLogSession(sim.kubeConfig(), request, { pollMs: 20, mergeWindowMs: 2_000, frameMs: 0 });
  };
  const { app } = await renderApp({ store: storeWith([simplePod('shop', 'web-1'), simplePod('shop', 'web-2'), simplePod('shop', 'api-1')]), services }, { columns: 100, rows: 16 });
  const frame = () => app.lastFrame() ?? '';
  try {
    await frameWith(app, 'api-1');
    await press(app, '/', 'w', 'e', 'b', KEY.enter);
    await frameWith(app, '2/3 pods');
    await press(app, 'a');
    await frameWith(app, 'logs of 2 Pods in shop');
    await until(() => sim.logs.followers('shop') === 2, 'both streams open');
    clock.write(sim, 'shop', [[200, 'web-2', 'line 2 of 5']]);
    await pause(100); // web-2's line arrives before web-1 writes its earlier one
    clock.write(sim, 'shop', [
      [100, 'web-1', 'line 1 of 5'],
      [300, 'web-1', 'line 3 of 5'],
      [400, 'web-2', 'line 4 of 5'],
      [500, 'web-1', 'line 5 of 5'],
    ]);
    // Lines 1-4 are out (each stream has passed them); 5 waits for web-2.
    await until(() => frame().includes('line 4 of 5'), 'four lines in the view', frame);
    const rows = frame()
      .split('\n')
      .filter((r) => r.includes(' of 5'));
    assert.deepEqual(
      rows.map((r) => r.replace(/\s+/g, ' ').trim()),
      ['web-1/app │ line 1 of 5', 'web-2/app │ line 2 of 5', 'web-1/app │ line 3 of 5', 'web-2/app │ line 4 of 5'],
    );
    assert.doesNotMatch(frame(), / late/);

    // Search highlights across both Pods; the filter keeps one Pod's lines by their text.
    await press(app, '/', 'o', 'f', ' ', '5', KEY.enter);
    await frameWith(app, '4 matches');
    await press(app, 'f', '[', '2', '4', ']', KEY.enter);
    await frameWith(app, '4 shown ~/[24]/'); // web-2's two lines and the two start marks
    assert.doesNotMatch(frame(), /line [13]/);
    await press(app, 'f', '\u007f', '\u007f', '\u007f', '\u007f', KEY.enter);
    await frameWith(app, 'line 3 [of 5]'); // search hits are shown in brackets without colour

    // Pause holds the view while either Pod writes, and counts what came; G follows again.
    await press(app, ' ');
    await frameWith(app, 'PAUSED +0 new');
    clock.write(sim, 'shop', [
      [600, 'web-2', 'line 6'],
      [700, 'web-1', 'line 7'],
    ]);
    await until(() => frame().includes('PAUSED +2 new'), 'lines 5 and 6 counted while paused', frame);
    await press(app, 'G');
    await frameWith(app, 'web-2/app │ line 6');
    assert.doesNotMatch(frame(), /PAUSED/);
  } finally {
    app.unmount();
    await sim.close();
  }
});

test('a line that came after the reorder window stays where it arrived, and the header counts it', async () => {
  const buffer = new LogBuffer({ frameMs: 0 });
  buffer.setState({ kind: 'streaming' });
  appendMergedLine(buffer, 'web-2/app', { ts: '2026-11-25T14:10:02Z', text: 'written later', cutBytes: 0 }, false);
  appendMergedLine(buffer, 'web-1/app', { ts: '2026-11-25T14:10:01Z', text: 'written earlier, came late', cutBytes: 0 }, true);
  const view = render(
    <LogView session={{ buffer, close() {} }} title="logs of 2 Pods in shop" color={false} onClose={() => undefined} onQuit={() => undefined} saveText={async () => ''} width={80} height={6} />,
  );
  const frame = view.lastFrame() ?? '';
  assert.match(frame, /2 lines · 1 late/);
  assert.ok(frame.indexOf('written later') < frame.indexOf('written earlier, came late'));
  view.unmount();
});
