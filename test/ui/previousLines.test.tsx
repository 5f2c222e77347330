// A crashed container's previous instance's last lines under its diagnosis in the Pod view:
// read through services.openLogs (previous, no follow, 5 lines), sanitized, closed on leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import type { V1Pod } from '@kubernetes/client-node';
import { LogBuffer } from '../../src/store/logBuffer.ts';
import type { PodStore } from '../../src/store/podStore.ts';
import { buildHostScreen } from '../../src/ui/host/hostScreen.ts';
import { useHostView } from '../../src/ui/hooks/useHostView.ts';
import { useFocusedPod } from '../../src/ui/hooks/useFocusedPod.ts';
import { followPreviousLines } from '../../src/cluster/previousLines.ts';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { useEffect } from 'react';
import { PodHostView } from '../../src/ui/host/PodHostView.tsx';
import type { LogRequest, LogSession, PodviewServices } from '../../src/ui/services.ts';
import { makeTheme } from '../../src/ui/theme.ts';
import { renderPodText } from '../../src/ui/snapshot/text.ts';
import { toPodHost } from '../../src/model/memo.ts';
import { crashingWithSidecar, NOW, simplePod } from './fixtures.ts';
import { feedWholePods, frameWhere, frameWith, rowWith, wholeStoreWith, until } from './harness.tsx';

interface FakeLogs extends Pick<PodviewServices, 'openLogs'> {
  requests: LogRequest[];
  buffers: LogBuffer[];
  closed: number[];
}

/** openLogs hands out real buffers the test fills; close() is counted per session. */
function fakeLogs(onOpen?: (buffer: LogBuffer, request: LogRequest) => void): FakeLogs {
  const f: FakeLogs = {
    requests: [],
    buffers: [],
    closed: [],
    openLogs(request): LogSession {
      const index = f.requests.length;
      const buffer = new LogBuffer({ capacity: 100, frameMs: 0 });
      f.requests.push(request);
      f.buffers.push(buffer);
      onOpen?.(buffer, request);
      return { buffer, close: () => void f.closed.push(index) };
    },
  };
  return f;
}

/** The Pod view as App builds it, scrolled to the Diagnosis section: the Pod shown is the open one. */
function HostPane({ store, uid, focused }: { store: PodStore; uid: string | undefined; focused: FocusedPodStore }) {
  const meta = uid === undefined ? undefined : store.get(uid)?.pod.metadata;
  useEffect(() => focused.focus(meta ? { namespace: meta.namespace ?? '', name: meta.name ?? '' } : null), [meta?.namespace, meta?.name]);
  useEffect(() => () => focused.focus(null), []);
  const state = useHostView(store, uid, NOW, useFocusedPod(focused));
  if (!state) return <Text>no pod open</Text>;
  const screen = buildHostScreen(state.host, { width: 140, selectedContainer: 0, deleted: state.deleted, notes: state.notes });
  return <PodHostView screen={screen} scroll={screen.sectionStarts[1]!} width={140} height={30} theme={makeTheme(false)} />;
}

/** The open Pod's record with the focus feed's previous-lines reader following it, reading through `logs`. */
function feedFor(store: PodStore, logs: FakeLogs): FocusedPodStore {
  const focused = new FocusedPodStore();
  followPreviousLines(
    focused,
    store,
    (request) => logs.openLogs(request),
    () => NOW,
  );
  feedWholePods(focused, store);
  return focused;
}

const WORKER = 'uid-worker-0';
const CRASH_LINES = ['booting worker 2.3.1', 'connecting to redis:6379', 'loaded 1200000 jobs', 'allocating cache', 'cache at 250Mi', 'cache at 255Mi', 'fatal: out of memory allocating 64Mi'];

function withRestarts(pod: V1Pod, restarts: number): V1Pod {
  const copy = structuredClone(pod);
  copy.metadata!.resourceVersion = String(restarts + 100);
  copy.status!.containerStatuses![0]!.restartCount = restarts;
  return copy;
}

