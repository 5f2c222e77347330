// Property tests: whatever JSON arrives as a Pod, the model answers and never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildPodHost } from '../../src/model/podHost.ts';
import { toPodHost } from '../../src/model/memo.ts';
import { toPodRow } from '../../src/model/podRow.ts';
import { toSnapshotJson } from '../../src/model/snapshotJson.ts';
import { renderSnapshotText } from '../../src/ui/snapshot/text.ts';
import { jsonPod } from './jsonPod.ts';
import { podArb } from './podArbitrary.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');

function everything(pod: unknown, events?: unknown): void {
  toPodRow(pod as never, NOW);
  const host = buildPodHost(jsonPod(pod), { now: NOW, events: events as never });
  toPodHost(jsonPod(pod), { now: NOW });
  JSON.stringify(toSnapshotJson([host]));
  renderSnapshotText([host], { color: false, width: 80 });
}

test('any JSON value as a Pod never throws', () => {
  fc.assert(
    fc.property(fc.anything(), fc.anything(), (pod, events) => everything(pod, events)),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.object(), (pod) => everything(pod)),
    { numRuns: 200 },
  );
  for (const pod of [null, undefined, 0, '', [], 'pod', { spec: null }, { spec: { containers: 'x' } }, { metadata: { name: 5 } }]) everything(pod);
});

test('Pods with missing and wrong-typed fields never throw', () => {
  fc.assert(
    fc.property(podArb, (pod) => everything(pod)),
    { numRuns: 400 },
  );
});

test('invariants: ports once each, conflicts iff two containers, every mount in the matrix', () => {
  fc.assert(
    fc.property(podArb, (pod) => {
      const host = buildPodHost(jsonPod(pod), { now: NOW });
      const keys = host.ports.map((p) => `${p.port}/${p.protocol}`);
      assert.equal(new Set(keys).size, keys.length, 'one entry per port and protocol');
      for (const c of host.containers) for (const p of c.ports) assert.ok(keys.includes(`${p.containerPort}/${p.protocol}`), 'every declared port is in the map');
      for (const p of host.ports) {
        assert.equal(p.conflict, p.containers.length >= 2);
        for (const c of p.containers) assert.ok(host.containers.some((x) => x.name === c && x.ports.some((d) => d.containerPort === p.port && d.protocol === p.protocol)));
      }
      const mounts = host.volumes.reduce((n, v) => n + v.mounts.length, 0);
      const spec = (pod as { spec?: { containers?: unknown; initContainers?: unknown; ephemeralContainers?: unknown } }).spec;
      let declared = 0;
      for (const list of [spec?.containers, spec?.initContainers, spec?.ephemeralContainers]) {
        if (!Array.isArray(list)) continue;
        for (const c of list)
          if (c && typeof c === 'object' && Array.isArray(c.volumeMounts)) declared += c.volumeMounts.filter((m: unknown) => m !== null && typeof m === 'object' && !Array.isArray(m)).length;
      }
      assert.equal(mounts, declared, 'every volume mount appears in the matrix');
      for (const v of host.volumes) assert.equal(v.shared, new Set(v.mounts.map((m) => m.container)).size >= 2);
      assert.match(host.ready, /^\d+\/\d+$/);
      assert.ok(Number.isInteger(host.restarts));
    }),
    { numRuns: 300 },
  );
});

