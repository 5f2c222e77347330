// The default container (model/defaultContainer) drives the keys: a Pod opens on the container
// its worst finding is about, and l from the list follows that finding too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { NOW, simplePod } from './fixtures.ts';
import { fakeServices, frameWith, KEY, press, renderApp, storeWith, wholeStoreWith } from './harness.tsx';

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

test('a Pod opens with the container of its worst finding selected, and l, s act on it', async () => {
  const store = wholeStoreWith([crashingProxy()]);
  const { app, services } = await renderApp({ store, initialPod: { namespace: 'shop', name: 'api-7' } }, { columns: 100, rows: 24 });
  await frameWith(app, /> app\s+proxy/);
  await press(app, 'l');
  await frameWith(app, 'logs shop/api-7 · proxy');
  assert.equal(services.logs.at(-1)?.container, 'proxy');
  await press(app, KEY.esc);
  await frameWith(app, /> app\s+proxy/);
  await press(app, 's');
  await frameWith(app, /shell in proxy/);
  assert.deepEqual(services.execs.at(-1), { namespace: 'shop', name: 'api-7', container: 'proxy' });
  app.unmount();
});

test('from the list, l opens the logs of the container in trouble, not the first one', async () => {
  const store = storeWith([crashingProxy()]);
  const { app, services } = await renderApp({ store }, { columns: 100, rows: 24 });
  await frameWith(app, '> api-7');
  await press(app, 'l');
  await frameWith(app, 'logs shop/api-7 · proxy');
  assert.equal(services.logs.at(-1)?.container, 'proxy');
  app.unmount();
});

/**
 * web restarted a minute ago (exit 1); worker was OOMKilled a minute ago. Both run again. The
 * whole Pod says worker's is the worse (an OOMKilled error beside a restart warning); the list's
 * lean copy keeps no termination reason, so on it both look merely restarted.
 */
function oomBesideRestart(): V1Pod {
  const pod = simplePod('shop', 'jobs-1', { uid: 'uid-jobs-1' });
  const restarted = (name: string, reason: string, exitCode: number) => ({
    name,
    image: `${name}:1`,
    imageID: '',
    ready: true,
    started: true,
    restartCount: 1,
    state: { running: { startedAt: new Date(NOW - 50_000) } },
    lastState: { terminated: { exitCode, reason, finishedAt: new Date(NOW - 60_000) } },
  });
  pod.spec!.containers = [
    { name: 'web', image: 'web:1' },
    { name: 'worker', image: 'worker:1', resources: { limits: { memory: '64Mi' } } },
  ];
  pod.status!.containerStatuses = [restarted('web', 'Error', 1), restarted('worker', 'OOMKilled', 137)];
  return pod;
}

test('from the list, l and s act on the container the whole Pod says is in the worst trouble, as the Pod view does', async () => {
  const store = storeWith([oomBesideRestart()]);
  const services = fakeServices();
  // The cluster serves the Pod whole; the list holds only its lean copy.
  services.yamlPods = [oomBesideRestart()];
  const { app } = await renderApp({ store, services, now: () => NOW }, { columns: 100, rows: 24 });
  await frameWith(app, '> jobs-1');
  await press(app, 'l');
  await frameWith(app, 'logs shop/jobs-1 · worker');
  assert.equal(services.logs.at(-1)?.container, 'worker');
  await press(app, KEY.esc);
  await frameWith(app, '> jobs-1');
  await press(app, 's');
  await frameWith(app, /shell in worker/);
  assert.deepEqual(services.execs.at(-1), { namespace: 'shop', name: 'jobs-1', container: 'worker' });
  app.unmount();
});