test('the previous instance of a crash-looping container shows its last 5 lines under the diagnosis', async () => {
  const store = wholeStoreWith([crashingWithSidecar()]);
  const logs = fakeLogs();
  const focused = feedFor(store, logs);
  const app = render(<HostPane store={store} uid={WORKER} focused={focused} />);
  await until(() => logs.buffers.length === 1, 'the previous logs opened');
  assert.deepEqual(logs.requests, [{ namespace: 'shop', name: 'worker-0', container: 'worker', previous: true, follow: false, tailLines: 5 }]);
  // Lines arrive after the view is up: the buffer's notifications redraw it.
  for (const line of CRASH_LINES) logs.buffers[0]!.append(line);
  logs.buffers[0]!.setState({ kind: 'ended' });
  const frame = await frameWith(app, 'fatal: out of memory');
  const rows = frame.split('\n');
  const diagnosis = rows.findIndex((r) => r.includes('[worker]'));
  assert.ok(diagnosis >= 0, frame);
  assert.match(rows[diagnosis + 1]!, /previous instance, last 5 lines:/);
  assert.deepEqual(
    rows.slice(diagnosis + 2, diagnosis + 7).map((r) => r.replace(/^\s*│ /, '').trimEnd()),
    CRASH_LINES.slice(-5),
  );
  assert.ok(!frame.includes('booting worker'), 'only the last 5 lines');
  // Under the worker's first diagnosis only; the next one follows the lines.
  assert.match(rows[diagnosis + 7]!, /\[worker\]/);
  // The proxy sidecar never restarted: nothing was read for it.
  assert.equal(logs.requests.length, 1);
  app.unmount();
  assert.deepEqual(logs.closed, [0]);
});

test('leaving the view, another Pod and a new restart each close the read that was open', async () => {
  const crashing = crashingWithSidecar();
  const store = wholeStoreWith([crashing, simplePod('shop', 'web-1')]);
  const logs = fakeLogs((buffer) => buffer.append('panic: boom'));
  const focused = feedFor(store, logs);
  const app = render(<HostPane store={store} uid={WORKER} focused={focused} />);
  await frameWith(app, 'panic: boom');

  // A new restart: the old read closes, the new instance's predecessor is read.
  store.apply([{ type: 'MODIFIED', pod: withRestarts(crashing, 7) }]);
  app.rerender(<HostPane store={store} uid={WORKER} focused={focused} />);
  await until(() => logs.requests.length === 2, 'a second read after the restart');
  assert.deepEqual(logs.closed, [0]);

  // Another Pod, with nothing crashed: the read closes and none opens.
  app.rerender(<HostPane store={store} uid="uid-shop-web-1" focused={focused} />);
  await until(() => logs.closed.length === 2, 'the read closed on Pod change');
  assert.deepEqual(logs.closed, [0, 1]);
  await frameWhere(app, (f) => f.includes('nothing to report') && !f.includes('panic'), 'the other Pod without previous lines');

  // Back to the worker, then out of the view.
  app.rerender(<HostPane store={store} uid={WORKER} focused={focused} />);
  await until(() => logs.requests.length === 3, 'a read for the reopened Pod');
  app.rerender(<HostPane store={store} uid={undefined} focused={focused} />);
  await until(() => logs.closed.length === 3, 'the read closed when the view closed');
  await frameWith(app, 'no pod open');
  assert.equal(logs.requests.length, 3);
  app.unmount();
  assert.deepEqual(logs.closed, [0, 1, 2], 'each session closed exactly once');
});

