// The replica that differs, on the demo's replicas and on siblings crafted from them: what a
// user comparing two Pods must see (and must never see: a Secret's value, a control sequence).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { diffPods } from '../../src/model/diffPods.ts';
import type { DiffRow } from '../../src/model/diffPods.ts';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { PLACEHOLDER } from '../../src/text/sanitize.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const demoPods = (demoScenario(NOW) as unknown as { objects: { pods: V1Pod[] } }).objects.pods;
const clone = (pod: V1Pod): V1Pod => structuredClone(pod);

function replicasOf(prefix: string): V1Pod[] {
  return demoPods.filter((p) => p.metadata?.ownerReferences?.[0]?.name?.startsWith(prefix));
}

const row = (rows: DiffRow[], field: string, container = ''): DiffRow | undefined => rows.find((r) => r.field === field && r.container === container);

test('two replicas on different nodes: no difference but the node; per-Pod facts apart', () => {
  const storefront = replicasOf('storefront-');
  const a = storefront[0];
  const b = storefront.find((p) => p.spec?.nodeName !== a!.spec?.nodeName) as V1Pod;
  const diff = diffPods(a, b, { now: NOW });
  assert.equal(diff.verdict, 'no difference but the node');
  assert.equal(diff.summary, `no difference but the node (${a!.spec?.nodeName} vs ${b.spec?.nodeName})`);
  assert.deepEqual(diff.differences, [{ section: 'pod', container: '', field: 'node', a: a!.spec?.nodeName, b: b.spec?.nodeName }]);
  assert.equal(diff.sameOwner, true);
  const expectedFields = diff.expected.map((r) => r.field);
  for (const field of ['name', 'uid', 'pod IP', 'token volume name']) assert.ok(expectedFields.includes(field), `${field} is an expected difference`);
  assert.match(row(diff.expected, 'started')?.a ?? '', /^\d{4}-\d\d-\d\dT.*Z \(.+ ago\)$/);
});

test('two replicas on one node: no difference at all', () => {
  const storefront = replicasOf('storefront-');
  const pair = storefront.flatMap((a) => storefront.filter((b) => b !== a && b.spec?.nodeName === a.spec?.nodeName).map((b) => [a, b]))[0];
  assert.ok(pair, 'the demo has two storefront replicas on one node');
  const diff = diffPods(pair[0], pair[1], { now: NOW });
  assert.equal(diff.verdict, 'no difference');
  assert.equal(diff.summary, 'no difference');
  assert.deepEqual(diff.differences, []);
});

test('a sibling with another image digest, env, restarts and revision shows each as a row', () => {
  const [a] = replicasOf('cart-api-');
  const b = clone(a!);
  b.spec!.nodeName = a!.spec!.nodeName;
  const status = b.status!.containerStatuses![0];
  status!.imageID = 'ghcr.io/acme/cart-api@sha256:0000000000000000000000000000000000000000000000000000000000000bad';
  status!.restartCount = 7;
  status!.lastState = { terminated: { exitCode: 137, reason: 'OOMKilled' } };
  const app = b.spec!.containers[0];
  app!.env = [...(app!.env ?? []), { name: 'FEATURE_X', value: 'on' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'password' } } }];
  app!.resources = { ...app!.resources, limits: { memory: '512Mi' } };
  b.metadata!.labels = { ...b.metadata!.labels, 'pod-template-hash': 'other' };
  b.metadata!.annotations = { ...b.metadata!.annotations, 'cni.projectcalico.org/podIP': '10.0.0.9/32' };
  const name = app!.name;
  const diff = diffPods(a, b, { now: NOW });
  assert.equal(diff.verdict, 'differs');
  assert.deepEqual(row(diff.differences, 'image digest', name), {
    section: 'container',
    container: name,
    field: 'image digest',
    a: (a!.status!.containerStatuses![0]!.imageID ?? '').split('@')[1],
    b: 'sha256:0000000000000000000000000000000000000000000000000000000000000bad',
  });
  assert.equal(row(diff.differences, 'restarts', name)?.b, '7');
  assert.equal(row(diff.differences, 'last termination', name)?.b, 'terminated OOMKilled (exit 137)');
  assert.deepEqual([row(diff.differences, 'env FEATURE_X', name)?.a, row(diff.differences, 'env FEATURE_X', name)?.b], [null, 'on']);
  assert.equal(row(diff.differences, 'env DB_PASSWORD', name)?.b, 'secret db-creds/password');
  assert.equal(row(diff.differences, 'limits.memory', name)?.b, '512Mi');
  assert.equal(diff.differences.find((r) => r.section === 'label' && r.field === 'pod-template-hash')?.b, 'other');
  assert.ok(
    diff.expected.some((r) => r.section === 'annotation' && r.field === 'cni.projectcalico.org/podIP'),
    "the CNI plugin's per-Pod IP annotation is expected to differ",
  );
  assert.ok(!diff.differences.some((r) => r.section === 'annotation'));
  // In the order a screen lists them (the spec's, then the status's); the rest counted.
  assert.equal(diff.summary, `7 differences: limits.memory (${name}), image digest (${name}), restarts (${name}), env FEATURE_X (${name}), and 3 more`);
});

