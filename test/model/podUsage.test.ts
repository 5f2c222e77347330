// A Pod's use (summed over its sampled containers) and its ceiling (summed limits of the
// containers that run together), as the list's CPU and MEM columns read them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { percentOf, podLimits, usageOfPodMetrics } from '../../src/model/podUsage.ts';
import { parseQuantity } from '../../src/text/quantity.ts';

const metrics = (...containers: { cpu?: unknown; memory?: unknown }[]) => ({
  metadata: { namespace: 'shop', name: 'web-1' },
  containers: containers.map((usage, i) => ({ name: `c${i}`, usage })),
});

test('usage sums the containers: nanocores and Ki as metrics-server writes them', () => {
  assert.deepEqual(usageOfPodMetrics(metrics({ cpu: '250000000n', memory: '131072Ki' }, { cpu: '5m', memory: '1Mi' })), { cpuMilli: 255, memBytes: 128 * 2 ** 20 + 2 ** 20 });
  assert.deepEqual(usageOfPodMetrics(metrics({ cpu: '1', memory: '1G' })), { cpuMilli: 1000, memBytes: 1e9 });
  assert.equal(usageOfPodMetrics({ containers: [] }), undefined, 'no containers: no sample');
  assert.equal(usageOfPodMetrics({}), undefined);
});

test('one malformed or negative value makes that resource unknown, never a smaller sum', () => {
  assert.deepEqual(usageOfPodMetrics(metrics({ cpu: '250m', memory: 'lots' }, { cpu: '5m', memory: '1Mi' })), { cpuMilli: 255, memBytes: undefined });
  assert.deepEqual(usageOfPodMetrics(metrics({ cpu: '-5m', memory: '1Mi' })), { cpuMilli: undefined, memBytes: 2 ** 20 });
  assert.deepEqual(usageOfPodMetrics(metrics({ memory: '1Mi' })), { cpuMilli: undefined, memBytes: 2 ** 20 });
});

const pod = (containers: object[], initContainers: object[] = []) => ({ spec: { containers, initContainers } });
const limited = (cpu?: string, memory?: string) => ({ name: 'c', resources: { limits: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } });

test('limits: app containers and native sidecars summed; a plain init container does not count', () => {
  const p = pod([limited('500m', '256Mi'), limited('1', '1Gi')], [{ ...limited('100m', '64Mi'), restartPolicy: 'Always' }, limited('4', '4Gi')]);
  assert.deepEqual(podLimits(p), { cpuMilli: 1600, memBytes: 256 * 2 ** 20 + 2 ** 30 + 64 * 2 ** 20 });
});

test('limits: a running container without one leaves the Pod without a ceiling for that resource', () => {
  assert.deepEqual(podLimits(pod([limited('500m', '256Mi'), limited(undefined, '1Gi')])), { cpuMilli: undefined, memBytes: 256 * 2 ** 20 + 2 ** 30 });
  assert.deepEqual(podLimits(pod([])), { cpuMilli: undefined, memBytes: undefined });
  assert.deepEqual(podLimits({}), { cpuMilli: undefined, memBytes: undefined });
});

test('percent of the limit: whole percent, nothing without a positive limit or a use', () => {
  assert.equal(percentOf(250, 500), 50);
  assert.equal(percentOf(1, 3), 33);
  assert.equal(percentOf(750, 500), 150, 'cpu may run over its limit before throttling shows');
  assert.equal(percentOf(250, 0), undefined);
  assert.equal(percentOf(undefined, 500), undefined);
  assert.equal(percentOf(250, undefined), undefined);
});

// Anything a broken or hostile server could put where a quantity belongs.
const junk = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.object(),
  fc.array(fc.string()),
  fc.constantFrom('1e999', 'NaN', 'Infinity', '-1', '1Xi', '--1m', '.', '', '1e308', 1.797693134862316e305),
);
const valid = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('m', 'n', '', 'Ki', 'Mi')).map(([n, s]) => `${n}${s}`);

test('a quantity that overflows once scaled, or a sum that does, is unknown, not Infinity', () => {
  // Found by the property below (seed 1451195667): 1.8e305 cores is finite, its millicores are not.
  assert.equal(usageOfPodMetrics(metrics({ cpu: 1.797693134862316e305, memory: '0' }))!.cpuMilli, undefined);
  assert.equal(usageOfPodMetrics(metrics({ cpu: '1', memory: '1e308' }, { cpu: '1', memory: '1e308' }))!.memBytes, undefined);
});

test('property: any mix of values never throws, and the sum is a finite non-negative number or unknown', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ cpu: fc.oneof(junk, valid), memory: fc.oneof(junk, valid) }), { minLength: 1, maxLength: 6 }), (containers) => {
      const u = usageOfPodMetrics(metrics(...containers))!;
      for (const v of [u.cpuMilli, u.memBytes]) assert.ok(v === undefined || (Number.isFinite(v) && v >= 0), String(v));
      const p = percentOf(u.cpuMilli, 1000);
      assert.ok(p === undefined || (Number.isInteger(p) && p >= 0));
    }),
  );
});

test("property: metrics-server's plain forms read the same as the exact parser reads them", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.constantFrom('n', 'u', 'm', '', 'Ki', 'Mi', 'Gi'), (n, unit) => {
      const text = `${n}${unit}`;
      const u = usageOfPodMetrics(metrics({ cpu: text, memory: text }))!;
      const exact = parseQuantity(text)!;
      assert.ok(Math.abs(u.cpuMilli! - exact * 1000) <= Math.abs(exact * 1000) * 1e-12, `${text}: ${u.cpuMilli} vs ${exact * 1000}`);
      assert.ok(Math.abs(u.memBytes! - exact) <= Math.abs(exact) * 1e-12, `${text}: ${u.memBytes} vs ${exact}`);
    }),
  );
});

test('property: with only valid values, the sum is the sum of the parts', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }), (millis) => {
      const u = usageOfPodMetrics(metrics(...millis.map((m) => ({ cpu: `${m}m`, memory: `${m}Ki` }))))!;
      const total = millis.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(u.cpuMilli! - total) < 1e-6);
      assert.equal(u.memBytes, total * 1024);
    }),
  );
});
