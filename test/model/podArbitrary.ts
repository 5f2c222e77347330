// Pods as fast-check builds them: every field the model reads, each sometimes of the wrong
// type, missing or junk, for the property tests that whatever arrives, nothing throws.
import fc from 'fast-check';

// Values of the wrong type wherever a field is read.
const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.constant({}), fc.constant([]));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, junk);
const name = fc.oneof(fc.constantFrom('a', 'b', 'c', 'app', ''), fc.string({ maxLength: 6 }));
const quantity = fc.oneof(fc.constantFrom('1', '250m', '1Gi', '1e3', '.5', '0', 'bad', ''), fc.integer());
const resources = fc.record(
  { requests: maybe(fc.record({ cpu: quantity, memory: quantity }, { requiredKeys: [] })), limits: maybe(fc.record({ cpu: quantity, memory: quantity }, { requiredKeys: [] })) },
  { requiredKeys: [] },
);
const port = fc.record({ containerPort: maybe(fc.integer({ min: 1, max: 12 })), protocol: maybe(fc.constantFrom('TCP', 'UDP', 'SCTP')), name: maybe(name) }, { requiredKeys: [] });
const mount = fc.record(
  { name: maybe(fc.constantFrom('v1', 'v2', 'v3')), mountPath: maybe(fc.string({ maxLength: 6 })), readOnly: maybe(fc.boolean()), subPath: maybe(fc.string({ maxLength: 4 })) },
  { requiredKeys: [] },
);
const state = fc.oneof(
  fc.record({ running: maybe(fc.record({ startedAt: maybe(fc.constant('2026-01-01T00:00:00Z')) })) }),
  fc.record({ waiting: maybe(fc.record({ reason: maybe(fc.constantFrom('CrashLoopBackOff', 'ErrImagePull', 'PodInitializing', '')), message: maybe(fc.string()) }, { requiredKeys: [] })) }),
  fc.record({
    terminated: maybe(fc.record({ exitCode: maybe(fc.integer()), reason: maybe(fc.constantFrom('OOMKilled', 'Completed', 'Error', '')), signal: maybe(fc.integer()) }, { requiredKeys: [] })),
  }),
  junk,
);
const container = fc.record(
  {
    name,
    image: maybe(fc.string({ maxLength: 10 })),
    restartPolicy: maybe(fc.constant('Always')),
    ports: maybe(fc.array(port, { maxLength: 4 })),
    volumeMounts: maybe(fc.array(mount, { maxLength: 3 })),
    resources: maybe(resources),
    env: maybe(
      fc.array(
        fc.record({ name: maybe(name), value: maybe(fc.string()), valueFrom: maybe(fc.record({ secretKeyRef: maybe(fc.record({ name, key: name })) }, { requiredKeys: [] })) }, { requiredKeys: [] }),
        { maxLength: 3 },
      ),
    ),
    readinessProbe: maybe(fc.record({ httpGet: maybe(fc.record({ port: maybe(fc.integer()), path: maybe(fc.string()) }, { requiredKeys: [] })) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const containerStatus = fc.record(
  { name, ready: maybe(fc.boolean()), started: maybe(fc.boolean()), restartCount: maybe(fc.integer()), state: maybe(state), lastState: maybe(state) },
  { requiredKeys: [] },
);
const volume = fc.oneof(
  fc.record({ name: fc.constantFrom('v1', 'v2', 'v3'), emptyDir: maybe(fc.record({ medium: maybe(fc.string()) }, { requiredKeys: [] })) }),
  fc.record({ name: fc.constantFrom('v1', 'v2'), secret: maybe(fc.record({ secretName: maybe(name), items: maybe(fc.array(fc.record({ key: name, path: name }))) }, { requiredKeys: [] })) }),
  fc.record({ name: fc.constantFrom('v1', 'v3'), projected: maybe(fc.record({ sources: maybe(fc.array(fc.anything(), { maxLength: 3 })) })) }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.anything(), { maxKeys: 3 }),
);
export const podArb = fc.record(
  {
    metadata: maybe(
      fc.record(
        {
          name: maybe(name),
          namespace: maybe(name),
          uid: maybe(name),
          creationTimestamp: maybe(fc.constantFrom('2025-12-31T00:00:00Z', 'nonsense')),
          deletionTimestamp: maybe(fc.constant('2026-01-01T00:00:00Z')),
          labels: maybe(fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 })),
          ownerReferences: maybe(fc.array(fc.anything(), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
    spec: maybe(
      fc.record(
        {
          containers: maybe(fc.array(container, { maxLength: 4 })),
          initContainers: maybe(fc.array(container, { maxLength: 3 })),
          ephemeralContainers: maybe(fc.array(container, { maxLength: 1 })),
          volumes: maybe(fc.array(volume, { maxLength: 4 })),
          resources: maybe(resources),
          nodeName: maybe(name),
        },
        { requiredKeys: [] },
      ),
    ),
    status: maybe(
      fc.record(
        {
          phase: maybe(fc.constantFrom('Running', 'Pending', 'Failed', 'Succeeded')),
          reason: maybe(fc.constantFrom('Evicted', 'NodeLost')),
          qosClass: maybe(fc.string()),
          containerStatuses: maybe(fc.array(containerStatus, { maxLength: 4 })),
          initContainerStatuses: maybe(fc.array(containerStatus, { maxLength: 3 })),
          conditions: maybe(fc.array(fc.anything(), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);
