import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeQos } from '../../src/model/qos.ts';
import { podResources } from '../../src/model/resources.ts';
import { containerViews } from '../../src/model/containers.ts';

type R = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
const pod = (containers: R[], init: (R & { restartPolicy?: string })[] = [], podLevel?: R) => ({
  spec: {
    containers: containers.map((resources, i) => ({ name: `c${i}`, resources })),
    initContainers: init.map(({ restartPolicy, ...resources }, i) => ({ name: `i${i}`, restartPolicy, resources })),
    resources: podLevel,
  },
});

test('QoS computed as Kubernetes does, with exact quantities', () => {
  const cases: [string, ReturnType<typeof pod>, string][] = [
    ['nothing set', pod([{}]), 'BestEffort'],
    ['no containers', { spec: {} } as never, 'BestEffort'],
    ['equal requests and limits', pod([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }]), 'Guaranteed'],
    ['1 equals 1000m and 1Gi equals 1073741824', pod([{ requests: { cpu: '1000m', memory: '1073741824' }, limits: { cpu: '1', memory: '1Gi' } }]), 'Guaranteed'],
    ['limits only: requests default to limits', pod([{ limits: { cpu: '500m', memory: '128Mi' } }]), 'Guaranteed'],
    ['1G is not 1Gi', pod([{ requests: { cpu: '1', memory: '1G' }, limits: { cpu: '1', memory: '1Gi' } }]), 'Burstable'],
    ['memory limit missing', pod([{ requests: { cpu: '1' }, limits: { cpu: '1' } }]), 'Burstable'],
    ['one container without limits', pod([{ limits: { cpu: '1', memory: '1Gi' } }, {}]), 'Burstable'],
    ['init container counts', pod([{ limits: { cpu: '1', memory: '1Gi' } }], [{ requests: { cpu: '100m' } }]), 'Burstable'],
    ['init container with equal limits keeps Guaranteed', pod([{ limits: { cpu: '1', memory: '1Gi' } }], [{ limits: { cpu: '2', memory: '2Gi' } }]), 'Guaranteed'],
    ['zero requests are ignored', pod([{ requests: { cpu: '0', memory: '0' } }]), 'BestEffort'],
    ['other resources do not count', pod([{ requests: { 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } }]), 'BestEffort'],
    ['unparseable quantities are ignored', pod([{ requests: { cpu: 'lots' } }]), 'BestEffort'],
    ['pod-level resources decide', pod([{ requests: { cpu: '100m' } }], [], { limits: { cpu: '2', memory: '1Gi' } }), 'Guaranteed'],
    ['pod-level requests only', pod([{}], [], { requests: { cpu: '1' } }), 'Burstable'],
  ];
  for (const [label, p, want] of cases) assert.equal(computeQos(p), want, label);
});

test('status.qosClass wins when present', () => {
  const p = { ...pod([{}]), status: { qosClass: 'Guaranteed' } };
  const r = podResources(p, containerViews(p));
  assert.equal(r.qos, 'Guaranteed');
  assert.equal(r.qosSource, 'status');
  const q = { ...pod([{}]), status: { qosClass: 'Nonsense' } };
  assert.deepEqual([podResources(q, []).qos, podResources(q, []).qosSource], ['BestEffort', 'computed']);
});

test('pod totals: app containers and sidecars add up, an init container runs beside earlier sidecars', () => {
  const p = pod(
    [{ requests: { cpu: '250m', memory: '128Mi' } }, { requests: { cpu: '250m', memory: '128Mi' } }],
    [{ requests: { cpu: '100m', memory: '64Mi' }, restartPolicy: 'Always' }, { requests: { cpu: '2', memory: '64Mi' } }],
  );
  const r = podResources(p, containerViews(p));
  assert.equal(r.requests.cpu, '2.1', 'the big init container plus the sidecar started before it');
  assert.equal(r.requests.memory, '320Mi', 'apps plus sidecar');
  assert.equal(r.requests.cpuCores, 2.1);
});

test('usage sums what metrics reported; pod-level values are shown', () => {
  const p = pod([{ limits: { memory: '1Gi' } }, {}], [], { limits: { memory: '2Gi' } });
  const containers = containerViews(p, { c0: { memoryBytes: 100 }, c1: { memoryBytes: 50, cpuCores: 0.5 } });
  const r = podResources(p, containers);
  assert.deepEqual(r.usage, { memoryBytes: 150, cpuCores: 0.5 });
  assert.equal(r.podLevel?.limits.memory, '2Gi');
  assert.equal(r.limits.memory, '2Gi');
});