test('probes, mounts and a container only one side has are compared', () => {
  const [a] = replicasOf('storefront-');
  const b = clone(a!);
  b.spec!.nodeName = a!.spec!.nodeName;
  const c = b.spec!.containers[0];
  c!.readinessProbe = { httpGet: { path: '/ready', port: 9090 }, periodSeconds: 3 };
  c!.volumeMounts = [...(c!.volumeMounts ?? []), { name: 'cache', mountPath: '/cache' }];
  b.spec!.containers.push({ name: 'debug-shell', image: 'busybox:1.36' });
  const diff = diffPods(a, b, { now: NOW });
  assert.match(row(diff.differences, 'readiness probe', c!.name)?.b ?? '', /GET :9090\/ready every 3s/);
  assert.equal(row(diff.differences, 'mount /cache', c!.name)?.b, 'cache');
  assert.deepEqual([row(diff.differences, 'image', 'debug-shell')?.a, row(diff.differences, 'image', 'debug-shell')?.b], [null, 'busybox:1.36']);
  // The screen draws rows grouped: the Pod's, then each container in spec order.
  const containers = diff.differences.map((r) => r.container).filter(Boolean);
  assert.deepEqual([...new Set(containers)], [c!.name, 'debug-shell']);
});

test('usage is shown beside the verdict, never in it', () => {
  const [a, b] = replicasOf('storefront-');
  const same = clone(b!);
  same.spec!.nodeName = a!.spec!.nodeName;
  const name = a!.spec!.containers[0]!.name;
  const diff = diffPods(a, same, { now: NOW, usageA: { [name]: { cpuCores: 0.05, memoryBytes: 90 * 2 ** 20 } }, usageB: { [name]: { cpuCores: 0.9, memoryBytes: 400 * 2 ** 20 } } });
  assert.equal(diff.verdict, 'no difference');
  assert.deepEqual(diff.usage, [{ container: name, a: 'cpu 50m, memory 90Mi', b: 'cpu 900m, memory 400Mi' }]);
});

test('everything from the cluster is sanitized: no control sequence reaches the output', () => {
  const [a] = replicasOf('storefront-');
  const b = clone(a!);
  b.spec!.nodeName = a!.spec!.nodeName;
  b.metadata!.labels = { ...b.metadata!.labels, 'evil\u001b]0;pwned\u0007': 'x\u001b[2Jy' };
  b.spec!.containers[0]!.image = 'img\u009b31m:1';
  const json = JSON.stringify(diffPods(a, b, { now: NOW }));
  assert.doesNotMatch(json, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  // What was removed shows as sanitize's visible placeholder, so a reader knows something was there.
  assert.match(json, new RegExp(`"b":"x${PLACEHOLDER}y"`));
});

test("a StatefulSet's claims named after each Pod are expected to differ, another claim is not", () => {
  const make = (name: string, claim: string): V1Pod => ({
    metadata: { name, uid: name, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'sts', controller: true }] },
    spec: {
      nodeName: 'n1',
      containers: [{ name: 'pg', image: 'postgres:16', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
    },
  });
  const same = diffPods(make('db-0', 'data-db-0'), make('db-1', 'data-db-1'), { now: NOW });
  assert.equal(same.verdict, 'no difference');
  assert.deepEqual(row(same.expected, 'claim of data'), { section: 'volume', container: '', field: 'claim of data', a: 'pvc data-db-0', b: 'pvc data-db-1' });
  const other = diffPods(make('db-0', 'data-db-0'), make('db-1', 'restored-snapshot'), { now: NOW });
  assert.deepEqual(row(other.differences, 'volume data'), { section: 'volume', container: '', field: 'volume data', a: 'pvc data-<pod>', b: 'pvc restored-snapshot' });
});

test('a bare Pod and a replica: not the same owner, and the owner row says so', () => {
  const bare = demoPods.find((p) => p.metadata?.name === 'guestbook') as V1Pod;
  const [replica] = replicasOf('cart-api-');
  const diff = diffPods(bare, replica, { now: NOW });
  assert.equal(diff.sameOwner, false);
  assert.equal(diff.a.owner, null);
  assert.deepEqual(row(diff.differences, 'owner'), { section: 'pod', container: '', field: 'owner', a: 'none (bare Pod)', b: `ReplicaSet/${replica!.metadata?.ownerReferences?.[0]?.name}` });
});
