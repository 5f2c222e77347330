// The TUI against a hostile or broken API server: the list+watch feeds a real store drawn by
// the real App (ink-testing-library). Each failure is one line in the status bar, keys keep
// working, the watch comes back when the server does, and no frame carries the token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type http from 'node:http';
import { KubeConfig } from '@kubernetes/client-node';
import { startPodWatch } from '../../src/cluster/podWatch.ts';
import { applyRequestTimeout } from '../../src/cluster/request.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { frameWith, KEY, press, renderApp } from '../ui/harness.tsx';
import { json, pod, podList, privateDir, startHostileServer, TOKEN, writeKubeconfig, writeLong } from './hostileServer.ts';

const fast = { initialMs: 20, maxMs: 200 };
const isWatch = (req: http.IncomingMessage) => (req.url ?? '').includes('watch=true');
const isList = (req: http.IncomingMessage) => (req.url ?? '').startsWith('/api/v1/namespaces/shop/pods') && !isWatch(req);

/** A server whose list is `names` and whose watch first does `watch`, then streams one ADDED event per later call of `add`. */
function healthy(names: string[], onWatch?: (res: http.ServerResponse) => void) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (isList(req)) return json(res, 200, podList(names.map((n) => ({ ...pod(n), metadata: { ...pod(n).metadata, namespace: 'shop' } }))));
    if (isWatch(req)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders(); // a watch is established when its headers arrive, before any event
      return onWatch?.(res);
    }
    json(res, 404, { kind: 'Status', code: 404, message: 'not here' });
  };
}

async function setup(t: { after(fn: () => Promise<void> | void): void }, options: { requestTimeoutMs?: number; stallTimeoutMs?: number } = {}) {
  const server = await startHostileServer();
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(writeKubeconfig(privateDir(t), server.url, { namespace: 'shop' }));
  applyRequestTimeout(kubeConfig, options.requestTimeoutMs);
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 10 });
  const { app } = await renderApp({ store }, { columns: 160, rows: 20 });
  let watch: ReturnType<typeof startPodWatch> | undefined;
  const frames = () => app.frames.join('\n');
  t.after(async () => {
    await watch?.stop();
    app.unmount();
    store.close();
    await server.close();
    assert.ok(!frames().includes(TOKEN), 'no frame carries the token');
  });
  const start = () => (watch = startPodWatch({ kubeConfig, namespace: 'shop', store, backoff: fast, stallTimeoutMs: options.stallTimeoutMs ?? 5000, requestTimeoutMs: options.requestTimeoutMs }));
  return { server, store, app, start };
}

/** `?` opens help and esc closes it: the TUI still answers keys. */
async function keysStillWork(app: Awaited<ReturnType<typeof renderApp>>['app']): Promise<void> {
  await press(app, '?');
  await frameWith(app, /Keys: Pod list/);
  await press(app, KEY.esc);
}

/** The status bar is the last row; it says `text` on that one row. */
function statusRow(frame: string): string {
  return frame.trimEnd().split('\n').at(-1) ?? '';
}

test('a refused connection is one status line naming the server; keys work; the watch comes back with the server', async (t) => {
  const { server, app, start } = await setup(t);
  server.handler = healthy(['web-1']);
  await server.down();
  start();
  const down = await frameWith(app, /unreachable: cannot reach the API server at https:\/\/127\.0\.0\.1:\d+: connection refused/);
  assert.match(statusRow(down), /unreachable/);
  await keysStillWork(app);
  await server.up();
  const back = await frameWith(app, /web-1[\s\S]*● live/);
  assert.match(statusRow(back), /live/);
});

test('a 50 MB watch line is dropped unread with a count, memory stays bounded, and the watch goes on', async (t) => {
  const { server, app, store, start } = await setup(t);
  let watches = 0;
  server.handler = healthy(['web-1'], (res) => {
    if (++watches === 1) {
      res.write('{"type":"ADDED","object":{"metadata":{"name":"huge","namespace":"shop","annotations":{"a":"');
      void writeLong(res, 50 * 2 ** 20);
      return;
    }
    res.write(`${JSON.stringify({ type: 'ADDED', object: { ...pod('after'), metadata: { ...pod('after').metadata, namespace: 'shop', resourceVersion: '11' } } })}\n`);
  });
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  start();
  await frameWith(app, /over 4 MiB was dropped unread \(1 so far\)/);
  await frameWith(app, /after/);
  clearInterval(sampler);
  assert.ok(!store.find('shop', 'huge'), 'the oversized event was not applied');
  const grewMb = (peak - rssBefore) / 2 ** 20;
  t.diagnostic(`RSS grew ${grewMb.toFixed(0)} MB while a 50 MB watch line arrived`);
  assert.ok(grewMb < 45, `memory bounded: grew ${grewMb.toFixed(0)} MB for a 50 MB line`);
  await keysStillWork(app);
});