test('hostile escape sequences in the previous lines never reach the frame', async () => {
  const hostile = [
    '\u001b]0;pwned title\u0007title changed',
    '\u001b]8;;https://evil.example/\u001b\\click me\u001b]8;;\u001b\\',
    '\u001b[2J\u001b[Hcleared\u001b[10;10Hmoved',
    '\u009b31mC1 csi\u0085next\u0007bell',
    'tab\there \u202eevil',
  ];
  const store = wholeStoreWith([crashingWithSidecar()]);
  const logs = fakeLogs((buffer) => {
    for (const l of hostile) buffer.append(l);
  });
  const focused = feedFor(store, logs);
  const app = render(<HostPane store={store} uid={WORKER} focused={focused} />);
  const frame = await frameWith(app, 'click me');
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(frame), JSON.stringify(frame));
  // Each removed run stands as one visible placeholder (U+FFFD); colours alone go quietly.
  for (const text of ['\ufffdtitle changed', '\ufffdcleared\ufffdmoved', '\ufffdC1 csi\ufffdnext\ufffdbell', 'tab  here \ufffdevil']) assert.ok(frame.includes(text), text);
  assert.ok(!frame.includes('pwned') && !frame.includes('evil.example'));
  app.unmount();
});

test('previous logs that cannot be read say why in one line', async () => {
  const store = wholeStoreWith([crashingWithSidecar()]);
  const logs = fakeLogs((buffer) => buffer.setState({ kind: 'error', message: 'pods "worker-0" is forbidden: User "dev" cannot get resource "pods/log"' }));
  const focused = feedFor(store, logs);
  const app = render(<HostPane store={store} uid={WORKER} focused={focused} />);
  const frame = await frameWith(app, 'previous logs:');
  const rows = frame.split('\n');
  const diagnosis = rows.findIndex((r) => r.includes('[worker]'));
  assert.equal(rows[diagnosis + 1]!.trim(), 'previous logs: forbidden');
  assert.ok(!frame.includes('previous instance, last'));
  app.unmount();
});

test('a container that restarted after an error, without a diagnosis, still gets its lines', async () => {
  const pod = simplePod('shop', 'api-1', { uid: 'uid-api-1' });
  pod.status!.containerStatuses![0]!.restartCount = 2;
  // Two hours ago: past the model's recent window, so no Restarted finding names it.
  pod.status!.containerStatuses![0]!.lastState = { terminated: { exitCode: 2, reason: 'Error', finishedAt: new Date(NOW - 2 * 3600_000) } };
  const store = wholeStoreWith([pod]);
  const logs = fakeLogs((buffer) => buffer.append('listen tcp :8080: bind: address already in use'));
  const focused = feedFor(store, logs);
  const app = render(<HostPane store={store} uid="uid-api-1" focused={focused} />);
  const frame = await frameWith(app, 'address already in use');
  assert.match(rowWith(frame, '[app]'), /Restarted \[app\]\s+previous instance ended: Error \(exit 2\)/);
  app.unmount();
});

test('the text snapshot prints the previous lines under the diagnosis, sanitized', () => {
  const host = toPodHost(crashingWithSidecar(), { now: NOW });
  const text = renderPodText({ ...host, previousLogs: { worker: { lines: ['oom \u001b]0;x\u0007here'] } } }, { color: false, width: 120 });
  const rows = text.split('\n');
  const at = rows.findIndex((r) => r.includes('OOMKilled:'));
  assert.equal(rows[at + 1], '      previous instance, last 1 line:');
  assert.equal(rows[at + 2], '      | oom \ufffdhere');
  assert.ok(!text.includes('\u001b'));
});

test('a container that restarted after it completed is not read: what is wanted is judged on the whole Pod', async () => {
  const pod = crashingWithSidecar();
  // The sidecar ended by itself once and runs again: nothing crashed, so nothing to read. Only
  // the whole Pod says it completed (the list's lean copy keeps no termination reason).
  const proxy = pod.status!.initContainerStatuses![1]!;
  assert.equal(proxy.name, 'proxy');
  proxy.restartCount = 1;
  proxy.lastState = { terminated: { exitCode: 0, reason: 'Completed', finishedAt: new Date(NOW - 60_000) } };
  const store = wholeStoreWith([pod]);
  const logs = fakeLogs();
  const focused = feedFor(store, logs);
  focused.focus({ namespace: pod.metadata!.namespace!, name: pod.metadata!.name! });
  await until(() => logs.requests.length >= 1, 'the crash-looping worker read');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(
    logs.requests.map((r) => r.container),
    ['worker'],
  );
});
