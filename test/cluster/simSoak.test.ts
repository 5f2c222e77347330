// A short seeded soak: churn plus a random schedule of faults (dropped and stalled watches,
// compactions, 403 flaps, server restarts on the same port). At the end the store must equal
// what kubectl reads: same uids, same resourceVersions. `PODVIEW_SOAK_MS` makes it longer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPodWatch } from '../../src/cluster/podWatch.ts';
import { scaleScenario } from '../../src/sim/scenario/scale.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { sameMap, storePods, withSim } from './simHarness.ts';
import { waitFor } from './waitFor.ts';

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('after a seeded storm of faults the store equals kubectl get pods -A', async (t) => {
  const soakMs = Number(process.env.PODVIEW_SOAK_MS ?? 3000);
  const h = await withSim(t, { scenario: scaleScenario({ pods: 400, namespaces: 8, seed: 7, nowMs: Date.now() }), bookmarkIntervalMs: 200 });
  const store = new PodStore({ frameMs: 16, deletedLingerMs: 100 });
  t.after(() => store.close());
  const watch = startPodWatch({ kubeConfig: h.config.kubeConfig, store, pageSize: 50, stallTimeoutMs: 500, backoff: { initialMs: 20, maxMs: 300 } });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');

  const random = seeded(42);
  const churn = h.sim.control.churn({ changesPerSecond: 200, seed: 42, createDeleteRatio: 0.3 });
  const undo: (() => void)[] = [];
  const faults: string[] = [];
  const until = Date.now() + soakMs;
  while (Date.now() < until) {
    const pick = random();
    if (pick < 0.25) {
      h.sim.control.dropWatches();
      faults.push('drop');
    } else if (pick < 0.4) {
      undo.push(h.sim.control.stallWatches());
      faults.push('stall');
    } else if (pick < 0.55) {
      h.sim.control.compact();
      h.sim.control.dropWatches();
      faults.push('compact');
    } else if (pick < 0.7) {
      undo.push(h.sim.control.deny({ resource: 'pods', namespace: '' }));
      faults.push('403');
    } else if (pick < 0.8) {
      await h.sim.control.restart();
      faults.push('restart');
    } else {
      for (const u of undo.splice(0)) u();
      faults.push('heal');
    }
    await new Promise((resolve) => setTimeout(resolve, 100 + random() * 300));
  }
  churn.stop();
  for (const u of undo.splice(0)) u();
  assert.ok(new Set(faults).size >= 4, `varied faults: ${faults.join(',')}`);
  const truth = await h.kubectlPods();
  await waitFor('converged to kubectl', () => store.connection.kind === 'live' && sameMap(storePods(store), truth), 30_000);
  assert.ok(churn.changes() > 0);
});
