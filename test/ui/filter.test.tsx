import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simplePod } from './fixtures.ts';
import { frameWhere, frameWith, KEY, press, renderApp, storeWith } from './harness.tsx';

function shop() {
  return storeWith([
    simplePod('shop', 'web-1', { labels: { app: 'web', tier: 'front' } }),
    simplePod('shop', 'web-2', { labels: { app: 'web', tier: 'front' } }),
    simplePod('shop', 'api-1', { labels: { app: 'api', tier: 'back' } }),
    simplePod('shop', 'db-0', { labels: { app: 'db', tier: 'back' } }),
    simplePod('shop', 'cache-0', { labels: { app: 'cache' } }),
  ]);
}

const podRows = (frame: string) =>
  frame
    .split('\n')
    .filter((l) => /^[> ] (web|api|db|cache)-/.test(l))
    .map((l) => l.slice(2).split(' ')[0]);

test('/ filters by substring as you type and shows shown/total', async () => {
  const { app } = await renderApp({ store: shop() }, { columns: 80, rows: 24 });
  await frameWith(app, 'cache-0');
  await press(app, '/', 'w', 'e', 'b');
  const frame = await frameWith(app, '2/5 pods');
  assert.deepEqual(podRows(frame), ['web-1', 'web-2']);
  assert.match(frame, /^\/web/m);
  // enter keeps the filter; esc on the list clears it.
  await press(app, KEY.enter);
  await frameWith(app, 'filter: web');
  await press(app, KEY.esc);
  const cleared = await frameWith(app, '5 pods');
  assert.deepEqual(podRows(cleared), ['api-1', 'cache-0', 'db-0', 'web-1', 'web-2']);
  app.unmount();
});

test('text and its enter in one chunk (a paste, tmux send-keys) filter and close the prompt', async () => {
  const { app } = await renderApp({ store: shop() }, { columns: 80, rows: 24 });
  await frameWith(app, 'cache-0');
  await press(app, '/', 'web\r');
  const frame = await frameWith(app, 'filter: web');
  assert.deepEqual(podRows(frame), ['web-1', 'web-2']);
  // The prompt is closed: j moves the selection instead of being typed into the filter.
  await press(app, 'j');
  assert.match(await frameWith(app, 'filter: web'), /^> web-2/m);
  app.unmount();
});

test('/ and the filter typed ahead in one chunk open the prompt with that text', async () => {
  const { app } = await renderApp({ store: shop() }, { columns: 80, rows: 24 });
  await frameWith(app, 'cache-0');
  await press(app, '/web\r');
  assert.deepEqual(podRows(await frameWith(app, 'filter: web')), ['web-1', 'web-2']);
  await press(app, KEY.esc);
  await frameWith(app, '5 pods');
  await press(app, '/db');
  const open = await frameWith(app, '1/5 pods');
  assert.match(open, /^\/db_/m, 'the prompt stays open without the enter');
  app.unmount();
});

test('a filter with = or != is a label selector', async () => {
  const { app } = await renderApp({ store: shop() }, { columns: 80, rows: 24 });
  await frameWith(app, 'cache-0');
  app.stdin.write('/');
  await frameWith(app, '/_');
  app.stdin.write('tier=back'); // pasted: arrives as one chunk
  let frame = await frameWith(app, '2/5 pods');
  assert.deepEqual(podRows(frame), ['api-1', 'db-0']);
  assert.match(frame, /label selector/);
  await press(app, '\u007f', '\u007f', '\u007f', '\u007f', '\u007f', '\u007f', '\u007f', '\u007f', '\u007f');
  app.stdin.write('app!=web,tier');
  frame = await frameWith(app, '2/5 pods');
  assert.deepEqual(podRows(frame), ['api-1', 'db-0']);
  await press(app, KEY.esc);
  frame = await frameWith(app, '│ 5 pods');
  assert.ok(!frame.includes('app!=web'), 'esc in the prompt drops the filter');
  app.unmount();
});

test('a selector that does not parse says why and keeps the list', async () => {
  const { app } = await renderApp({ store: shop() }, { columns: 100, rows: 24 });
  await frameWith(app, 'cache-0');
  await press(app, '/');
  app.stdin.write('app in (web');
  const frame = await frameWhere(app, (f) => /unbalanced/.test(f), 'parse error');
  assert.equal(podRows(frame).length, 5);
  app.unmount();
});

test('the selection follows its Pod through a filter', async () => {
  const { app } = await renderApp({ store: shop() }, { columns: 80, rows: 24 });
  await frameWith(app, '> api-1');
  await press(app, 'G');
  await frameWith(app, '> web-2');
  await press(app, '/', 'w', 'e', 'b', KEY.enter);
  await frameWith(app, '> web-2');
  await press(app, KEY.esc);
  const frame = await frameWith(app, '│ 5 pods');
  assert.match(frame, /> web-2/);
  app.unmount();
});

test('the text filter also matches status, node, container names and images', async () => {
  const store = storeWith([
    { ...simplePod('shop', 'web-1'), spec: { nodeName: 'node-a', containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
    {
      ...simplePod('shop', 'api-1'),
      spec: {
        nodeName: 'node-b',
        containers: [
          { name: 'api', image: 'ghcr.io/acme/api:3' },
          { name: 'envoy', image: 'envoyproxy/envoy:v1.30' },
        ],
      },
    },
    { ...simplePod('shop', 'db-0'), spec: { nodeName: 'node-b', containers: [{ name: 'postgres', image: 'postgres:16' }] }, status: { phase: 'Pending' } },
  ]);
  const { app } = await renderApp({ store }, { columns: 100, rows: 24 });
  await frameWith(app, 'db-0');
  const filtered = async (text: string, shown: string) => {
    await press(app, '/');
    app.stdin.write(text);
    const frame = await frameWith(app, shown);
    await press(app, KEY.esc);
    await frameWith(app, '│ 3 pods');
    return podRows(frame);
  };
  assert.deepEqual(await filtered('pending', '1/3 pods'), ['db-0'], 'the STATUS column');
  assert.deepEqual(await filtered('node-b', '2/3 pods'), ['api-1', 'db-0'], 'the node');
  assert.deepEqual(await filtered('envoy', '1/3 pods'), ['api-1'], 'a container name');
  assert.deepEqual(await filtered('ghcr.io/acme', '1/3 pods'), ['api-1'], 'an image');
  app.unmount();
});
