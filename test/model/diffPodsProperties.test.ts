// Properties of the replica comparison over generated Pods and over every real Pod of the
// corpus: a Pod compared with itself shows no difference, and diff(b, a) is diff(a, b) with
// the columns swapped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffPods } from '../../src/model/diffPods.ts';
import type { DiffRow, PodDiff } from '../../src/model/diffPods.ts';
import { corpusFiles, readCorpusPod } from './realCorpus.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');

const name = fc.constantFrom('app', 'proxy', 'init', '');
const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 4 }), fc.constant({}), fc.constant([]));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk });
const env = fc.oneof(
  fc.record({ name: fc.constantFrom('A', 'B', 'A'), value: maybe(fc.string({ maxLength: 6 })) }),
  fc.record({ name: fc.constantFrom('S', 'A'), valueFrom: fc.record({ secretKeyRef: fc.record({ name: fc.constantFrom('s1', 's2'), key: fc.constantFrom('k', 'p') }) }) }),
  fc.record({ name: fc.constant('C'), valueFrom: fc.record({ configMapKeyRef: fc.record({ name: fc.constant('cm'), key: fc.constant('k') }) }) }),
);
const container = fc.record(
  {
    name,
    image: maybe(fc.constantFrom('nginx:1', 'nginx:2', 'envoy')),
    env: maybe(fc.array(env, { maxLength: 4 })),
    volumeMounts: maybe(fc.array(fc.record({ name: fc.constantFrom('v', 'kube-api-access-abcde'), mountPath: fc.constantFrom('/a', '/b'), readOnly: maybe(fc.boolean()) }), { maxLength: 3 })),
    resources: maybe(fc.record({ requests: fc.record({ cpu: fc.constantFrom('100m', '1') }), limits: maybe(fc.record({ memory: fc.constantFrom('1Gi', 512) })) }, { requiredKeys: [] })),
    readinessProbe: maybe(fc.record({ httpGet: fc.record({ path: fc.constant('/r'), port: fc.integer({ min: 1, max: 3 }) }) })),
  },
  { requiredKeys: ['name'] },
);
const status = fc.record(
  {
    name,
    imageID: maybe(fc.constantFrom('x@sha256:aa', 'x@sha256:bb', 'docker://y')),
    restartCount: maybe(fc.integer({ min: 0, max: 3 })),
    ready: maybe(fc.boolean()),
    state: maybe(fc.oneof(fc.constant({ running: { startedAt: '2026-06-01T11:00:00Z' } }), fc.constant({ waiting: { reason: 'CrashLoopBackOff' } }), fc.constant({ terminated: { exitCode: 1 } }))),
  },
  { requiredKeys: ['name'] },
);
const pod = fc.record(
  {
    metadata: maybe(
      fc.record(
        {
          name: fc.constantFrom('web-1', 'web-2'),
          uid: fc.constantFrom('u1', 'u2'),
          labels: maybe(fc.dictionary(fc.constantFrom('app', 'pod-template-hash', 'statefulset.kubernetes.io/pod-name'), fc.constantFrom('x', 'y'))),
          annotations: maybe(fc.dictionary(fc.constantFrom('a', 'cni.projectcalico.org/podIP'), fc.constantFrom('1', '2'))),
          ownerReferences: maybe(
            fc.array(fc.record({ kind: fc.constant('ReplicaSet'), name: fc.constant('web'), uid: fc.constantFrom('o1', 'o2'), controller: maybe(fc.boolean()) }), { maxLength: 2 }),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    spec: maybe(
      fc.record(
        {
          nodeName: maybe(fc.constantFrom('n1', 'n2')),
          containers: maybe(fc.array(container, { maxLength: 3 })),
          initContainers: maybe(fc.array(container, { maxLength: 1 })),
          volumes: maybe(fc.array(fc.record({ name: fc.constantFrom('v', 'kube-api-access-abcde'), emptyDir: fc.constant({}) }), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
    status: maybe(fc.record({ podIP: maybe(fc.constantFrom('10.0.0.1', '10.0.0.2')), containerStatuses: maybe(fc.array(status, { maxLength: 3 })) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

const swap = (rows: DiffRow[]): string[] => rows.map((r) => JSON.stringify([r.section, r.container, r.field, r.b, r.a])).sort();
const plain = (rows: DiffRow[]): string[] => rows.map((r) => JSON.stringify([r.section, r.container, r.field, r.a, r.b])).sort();

function assertMirror(ab: PodDiff, ba: PodDiff): void {
  assert.deepEqual(plain(ba.differences), swap(ab.differences));
  assert.deepEqual(plain(ba.expected), swap(ab.expected));
  assert.equal(ba.verdict, ab.verdict);
  assert.equal(ba.sameOwner, ab.sameOwner);
  assert.deepEqual([ba.a, ba.b], [ab.b, ab.a]);
}

test('property: a Pod compared with itself shows no difference', () => {
  fc.assert(
    fc.property(pod, (p) => {
      const diff = diffPods(p, structuredClone(p), { now: NOW });
      assert.equal(diff.verdict, 'no difference');
      assert.deepEqual([diff.differences, diff.expected], [[], []]);
    }),
    { numRuns: 400 },
  );
});

test('property: diff(b, a) mirrors diff(a, b)', () => {
  fc.assert(
    fc.property(pod, pod, (a, b) => assertMirror(diffPods(a, b, { now: NOW }), diffPods(b, a, { now: NOW }))),
    { numRuns: 400 },
  );
});

test('every real Pod compared with itself: no difference; every real pair mirrors', () => {
  const pods = corpusFiles().map((file) => readCorpusPod(file).pod);
  assert.ok(pods.length >= 60);
  for (const p of pods) assert.equal(diffPods(p, structuredClone(p), { now: NOW }).verdict, 'no difference');
  for (let i = 0; i < pods.length; i++) for (let j = i + 1; j < pods.length; j++) assertMirror(diffPods(pods[i], pods[j], { now: NOW }), diffPods(pods[j], pods[i], { now: NOW }));
});

test("a real Pod at two moments (a Job's Pod pending, then waiting on its container): only its state differs", () => {
  // kubectl-status's fixtures record hello-1584492840-kqf62 (uid 7bfad5cb-…) scheduled, then
  // with its container waiting: one Pod, so nothing that names it may show as a difference.
  const scheduled = readCorpusPod('kubectl-status_pod-pending-scheduled.yaml').pod;
  const waiting = readCorpusPod('kubectl-status_pod-pending-waiting-container.yaml').pod;
  const diff = diffPods(scheduled, waiting, { now: NOW });
  assert.equal(diff.sameOwner, true);
  assert.deepEqual(
    diff.expected.filter((r) => r.field === 'name' || r.field === 'uid'),
    [],
  );
  assert.equal(diff.verdict, 'differs');
  assert.deepEqual(diff.differences, [
    { section: 'container', container: 'hello', field: 'state', a: null, b: 'waiting ContainerCreating' },
    { section: 'container', container: 'hello', field: 'ready', a: null, b: 'false' },
    { section: 'container', container: 'hello', field: 'restarts', a: null, b: '0' },
  ]);
  assert.deepEqual(
    diff.expected.map((r) => r.field),
    ['host IP', 'started'],
  );
});
