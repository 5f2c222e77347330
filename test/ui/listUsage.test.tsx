// The list's CPU and MEM columns: live use from the metrics poll, with the percentage of the
// Pod's limits where there is room; absent where metrics are not served; given up before NAME
// on a narrow terminal; sortable with shift-C and shift-M.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { PodUsageStore } from '../../src/store/podUsage.ts';
import { frameWith, press, renderApp, rowWith, storeWith } from './harness.tsx';
import { restarting } from './listFixtures.ts';
import { listHeader as header, rowNames } from './listFrame.ts';

const Mi = 2 ** 20;

function limited(name: string, cpu?: string, memory?: string): V1Pod {
  // Nodes named as on EKS: NODE (24 cells at most) does not fit beside the CPU and MEM columns below 100 columns.
  const pod = restarting('shop', name, 0, { node: 'ip-10-0-12-34.eu-west-1.compute.internal' });
  if (cpu || memory) pod.spec!.containers[0]!.resources = { limits: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } };
  return pod;
}

function cluster() {
  return storeWith([limited('api-gateway-7d9f8c6b5-x2k4q', '500m', '256Mi'), limited('cache-0', undefined, '1Gi'), limited('web-1', '2', '512Mi'), limited('worker-idle')]);
}

function served(): PodUsageStore {
  const usage = new PodUsageStore();
  usage.replace([
    { namespace: 'shop', name: 'api-gateway-7d9f8c6b5-x2k4q', usage: { cpuMilli: 250, memBytes: 128 * Mi } },
    { namespace: 'shop', name: 'cache-0', usage: { cpuMilli: 5, memBytes: 900 * Mi } },
    { namespace: 'shop', name: 'web-1', usage: { cpuMilli: 1500, memBytes: 64 * Mi } },
  ]);
  return usage;
}

const order = (frame: string) => rowNames(frame, /^(api|cache|web|worker)/);

test('with metrics served, CPU and MEM show use and the percentage of the limits; "-" without a sample', async () => {
  const { app } = await renderApp({ store: cluster(), usage: served() }, { columns: 140, rows: 12 });
  const frame = await frameWith(app, 'worker-idle');
  assert.match(header(frame), /CPU %LIM +MEM %LIM/);
  assert.match(rowWith(frame, 'api-'), /250m +50% +128Mi +50%/);
  assert.match(rowWith(frame, 'web-1'), /1\.5 +75% +64Mi +13%/);
  // No cpu limit: use without a percentage (the Pod has no ceiling), memory against its 1Gi.
  assert.match(rowWith(frame, 'cache-0'), /5m +900Mi +88%/);
  assert.doesNotMatch(rowWith(frame, 'cache-0'), /5m +\d+%/);
  assert.match(rowWith(frame, 'worker-idle'), / - +- /);
  app.unmount();
});

test('a new sample redraws the cells', async () => {
  const usage = served();
  const { app } = await renderApp({ store: cluster(), usage }, { columns: 140, rows: 12 });
  await frameWith(app, 'worker-idle');
  usage.replace([{ namespace: 'shop', name: 'worker-idle', usage: { cpuMilli: 42, memBytes: 3 * Mi } }]);
  const frame = await frameWith(app, '42m');
  assert.match(rowWith(frame, 'worker-idle'), /42m +3Mi/);
  assert.match(rowWith(frame, 'api-'), / - +- /, 'a Pod left out of the sample has no figure now');
  app.unmount();
});

test('without metrics (not served, forbidden, or no poll at all) there are no CPU and MEM columns; ? says why', async () => {
  const absent = new PodUsageStore();
  absent.unavailable('usage: the metrics API (metrics.k8s.io) is not served by this cluster');
  for (const usage of [absent, undefined]) {
    const { app } = await renderApp({ store: cluster(), ...(usage ? { usage } : {}) }, { columns: 140, rows: 80 });
    const frame = await frameWith(app, 'worker-idle');
    assert.doesNotMatch(header(frame), /CPU|MEM/);
    if (usage) {
      await press(app, '?');
      assert.match(await frameWith(app, 'CPU, MEM'), /not served by this cluster/);
    }
    app.unmount();
  }
});

test('narrow terminals: the percentage goes first, then the columns, before NAME gives up its room', async () => {
  const at = async (columns: number) => {
    const { app } = await renderApp({ store: cluster(), usage: served() }, { columns, rows: 12 });
    const frame = await frameWith(app, 'worker-idle');
    app.unmount();
    return frame;
  };
  assert.match(header(await at(104)), /CPU %LIM +MEM %LIM/);
  const mid = await at(90);
  assert.match(header(mid), /CPU +MEM/);
  assert.doesNotMatch(header(mid), /%LIM/);
  assert.match(rowWith(mid, 'api-'), /api-gateway-7d9f8c6b5-x2k4q .*250m +128Mi/);
  const narrow = await at(80);
  assert.doesNotMatch(header(narrow), /CPU|MEM/);
  assert.match(narrow, /api-gateway-7d9f8c6b5-x2k4q/, 'the longest name is whole');
});

test('C sorts by CPU, busiest first, Pods without a sample last; M by memory; again reverses; the header marks it', async () => {
  const { app } = await renderApp({ store: cluster(), usage: served() }, { columns: 140, rows: 12 });
  await frameWith(app, 'worker-idle');
  await press(app, 'C');
  let frame = await frameWith(app, 'CPU %LIM↓');
  assert.deepEqual(order(frame), ['web-1', 'api-gateway-7d9f8c6b5-x2k4q', 'cache-0', 'worker-idle']);
  assert.match(frame, /sort cpu/);
  await press(app, 'C');
  frame = await frameWith(app, 'CPU %LIM↑');
  assert.deepEqual(order(frame), ['worker-idle', 'cache-0', 'api-gateway-7d9f8c6b5-x2k4q', 'web-1']);
  await press(app, 'M');
  frame = await frameWith(app, 'MEM %LIM↓');
  assert.deepEqual(order(frame), ['cache-0', 'api-gateway-7d9f8c6b5-x2k4q', 'web-1', 'worker-idle']);
  app.unmount();
});

test('under the CPU sort a new sample reorders the list', async () => {
  const usage = served();
  const { app } = await renderApp({ store: cluster(), usage }, { columns: 140, rows: 12 });
  await frameWith(app, 'worker-idle');
  await press(app, 'C');
  await frameWith(app, 'CPU %LIM↓');
  usage.replace([
    { namespace: 'shop', name: 'worker-idle', usage: { cpuMilli: 3000, memBytes: Mi } },
    { namespace: 'shop', name: 'web-1', usage: { cpuMilli: 10, memBytes: Mi } },
  ]);
  const frame = await frameWith(app, '10m');
  assert.deepEqual(order(frame), ['worker-idle', 'web-1', 'api-gateway-7d9f8c6b5-x2k4q', 'cache-0']);
  app.unmount();
});

test('a wide terminal gives NODE the room NAME does not need: a cloud node name is whole at 200 columns', async () => {
  const at = async (columns: number) => {
    const { app } = await renderApp({ store: cluster(), usage: served() }, { columns, rows: 12 });
    const frame = await frameWith(app, 'worker-idle');
    app.unmount();
    return rowWith(frame, 'api-gateway');
  };
  assert.match(await at(200), /api-gateway-7d9f8c6b5-x2k4q .* ip-10-0-12-34\.eu-west-1\.compute\.internal /);
  assert.match(await at(120), / ip-10-0-12-34\.eu-west-1… /, 'where NAME needs the room, NODE keeps 24 cells');
});
