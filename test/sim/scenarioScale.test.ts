import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeScalePod, scaleScenario } from '../../src/sim/scenario/scale.ts';

const NOW = Date.UTC(2025, 4, 1, 12, 0, 0);

test('scale scenario is deterministic for a seed and has the asked-for counts', () => {
  const opts = { pods: 600, namespaces: 50, seed: 9, nowMs: NOW };
  const a = scaleScenario(opts);
  const b = scaleScenario(opts);
  assert.equal(JSON.stringify(a.objects), JSON.stringify(b.objects));
  assert.equal(a.objects.pods.length, 600);
  assert.equal(a.objects.namespaces.length, 50);
  assert.equal(new Set(a.objects.pods.map((p) => p.metadata!.namespace)).size, 50);
  assert.notEqual(JSON.stringify(scaleScenario({ ...opts, seed: 10 }).objects.pods[0]), JSON.stringify(a.objects.pods[0]));
  for (const p of a.objects.pods) {
    const n = p.spec!.containers.length;
    assert.ok(n >= 2 && n <= 5);
    assert.deepEqual(
      p.status!.containerStatuses!.map((s) => s.name),
      p.spec!.containers.map((c) => c.name),
    );
    assert.ok(a.runtime.get(`${p.metadata!.namespace}/${p.metadata!.name}`));
  }
  const unhealthy = a.objects.pods.filter((p) => p.status!.containerStatuses!.some((s) => !s.ready)).length;
  assert.ok(unhealthy > 0 && unhealthy < 90, `a few % unhealthy, got ${unhealthy}`);
  assert.equal(JSON.stringify(makeScalePod(123, opts)), JSON.stringify(a.objects.pods[123]));
  const fresh = makeScalePod(1500, opts);
  assert.ok(!a.objects.pods.some((p) => p.metadata!.name === fresh.metadata!.name || p.metadata!.uid === fresh.metadata!.uid));
});

test('100,000 Pods across 1,000 namespaces build', () => {
  const s = scaleScenario({ pods: 100_000, namespaces: 1000, seed: 42, nowMs: NOW });
  assert.equal(s.objects.pods.length, 100_000);
  assert.equal(s.runtime.size, 100_000);
  assert.equal(new Set(s.objects.pods.map((p) => p.metadata!.namespace)).size, 1000);
});
