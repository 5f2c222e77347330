// The log view's frames: search with highlight and n/N, include/exclude filters, pause with
// a count of new lines, wrap, save, merged prefixes, and hostile lines kept out of the frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { LogBuffer } from '../../src/store/logBuffer.ts';
import { LogView } from '../../src/ui/logs/LogView.tsx';
import type { LogRequest, PodviewServices } from '../../src/ui/services.ts';

const tick = () => new Promise((r) => setTimeout(r, 30));

function setup(lines: string[], options: { color?: boolean; width?: number; height?: number } = {}) {
  const buffer = new LogBuffer({ frameMs: 0 });
  buffer.setState({ kind: 'streaming' });
  for (const text of lines) buffer.push({ text });
  const saved: { name: string; text: string }[] = [];
  let closed = 0;
  let quits = 0;
  const view = render(
    <LogView
      session={{ buffer, close() {} }}
      title="logs default/web · app"
      color={options.color ?? false}
      onClose={() => closed++}
      onQuit={() => quits++}
      saveText={async (name, text) => {
        saved.push({ name, text });
        return `/tmp/${name}`;
      }}
      width={options.width ?? 60}
      height={options.height ?? 8}
    />,
  );
  const type = async (keys: string[]) => {
    for (const k of keys) {
      view.stdin.write(k);
      await tick();
    }
  };
  return { buffer, view, type, saved, closed: () => closed, quits: () => quits, frame: () => view.lastFrame() ?? '' };
}

const body = (frame: string) =>
  frame
    .split('\n')
    .slice(1, -1)
    .map((l) => l.trimEnd())
    .filter(Boolean);

test('search highlights matches, counts them, and n/N move between hits', async () => {
  const t = setup(['alpha', 'beta error one', 'gamma', 'delta error two', 'epsilon']);
  await t.type(['/', 'error', '\r']);
  assert.match(t.frame(), /2 matches/);
  assert.match(t.frame(), /beta \[error\] one/);
  assert.match(t.frame(), /alpha/, 'search keeps the other lines');
  await t.type(['n']);
  assert.match(t.frame(), /1\/2 matches/);
  await t.type(['n']);
  assert.match(t.frame(), /2\/2 matches/);
  await t.type(['N']);
  assert.match(t.frame(), /1\/2 matches/);
  t.view.unmount();
});

