// Well-formed Pods for the tests of the list's FINDING (the projection, the timeline): times
// around NOW on both sides of each line the rules draw (a termination RECENT_SECONDS old, a
// start STUCK_START_SECONDS old), a few names that meet, ports and volumes shared.
import fc from 'fast-check';

export const NOW = Date.parse('2026-01-01T12:00:00Z');

// Well-formed Pods from a small vocabulary, so names meet, ports and volumes are shared, and
// healthy, restarting and failing containers all come up.
export const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
/** A value in about one Pod of eight: deletion and eviction decide everything, so most Pods go without. */
const rarely = <T>(value: T) => fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(value) });
const cname = fc.constantFrom('app', 'side', 'init', 'app');
const probe = fc.option(fc.constant({ httpGet: { port: 8080, path: '/' } }), { nil: undefined });
const container = fc.record(
  {
    name: cname,
    image: fc.constant('img:1'),
    restartPolicy: fc.option(fc.constant('Always'), { nil: undefined }),
    livenessProbe: probe,
    readinessProbe: probe,
    startupProbe: probe,
    ports: fc.array(fc.record({ containerPort: fc.constantFrom(80, 8080, 9090), protocol: fc.constantFrom('TCP', 'UDP', undefined) }), { maxLength: 2 }),
    volumeMounts: fc.array(fc.record({ name: fc.constantFrom('data', 'conf', 'kube-api-access-x1'), mountPath: fc.constant('/m'), readOnly: fc.boolean() }), { maxLength: 2 }),
  },
  { requiredKeys: ['name'] },
);
const finished = fc.constantFrom(ago(10), ago(1800), ago(3599), ago(3600), ago(3601), ago(7200), ago(-60), 'garbage', undefined);
const start = fc.constantFrom(ago(60), ago(299), ago(300), ago(301), ago(3600), 'garbage', '');
const healthy = { running: { startedAt: ago(600) } };
const state = fc.oneof(
  { weight: 6, arbitrary: fc.constant(healthy) },
  fc.record({ running: fc.record({ startedAt: start }) }),
  fc.record({
    waiting: fc.record({ reason: fc.constantFrom('CrashLoopBackOff', 'ImagePullBackOff', 'ContainerCreating', 'PodInitializing', 'CreateContainerConfigError', ''), message: fc.constant('m') }),
  }),
  fc.record({ terminated: fc.record({ exitCode: fc.constantFrom(0, 1, 137), reason: fc.constantFrom('Completed', 'Error', 'OOMKilled'), finishedAt: finished }) }),
);
const lastState = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  fc.record({ terminated: fc.record({ exitCode: fc.constantFrom(0, 1, 137), reason: fc.constantFrom('Completed', 'Error', 'OOMKilled'), finishedAt: finished }, { requiredKeys: ['finishedAt'] }) }),
);
const status = (name: fc.Arbitrary<string>) =>
  fc.record({ name, ready: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)), started: fc.boolean(), restartCount: fc.nat(5), state, lastState });
export const wellFormedPod = fc.record({
  metadata: fc.record({ name: fc.constant('p'), creationTimestamp: start, deletionTimestamp: rarely(ago(5)) }),
  spec: fc.record({
    restartPolicy: fc.constantFrom('Always', 'OnFailure', 'Never', undefined),
    initContainers: fc.array(container, { maxLength: 2 }),
    containers: fc.array(container, { minLength: 1, maxLength: 3 }),
    volumes: fc.array(
      fc.oneof(
        fc.record({ name: fc.constantFrom('data', 'conf'), emptyDir: fc.constant({}) }),
        fc.record({ name: fc.constantFrom('conf', 'kube-api-access-x1'), configMap: fc.constant({ name: 'c' }) }),
      ),
      {
        maxLength: 3,
      },
    ),
  }),
  status: fc.record({
    phase: fc.constantFrom('Running', 'Running', 'Succeeded', 'Failed', 'Pending'),
    reason: rarely('Evicted'),
    startTime: fc.constantFrom(ago(60), ago(3600)),
    conditions: fc.constantFrom(
      [],
      [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
      [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      [{ type: 'Ready', status: 'True' }],
    ),
    initContainerStatuses: fc.array(status(fc.constantFrom('init', 'side')), { maxLength: 2 }),
    containerStatuses: fc.array(status(cname), { maxLength: 3 }),
  }),
});

// Pods still starting: Pending, the first app container being created, sometimes no init containers.
export const startingPod = fc.tuple(wellFormedPod, fc.boolean()).map(([p, noInits]) => ({
  metadata: { ...p.metadata, deletionTimestamp: undefined },
  spec: noInits ? { ...p.spec, initContainers: [] } : p.spec,
  status: {
    ...p.status,
    phase: 'Pending',
    containerStatuses: p.status.containerStatuses.map((s, i) => (i === 0 ? { ...s, state: { waiting: { reason: 'ContainerCreating' } } } : s)),
  },
}));
