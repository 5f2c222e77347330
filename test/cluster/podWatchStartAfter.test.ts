// `kubectl podview POD`: the namespace's list waits for the named Pod's first frame (startAfter),
// then loads as always; a watch stopped while it waits ends without having asked for anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPodWatch } from '../../src/cluster/podWatch.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { recording, turns } from './recordingConfig.ts';
import { withSim } from './simHarness.ts';
import { waitFor } from './waitFor.ts';

test('the list waits for startAfter, then loads the namespace', async (t) => {
  const h = await withSim(t);
  const { kubeConfig, asked } = recording(h.config.kubeConfig);
  const store = new PodStore({ frameMs: 0 });
  t.after(() => store.close());
  let start = () => {};
  const startAfter = new Promise<void>((resolve) => (start = resolve));
  const watch = startPodWatch({ kubeConfig, namespace: 'shop', store, startAfter });
  t.after(() => watch.stop());
  await turns(50);
  assert.equal(asked.length, 0, `nothing asked before startAfter: ${asked.join(' ')}`);
  assert.equal(store.size, 0);
  start();
  await waitFor('the list', () => store.resourceVersion !== undefined);
  assert.equal(store.size, h.sim.control.list('pods', 'shop').length);
});

test('a watch stopped while it waits for startAfter ends and asks for nothing', async (t) => {
  const h = await withSim(t);
  const { kubeConfig, asked } = recording(h.config.kubeConfig);
  const store = new PodStore({ frameMs: 0 });
  t.after(() => store.close());
  const watch = startPodWatch({ kubeConfig, namespace: 'shop', store, startAfter: new Promise<void>(() => {}) });
  await turns(10);
  await watch.stop();
  assert.equal(asked.length, 0);
});