test('f shows only matching lines, F hides them, both counted', async () => {
  const t = setup(['alpha', 'beta error one', 'gamma', 'delta error two', 'epsilon'], { width: 90 });
  await t.type(['f', 'error', '\r']);
  assert.deepEqual(body(t.frame()), ['beta error one', 'delta error two']);
  assert.match(t.frame(), /2 shown ~\/error\//);
  await t.type(['F', 'delta', '\r']);
  assert.deepEqual(body(t.frame()), ['beta error one']);
  await t.type(['f', '\u007f', '\u007f', '\u007f', '\u007f', '\u007f', '\r', 'F', '\u001b']);
  assert.deepEqual(body(t.frame()), ['alpha', 'beta error one', 'gamma', 'epsilon']);
  t.view.unmount();
});

test('space pauses while lines keep buffering, with a count; G jumps back to the end', async () => {
  const t = setup(['one', 'two']);
  await t.type([' ']);
  assert.match(t.frame(), /PAUSED \+0 new/);
  for (const text of ['three', 'four', 'five', 'six', 'seven', 'eight', 'nine']) t.buffer.push({ text });
  await tick();
  assert.match(t.frame(), /PAUSED \+7 new/);
  assert.deepEqual(body(t.frame()).slice(0, 2), ['one', 'two']);
  assert.doesNotMatch(t.frame(), /nine/);
  await t.type(['G']);
  assert.doesNotMatch(t.frame(), /PAUSED/);
  assert.equal(body(t.frame()).at(-1), 'nine');
  t.view.unmount();
});

test('W wraps a long line instead of cutting it', async () => {
  const long = `${'x'.repeat(50)}END`;
  const t = setup([long], { width: 30 });
  assert.deepEqual(body(t.frame()), [`${'x'.repeat(29)}…`]);
  await t.type(['W']);
  assert.deepEqual(body(t.frame()), ['x'.repeat(30), `${'x'.repeat(20)}END`]);
  t.view.unmount();
});

test('→ and ← scroll unwrapped lines sideways, marking hidden text on both sides; wrap ignores the scroll', async () => {
  const long = `${'a'.repeat(60)}${'b'.repeat(60)}${'c'.repeat(30)}END`;
  const t = setup([long, 'short'], { width: 80 });
  const header = () => t.frame().split('\n')[0];
  const right = '\u001b[C';
  const left = '\u001b[D';
  assert.deepEqual(body(t.frame()), [`${'a'.repeat(60)}${'b'.repeat(19)}…`, 'short']);
  await t.type([right]); // a quarter of the width: 20 cells
  assert.deepEqual(body(t.frame()), [`…${'a'.repeat(39)}${'b'.repeat(39)}…`, '…']);
  assert.match(header()!, / · →20$/);
  await t.type([right, right, right, right]);
  assert.deepEqual(body(t.frame()), [`…${'b'.repeat(19)}${'c'.repeat(30)}END`, '…']);
  await t.type([left, left, left, left, left, left]);
  assert.deepEqual(body(t.frame()), [`${'a'.repeat(60)}${'b'.repeat(19)}…`, 'short']);
  assert.doesNotMatch(header()!, /→/);
  await t.type([right, 'W']);
  assert.deepEqual(body(t.frame()).slice(0, 2), [`${'a'.repeat(60)}${'b'.repeat(20)}`, `${'b'.repeat(40)}${'c'.repeat(30)}END`]);
  assert.doesNotMatch(header()!, /→/);
  t.view.unmount();
});

test('w saves the buffer and says where; esc goes back', async () => {
  const t = setup(['one', 'two']);
  await t.type(['w']);
  assert.deepEqual(t.saved, [{ name: 'logs_default_web_app.log', text: 'one\ntwo\n' }]);
  assert.match(t.frame(), /saved 2 lines to \/tmp\/logs_default_web_app\.log/);
  await t.type(['\u001b']);
  assert.equal(t.closed(), 1);
  t.view.unmount();
});

test('merged lines carry their container prefix; evicted lines are counted', async () => {
  const buffer = new LogBuffer({ frameMs: 0, capacity: 3 });
  const view = render(<LogView session={{ buffer, close() {} }} title="t" color={false} onClose={() => {}} onQuit={() => {}} saveText={async () => ''} width={40} height={6} />);
  for (const [container, text] of [
    ['app', 'a1'],
    ['sidecar', 's1'],
    ['app', 'a2'],
    ['sidecar', 's2'],
  ] as const)
    buffer.push({ container, text });
  await tick();
  assert.deepEqual(body(view.lastFrame() ?? ''), ['sidecar │ s1', 'app     │ a2', 'sidecar │ s2']);
  assert.match(view.lastFrame() ?? '', /3 lines · 1 evicted/);
  view.unmount();
});

test('hostile escape sequences in a line never reach the frame', async () => {
  const t = setup(['a \u001b]0;pwned\u0007b \u001b[2Jc \u001b]8;;http://x\u001b\\d\u001b]8;;\u001b\\ \u009b1;1He \u001b[31mred'], { color: false });
  const frame = t.frame();
  assert.doesNotMatch(frame, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  assert.match(frame, /a \ufffdb \ufffdc \ufffdd\ufffd \ufffde red/, 'each removed sequence leaves a visible placeholder, colour alone none');
  t.view.unmount();
});

test('keys still work while lines pour in faster than frames', async () => {
  const t = setup(['start'], { width: 90 });
  let n = 0;
  // 2,000 lines every 10 ms while the user types a search.
  const pour = setInterval(() => {
    for (let i = 0; i < 2_000; i++) t.buffer.push({ text: `line ${n++}${n % 1000 === 0 ? ' needle' : ''}` });
  }, 10);
  try {
    await t.type(['/', 'needle', '\r']);
    await tick();
    assert.match(t.frame(), /\d+ matches/);
    assert.ok(n > 2_000, 'lines kept arriving while typing');
  } finally {
    clearInterval(pour);
  }
  t.view.unmount();
});

test('the App plug-in opens the session with 200 lines of history by default and closes it on leave', async () => {
  const { LogViewHost } = await import('../../src/ui/logs/LogViewHost.tsx');
  const opened: LogRequest[] = [];
  let closed = 0;
  const buffer = new LogBuffer({ frameMs: 0 });
  const services = {
    openLogs(request: LogRequest) {
      opened.push(request);
      return { buffer, close: () => closed++ };
    },
    saveText: async () => '/tmp/x',
  } as unknown as PodviewServices;
  const request: LogRequest = { namespace: 'default', name: 'web', allContainers: true, follow: true };
  const view = render(<LogViewHost request={request} services={services} onClose={() => {}} onQuit={() => {}} columns={80} rows={6} color={false} />);
  await tick();
  assert.deepEqual(opened, [{ ...request, tailLines: 200 }]);
  assert.match(view.lastFrame() ?? '', /logs default\/web · all containers/);
  view.unmount();
  await tick();
  assert.equal(closed, 1);
});