// Extreme values where the diagnosis reads them: exit codes, counts, times, messages with line breaks.
const lines = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r\n', '\t', 'é'), maxLength: 12 });
const extremeStatus = fc.record(
  {
    name: fc.constantFrom('a', 'b', 'app'),
    ready: fc.boolean(),
    restartCount: fc.oneof(fc.integer(), fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, Number.NaN, Infinity)),
    state: fc.oneof(
      fc.record({
        terminated: fc.record(
          {
            exitCode: fc.oneof(fc.integer(), fc.constantFrom(0, 1, 126, 127, 128, 137, 143, 255, -1, 2 ** 31)),
            reason: fc.constantFrom('OOMKilled', 'Completed', 'Error', 'StartError', 'ContainerStatusUnknown', ''),
            message: lines,
            finishedAt: fc.constantFrom('2025-12-31T23:59:00Z', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', 'garbage', ''),
          },
          { requiredKeys: [] },
        ),
      }),
      fc.record({
        waiting: fc.record({ reason: fc.constantFrom('CrashLoopBackOff', 'ImagePullBackOff', 'PodInitializing', 'ContainerCreating', 'PostStartHookError'), message: lines }, { requiredKeys: [] }),
      }),
      fc.record({ running: fc.record({ startedAt: fc.constantFrom('2025-12-31T23:00:00Z', 'x') }) }),
    ),
    lastState: fc.record({
      terminated: fc.record(
        { exitCode: fc.integer(), reason: fc.constantFrom('OOMKilled', 'Completed', 'Error'), message: lines, finishedAt: fc.constantFrom('2025-12-31T23:59:00Z', '2020-01-01T00:00:00Z') },
        { requiredKeys: [] },
      ),
    }),
  },
  { requiredKeys: ['name'] },
);
const extremePod = fc.record({
  metadata: fc.record({ deletionTimestamp: fc.constantFrom(undefined, '2026-01-01T00:00:00Z'), deletionGracePeriodSeconds: fc.oneof(fc.integer(), fc.constant(undefined)) }, { requiredKeys: [] }),
  spec: fc.record({
    restartPolicy: fc.constantFrom('Always', 'Never', 'OnFailure', 'bogus'),
    initContainers: fc.array(
      fc.record({ name: fc.constantFrom('a', 'i'), restartPolicy: fc.constantFrom(undefined, 'Always'), livenessProbe: fc.constantFrom(undefined, { exec: { command: ['x'] } }) }),
      { maxLength: 2 },
    ),
    containers: fc.array(
      fc.record({
        name: fc.constantFrom('a', 'b', 'app'),
        livenessProbe: fc.constantFrom(undefined, { httpGet: { port: 1 } }),
        readinessProbe: fc.constantFrom(undefined, { tcpSocket: { port: 2 } }),
      }),
      { maxLength: 3 },
    ),
  }),
  status: fc.record({
    phase: fc.constantFrom('Pending', 'Running', 'Failed', 'Succeeded'),
    startTime: fc.constantFrom('2025-12-31T00:00:00Z', 'nope'),
    conditions: fc.array(
      fc.record(
        {
          type: fc.constantFrom('PodScheduled', 'Initialized', 'Ready'),
          status: fc.constantFrom('True', 'False'),
          reason: fc.constantFrom('Unschedulable', 'SchedulingGated', ''),
          message: lines,
          lastTransitionTime: fc.constantFrom('2025-12-31T00:00:00Z', ''),
        },
        { requiredKeys: ['type', 'status'] },
      ),
      { maxLength: 3 },
    ),
    initContainerStatuses: fc.array(extremeStatus, { maxLength: 2 }),
    containerStatuses: fc.array(extremeStatus, { maxLength: 3 }),
  }),
});
const eventArb = fc.record(
  {
    type: fc.constantFrom('Warning', 'Normal'),
    reason: fc.constantFrom('Unhealthy', 'FailedMount', 'BackOff'),
    message: lines,
    count: fc.oneof(fc.integer(), fc.constant(Number.NaN)),
    lastTimestamp: fc.constantFrom('2025-12-31T23:00:00Z', 'bad'),
  },
  { requiredKeys: [] },
);

test('the diagnosis of malformed and extreme Pods never throws and gives one line per finding', () => {
  fc.assert(
    fc.property(fc.oneof(extremePod, podArb), fc.array(eventArb, { maxLength: 3 }), fc.constantFrom(NOW, Number.NaN, 0, 8.64e15), (pod, events, now) => {
      const host = buildPodHost(jsonPod(pod), { now, events: events as never });
      for (const d of host.diagnosis) {
        assert.ok(['error', 'warning', 'info'].includes(d.severity));
        assert.ok(typeof d.code === 'string' && d.code.length > 0);
        assert.ok(!/[\r\n]/.test(d.message), `one line: ${JSON.stringify(d.message)}`);
        if (d.evidence !== undefined) assert.ok(d.message.endsWith(d.evidence));
        if (d.container !== undefined)
          assert.ok(
            host.containers.some((c) => c.name === d.container),
            'a finding names a container of the Pod',
          );
      }
      const rank = host.diagnosis.map((d) => ({ error: 0, warning: 1, info: 2 })[d.severity]);
      assert.deepEqual(
        rank,
        [...rank].sort((x, y) => x - y),
        'worst first',
      );
    }),
    { numRuns: 400 },
  );
});

test('many containers and ports stay correct', () => {
  const containers = Array.from({ length: 300 }, (_, i) => ({ name: `c${i}`, ports: Array.from({ length: 20 }, (_, j) => ({ containerPort: 1000 + ((i * 20 + j) % 5000) })) }));
  containers.push({ name: 'dup', ports: [{ containerPort: 1000 }] });
  const host = buildPodHost({ spec: { containers } }, { now: NOW });
  assert.equal(host.ports.length, 5000);
  assert.deepEqual(host.ports[0]!.containers, ['c0', 'c250', 'dup']);
  assert.equal(host.ports.filter((p) => p.conflict).length, 1000);
  assert.equal(toPodRow({ spec: { containers } }, NOW).ready, '0/301');
});
