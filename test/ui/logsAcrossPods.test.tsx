import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simplePod } from './fixtures.ts';
import { frameWith, KEY, press, renderApp, storeWith } from './harness.tsx';

function shop() {
  return storeWith([simplePod('shop', 'web-1'), simplePod('shop', 'web-2'), simplePod('shop', 'web-3'), simplePod('shop', 'api-1')]);
}

test('a on a filtered list follows every listed Pod, and the title says how many', async () => {
  const { app, services } = await renderApp({ store: shop() }, { columns: 100, rows: 24 });
  await frameWith(app, 'api-1');
  await press(app, '/', 'w', 'e', 'b', KEY.enter);
  await frameWith(app, '3/4 pods');
  await press(app, 'a');
  await frameWith(app, 'logs of 3 Pods in shop · all containers');
  const request = services.logs.at(-1)!;
  assert.deepEqual(
    request.pods?.map((p) => `${p.namespace}/${p.name}`),
    ['shop/web-1', 'shop/web-2', 'shop/web-3'],
  );
  assert.equal(request.allContainers, true);
  assert.equal(request.follow, true);
  app.unmount();
});

test('a without a filter, or on a filter that leaves one Pod, is the selected Pod alone', async () => {
  const { app, services } = await renderApp({ store: shop() }, { columns: 100, rows: 24 });
  await frameWith(app, 'api-1');
  await press(app, 'a');
  await frameWith(app, 'logs shop/api-1 · all containers');
  assert.equal(services.logs.at(-1)!.pods, undefined);
  await press(app, KEY.esc);
  await press(app, '/', 'w', 'e', 'b', '-', '2', KEY.enter);
  await frameWith(app, '1/4 pods');
  await press(app, 'a');
  await frameWith(app, 'logs shop/web-2 · all containers');
  assert.equal(services.logs.at(-1)!.pods?.length ?? 1, 1);
  app.unmount();
});

test('a on a list narrowed to a workload (TYPE/NAME) follows all of its Pods without a filter', async () => {
  const store = storeWith([simplePod('shop', 'web-1'), simplePod('shop', 'web-2')]);
  const { app, services } = await renderApp({ store, narrowedTo: 'app=web' }, { columns: 100, rows: 24 });
  await frameWith(app, 'web-2');
  await press(app, 'a');
  await frameWith(app, 'logs of 2 Pods in shop · all containers');
  assert.equal(services.logs.at(-1)!.pods?.length, 2);
  app.unmount();
});
