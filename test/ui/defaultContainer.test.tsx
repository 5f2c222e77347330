// The default container (model/defaultContainer) drives the keys: a Pod opens on the container
// its worst finding is about, and l from the list follows that finding too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Text } from 'ink';
import type { V1Pod } from '@kubernetes/client-node';
import { NOW, simplePod } from './fixtures.ts';
import { frameWith, press, renderApp, storeWith, wholeStoreWith } from './harness.tsx';
import type { LogViewHostProps } from '../../src/ui/plugins.ts';

/** app is healthy and first; its proxy crash-loops: kubectl would default to app. */
function crashingProxy(): V1Pod {
  const pod = simplePod('shop', 'api-7', { uid: 'uid-api-7' });
  pod.spec!.containers = [
    { name: 'app', image: 'api:3' },
    { name: 'proxy', image: 'envoy:1.31' },
  ];
  pod.status!.containerStatuses = [
    { name: 'app', image: 'api:3', imageID: '', ready: true, started: true, restartCount: 0, state: { running: { startedAt: new Date(NOW - 3600_000) } } },
    {
      name: 'proxy',
      image: 'envoy:1.31',
      imageID: '',
      ready: false,
      started: false,
      restartCount: 9,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: new Date(NOW - 60_000) } },
    },
  ];
  return pod;
}

const logsPlugin = () => {
  const seen: LogViewHostProps[] = [];
  const renderLogs = (p: LogViewHostProps) => {
    seen.push(p);
    return <Text>LOGS {p.request.container ?? '?'}</Text>;
  };
  return { seen, renderLogs };
};

test('a Pod opens with the container of its worst finding selected, and l, s act on it', async () => {
  const store = wholeStoreWith([crashingProxy()]);
  const { seen, renderLogs } = logsPlugin();
  const { app, services } = await renderApp({ store, initialPod: { namespace: 'shop', name: 'api-7' }, renderLogs }, { columns: 100, rows: 24 });
  await frameWith(app, /> app\s+proxy/);
  await press(app, 'l');
  await frameWith(app, 'LOGS proxy');
  seen.at(-1)!.onClose();
  await frameWith(app, /> app\s+proxy/);
  await press(app, 's');
  await frameWith(app, /shell in proxy/);
  assert.deepEqual(services.execs.at(-1), { namespace: 'shop', name: 'api-7', container: 'proxy' });
  app.unmount();
});

test('from the list, l opens the logs of the container in trouble, not the first one', async () => {
  const store = storeWith([crashingProxy()]);
  const { renderLogs } = logsPlugin();
  const { app } = await renderApp({ store, renderLogs }, { columns: 100, rows: 24 });
  await frameWith(app, '> api-7');
  await press(app, 'l');
  await frameWith(app, 'LOGS proxy');
  app.unmount();
});