test('garbage lines in a watch are skipped; the events around them still apply', async (t) => {
  const { server, app, start } = await setup(t);
  server.handler = healthy(['web-1'], (res) => {
    res.write('not json at all\n{"type":5,"object":"x"}\n\u0000\u0001\u001b[2J\n[1,2,3]\nnull\n{"type":"ADDED","object":null}\n');
    res.write('{"type":"ADDED","object":{"metadata":{"name":7}}}\n{"type":"ADDED","object":{"metadata":null}}\n');
    res.write(`${JSON.stringify({ type: 'ADDED', object: { ...pod('good'), metadata: { ...pod('good').metadata, namespace: 'shop', resourceVersion: '12' } } })}\n`);
  });
  start();
  const frame = await frameWith(app, /good[\s\S]*● live \(2 items that are no Pod skipped\)/);
  assert.match(statusRow(frame), /● live \(2 items that are no Pod skipped\)/, 'the nameless objects are counted in the status bar');
  assert.doesNotMatch(frame, /^\s*>?\s+\d/m, 'no nameless row');
});

test('a list that never answers ends at --request-timeout as one status line, and recovers', async (t) => {
  const { server, app, start } = await setup(t, { requestTimeoutMs: 300 });
  server.handler = () => undefined;
  start();
  await frameWith(app, /no answer from https:\/\/127\.0\.0\.1:\d+ within 300 ms/);
  await keysStillWork(app);
  server.handler = healthy(['web-1']);
  await frameWith(app, /web-1/);
});

const BAD_LISTS: [string, (res: http.ServerResponse) => void, RegExp][] = [
  ['a 500', (res) => json(res, 500, { kind: 'Status', code: 500, message: 'etcd is down' }), /reconnecting \(attempt \d+\): cannot list pods in namespace "shop": etcd is down/],
  ['an HTML page', (res) => res.end('<html>proxy error</html>'), /reconnecting \(attempt \d+\): cannot list pods in namespace "shop": .*(JSON|list)/],
  ['a JSON array', (res) => json(res, 200, [1, 2, 3]), /reconnecting \(attempt \d+\): cannot list pods in namespace "shop": .*JSON object/],
];

for (const [label, answer, pattern] of BAD_LISTS) {
  test(`${label} for the list is one status line; keys work; the list loads once the server answers`, async (t) => {
    const { server, app, start } = await setup(t);
    server.handler = (req, res) => (isList(req) ? answer(res) : json(res, 404, {}));
    start();
    const frame = await frameWith(app, pattern);
    assert.equal(frame.split('\n').filter((l) => pattern.test(l)).length, 1, 'one line');
    assert.match(statusRow(frame), pattern, 'in the status bar');
    await keysStillWork(app);
    server.handler = healthy(['web-1']);
    await frameWith(app, /web-1[\s\S]*● live/);
  });
}

test('a watch that goes silent is given up and reconnected; the list stays', async (t) => {
  const { server, app, start } = await setup(t, { stallTimeoutMs: 200 });
  server.handler = healthy(['web-1']); // the watch answers 200 and then never a byte
  start();
  await frameWith(app, /web-1/);
  const watches = () => server.seen.filter((r) => r.url.includes('watch=true')).length;
  const { waitFor } = await import('../cluster/waitFor.ts');
  await waitFor('a second watch', () => watches() >= 2);
  assert.match(app.lastFrame() ?? '', /web-1/);
});

test('a list with nulls, numbers, strings, arrays, a nameless object and an item over 4 MiB: the Pods show, the rest is counted', async (t) => {
  const { server, app, start } = await setup(t);
  server.handler = (req, res) => {
    if (!isList(req)) {
      if (!isWatch(req)) return json(res, 404, {});
      res.writeHead(200);
      return res.flushHeaders();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    const good = (name: string) => JSON.stringify({ ...pod(name), metadata: { ...pod(name).metadata, namespace: 'shop' } });
    res.write(`{"kind":"PodList","metadata":{"resourceVersion":"10"},"items":[null,${good('before')},{"metadata":{"name":5}},7,"x",[1],{"metadata":{"name":"huge","namespace":"shop"},"x":"`);
    void writeLong(res, 10 * 2 ** 20).then(() => res.end(`"},${good('after')}]}`));
  };
  start();
  const frame = await frameWith(app, /● live \(5 items that are no Pod skipped, 1 over 4 MiB skipped\)/);
  assert.match(frame, /before/);
  assert.match(frame, /after/);
  assert.doesNotMatch(frame, /huge/);
});
