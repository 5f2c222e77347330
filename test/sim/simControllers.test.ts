// The sim's ReplicaSet, StatefulSet and Job controllers seen through the real kubectl: a deleted
// Pod of theirs is replaced, a bare Pod is not. And DELETE's preconditions, over raw HTTPS.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiException, CoreV1Api, KubeConfig, type V1OwnerReference, type V1Pod } from '@kubernetes/client-node';
import { emptyScenario } from '../../src/sim/index.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';
import { NO_KUBECTL, kubectl, kubectlStream, raw, startTestSim, testPod, type TestSim } from './simHarness.ts';

const RS_UID = '0b9a5c1e-1111-4aaa-8aaa-000000000001';
const BARE_RS_UID = '0b9a5c1e-1111-4aaa-8aaa-000000000002';
const STS_UID = '0b9a5c1e-1111-4aaa-8aaa-000000000003';
const JOB_UID = '0b9a5c1e-1111-4aaa-8aaa-000000000004';
const DONE_JOB_UID = '0b9a5c1e-1111-4aaa-8aaa-000000000005';
const FLAKY_JOB_UID = '0b9a5c1e-1111-4aaa-8aaa-000000000006';

const owner = (apiVersion: string, kind: string, name: string, uid: string): V1OwnerReference => ({ apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true });

function owned(name: string, labels: Record<string, string>, ref: V1OwnerReference, containers = ['app']): V1Pod {
  const pod = testPod(name, { labels, containers });
  pod.metadata!.ownerReferences = [ref];
  pod.metadata!.generateName = name.replace(/[^-]+$/, '');
  return pod;
}

/** web: a ReplicaSet with a template; api: one stored without (a hand-made scenario); db: a StatefulSet; two Jobs; a bare Pod. */
function controlledScenario(): Scenario {
  const s = emptyScenario();
  const webLabels = { app: 'web', 'pod-template-hash': '6d4cf56db6' };
  const template = {
    metadata: { labels: webLabels },
    spec: {
      containers: [
        { name: 'app', image: 'web:2' },
        { name: 'proxy', image: 'envoy:1' },
      ],
    },
  };
  const meta = (name: string, uid: string) => ({ name, namespace: 'default', uid });
  s.objects.replicaSets.push(
    { metadata: meta('web-6d4cf56db6', RS_UID), spec: { replicas: 1, selector: { matchLabels: webLabels }, template } },
    { metadata: meta('api-7f9b8c6d5', BARE_RS_UID), spec: { replicas: 1, selector: { matchLabels: { app: 'api' } } } },
  );
  s.objects.statefulSets.push({
    metadata: meta('db', STS_UID),
    spec: { replicas: 1, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'app', image: 'db:1' }] } } },
  });
  const complete = { conditions: [{ type: 'Complete', status: 'True' }], succeeded: 1 };
  s.objects.jobs.push(
    {
      metadata: meta('migrate', JOB_UID),
      spec: { template: { metadata: { labels: { 'job-name': 'migrate' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'migrate:1' }] } } },
    },
    {
      metadata: meta('flaky', FLAKY_JOB_UID),
      spec: { backoffLimit: 1, template: { metadata: { labels: { 'job-name': 'flaky' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'flaky:1' }] } } },
    },
    { metadata: meta('seeded', DONE_JOB_UID), spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'seed:1' }] } } }, status: complete },
  );
  // As stored after admission: the api Pod has its own service-account token volume and mounts.
  const api = owned('api-7f9b8c6d5-q8w4z', { app: 'api' }, owner('apps/v1', 'ReplicaSet', 'api-7f9b8c6d5', BARE_RS_UID), ['api', 'sidecar']);
  api.spec!.volumes = [{ name: 'kube-api-access-old12', projected: { sources: [] } }];
  for (const c of api.spec!.containers) c.volumeMounts = [{ name: 'kube-api-access-old12', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }];
  s.objects.pods.push(
    api,
    owned('web-6d4cf56db6-x2k9p', webLabels, owner('apps/v1', 'ReplicaSet', 'web-6d4cf56db6', RS_UID), ['app', 'proxy']),
    owned('db-0', { app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-0' }, owner('apps/v1', 'StatefulSet', 'db', STS_UID)),
    owned('migrate-r7t2v', { 'job-name': 'migrate' }, owner('batch/v1', 'Job', 'migrate', JOB_UID)),
    owned('flaky-b6d9w', { 'job-name': 'flaky' }, owner('batch/v1', 'Job', 'flaky', FLAKY_JOB_UID)),
    owned('seeded-h5m8n', { 'job-name': 'seeded' }, owner('batch/v1', 'Job', 'seeded', DONE_JOB_UID)),
    testPod('lonely', { labels: { app: 'lonely' } }),
  );
  return s;
}

async function podsJson(t: TestSim, selector: string): Promise<V1Pod[]> {
  const r = await kubectl(t, ['get', 'pods', '-l', selector, '-o', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).items;
}

/** Asks kubectl again until `done` holds (the replacement starts within the sim's START_DELAY_MS). */
async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never: ${what}`);
}

const names = (pods: V1Pod[]) => pods.map((p) => p.metadata!.name!);
const running = (p: V1Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp && !!p.status.containerStatuses?.every((c) => c.ready);

describe('sim controllers with real kubectl', { skip: NO_KUBECTL }, () => {
  let t: TestSim;
  before(async () => {
    t = await startTestSim({ scenario: controlledScenario() });
  });
  after(() => t?.close());

  test("kubectl delete of a ReplicaSet's Pod: a new Pod of the ReplicaSet arrives and runs", async () => {
    const r = await kubectl(t, ['delete', 'pod', 'web-6d4cf56db6-x2k9p']);
    assert.equal(r.code, 0, r.stderr);
    const [pod] = await until(
      'the replacement runs',
      () => podsJson(t, 'app=web'),
      (pods) => pods.length === 1 && running(pods[0]!),
    );
    assert.match(pod!.metadata!.name!, /^web-6d4cf56db6-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(pod!.metadata!.generateName, 'web-6d4cf56db6-');
    assert.deepEqual(
      pod!.metadata!.ownerReferences?.map((o) => [o.kind, o.name, o.uid, o.controller]),
      [['ReplicaSet', 'web-6d4cf56db6', RS_UID, true]],
    );
    assert.deepEqual(
      pod!.spec!.containers.map((c) => c.image),
      ['web:2', 'envoy:1'],
      "the ReplicaSet's template, not the old Pod",
    );
    assert.equal(pod!.spec!.nodeName, 'node-1');
    assert.match(pod!.status!.podIP!, /^10\.1\.0\.\d+$/);
    assert.notEqual(pod!.status!.podIP, '10.1.0.7', 'a new sandbox, a new address');
    const table = await kubectl(t, ['get', 'pods', '-l', 'app=web']);
    assert.match(table.stdout, new RegExp(`${pod!.metadata!.name}\\s+2/2\\s+Running\\s+0\\s`));
    const events = await kubectl(t, ['get', 'events', '--field-selector', `involvedObject.name=${pod!.metadata!.name}`, '-o', 'json']);
    const reasons = JSON.parse(events.stdout).items.map((e: { reason: string }) => e.reason);
    assert.deepEqual(reasons.sort(), ['Created', 'Created', 'Pulled', 'Pulled', 'Scheduled', 'Started', 'Started']);
  });

  test('get pods -w sees the old Pod Terminating and the new one ADDED, then Running', async () => {
    const [old] = await podsJson(t, 'app=web');
    const w = kubectlStream(t, ['get', 'pods', '-w', '--output-watch-events', '-l', 'app=web']);
    try {
      await w.waitFor(new RegExp(`${old!.metadata!.name}\\s+2/2\\s+Running`));
      const del = await raw(t.sim, `/api/v1/namespaces/default/pods/${old!.metadata!.name}`, { method: 'DELETE' });
      assert.equal(del.status, 200, del.body);
      await w.waitFor(new RegExp(`MODIFIED\\s+${old!.metadata!.name}\\s+2/2\\s+Terminating`));
      const out = await w.waitFor(/ADDED\s+web-6d4cf56db6-(?!x2k9p)\w{5}\s+0\/2\s+(Pending|ContainerCreating)[^\n]*\n(.*\n)*MODIFIED\s+web-6d4cf56db6-\w{5}\s+2\/2\s+Running/);
      const added = out.match(/ADDED\s+(web-6d4cf56db6-\w{5})\s+0\/2/)![1];
      assert.notEqual(added, old!.metadata!.name);
      assert.match(out, new RegExp(`MODIFIED\\s+${added}\\s+2/2\\s+Running`));
    } finally {
      await w.stop();
    }
  });

  test('a ReplicaSet stored without a template replaces the Pod from the Pod it lost', async () => {
    const r = await kubectl(t, ['delete', 'pod', 'api-7f9b8c6d5-q8w4z', '--grace-period=0', '--force']);
    assert.equal(r.code, 0, r.stderr);
    const [pod] = await until(
      'the replacement runs',
      () => podsJson(t, 'app=api'),
      (pods) => pods.length === 1 && running(pods[0]!),
    );
    assert.match(pod!.metadata!.name!, /^api-7f9b8c6d5-\w{5}$/);
    assert.notEqual(pod!.metadata!.name, 'api-7f9b8c6d5-q8w4z');
    assert.deepEqual(
      pod!.spec!.containers.map((c) => c.name),
      ['api', 'sidecar'],
    );
    // One service-account token volume, mounted once per container: the old Pod's is not carried over.
    const tokens = pod!.spec!.volumes!.filter((v) => v.name.startsWith('kube-api-access-'));
    assert.equal(tokens.length, 1);
    assert.notEqual(tokens[0]!.name, 'kube-api-access-old12');
    for (const c of pod!.spec!.containers)
      assert.deepEqual(
        c.volumeMounts?.filter((m) => m.name.startsWith('kube-api-access-')).map((m) => m.name),
        [tokens[0]!.name],
      );
  });

  test("a StatefulSet's Pod comes back with the same name and a new uid", async () => {
    const [old] = await podsJson(t, 'app=db');
    const r = await kubectl(t, ['delete', 'pod', 'db-0']);
    assert.equal(r.code, 0, r.stderr);
    const [pod] = await until(
      'db-0 is back and runs',
      () => podsJson(t, 'app=db'),
      (pods) => pods.length === 1 && pods[0]!.metadata!.uid !== old!.metadata!.uid && running(pods[0]!),
    );
    assert.equal(pod!.metadata!.name, 'db-0');
    assert.equal(pod!.metadata!.labels!['statefulset.kubernetes.io/pod-name'], 'db-0');
    assert.equal(pod!.metadata!.ownerReferences![0]!.uid, STS_UID);
  });

  test('an unfinished Job gets a new Pod; a complete Job and a bare Pod stay gone', async () => {
    const r = await kubectl(t, ['delete', 'pod', 'lonely', 'seeded-h5m8n', 'migrate-r7t2v']);
    assert.equal(r.code, 0, r.stderr);
    // The Job's replacement comes after the other two deletions: by then they had their chance.
    const [pod] = await until(
      'the Job has a running Pod',
      () => podsJson(t, 'job-name=migrate'),
      (pods) => pods.length === 1 && running(pods[0]!),
    );
    assert.match(pod!.metadata!.name!, /^migrate-\w{5}$/);
    assert.equal(pod!.spec!.restartPolicy, 'Never');
    assert.deepEqual(names(await podsJson(t, 'job-name=seeded')), []);
    assert.deepEqual(names(await podsJson(t, 'app=lonely')), []);
  });

  test("a Job's failed Pod is replaced until the backoff limit, then the Job is Failed", async () => {
    const fail = (name: string) =>
      t.sim.control.patchPod('default', name, (pod) => {
        const finishedAt = new Date().toISOString() as never;
        pod.status!.phase = 'Failed';
        pod.status!.containerStatuses = pod.status!.containerStatuses!.map((c) => ({
          ...c,
          ready: false,
          started: false,
          state: { terminated: { exitCode: 1, reason: 'Error', startedAt: finishedAt, finishedAt } },
        }));
      });
    fail('flaky-b6d9w');
    const pods = await until(
      'a second Pod runs',
      () => podsJson(t, 'job-name=flaky'),
      (p) => p.length === 2 && p.some(running),
    );
    const second = pods.find(running)!.metadata!.name!;
    assert.match(second, /^flaky-\w{5}$/);
    const table = await kubectl(t, ['get', 'pods', '-l', 'job-name=flaky']);
    assert.match(table.stdout, /flaky-b6d9w\s+0\/1\s+Error\s/, 'the failed Pod stays, as kube leaves it');
    fail(second);
    const job = await until(
      'the Job is Failed',
      async () => JSON.parse((await kubectl(t, ['get', 'job', 'flaky', '-o', 'json'])).stdout),
      (j) => j.status?.conditions?.some((c: { type: string }) => c.type === 'Failed'),
    );
    assert.equal(job.status.failed, 2);
    assert.deepEqual(
      job.status.conditions.map((c: { type: string; reason: string }) => [c.type, c.reason]),
      [
        ['FailureTarget', 'BackoffLimitExceeded'],
        ['Failed', 'BackoffLimitExceeded'],
      ],
    );
    // The Job's condition and the decision not to replace are one step: no third Pod came.
    assert.equal((await podsJson(t, 'job-name=flaky')).length, 2);
  });
});

describe('DELETE preconditions', () => {
  let t: TestSim;
  before(async () => {
    t = await startTestSim();
  });
  after(() => t?.close());
  const path = '/api/v1/namespaces/default/pods/web-1';
  const json = { 'Content-Type': 'application/json' };

  test('a wrong uid in the DeleteOptions body is 409 Conflict with kube-apiserver message, and nothing is deleted', async () => {
    const uid = (t.sim.control.get('pods', 'default', 'web-1') as V1Pod).metadata!.uid;
    const r = await raw(t.sim, path, { method: 'DELETE', headers: json, body: JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid: 'not-the-uid' } }) });
    assert.equal(r.status, 409);
    const s = JSON.parse(r.body);
    assert.equal(s.reason, 'Conflict');
    assert.equal(
      s.message,
      `Operation cannot be fulfilled on pods "web-1": StorageError: invalid object, Code: 4, Key: /registry/pods/default/web-1, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${uid}`,
    );
    assert.deepEqual(s.details, { name: 'web-1', kind: 'pods' });
    const still = JSON.parse((await raw(t.sim, path)).body);
    assert.equal(still.metadata.deletionTimestamp, undefined);
  });

  test('the query form (uid=, resourceVersion=) is read when there is no body', async () => {
    const r = await raw(t.sim, `${path}?uid=not-the-uid`, { method: 'DELETE' });
    assert.equal(r.status, 409);
    assert.match(JSON.parse(r.body).message, /Precondition failed: UID in precondition: not-the-uid, UID in object meta: [0-9a-f-]{36}$/);
    const stale = await raw(t.sim, `${path}?resourceVersion=1`, { method: 'DELETE' });
    assert.equal(stale.status, 409);
    assert.match(JSON.parse(stale.body).message, /Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: \d+$/);
  });

  test('client-node: deleteNamespacedPod with a stale uid is an ApiException 409 carrying the Status', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(t.sim.kubeconfigYaml());
    const api = kc.makeApiClient(CoreV1Api);
    const err = await api.deleteNamespacedPod({ name: 'web-2', namespace: 'default', body: { preconditions: { uid: '00000000-0000-4000-8000-000000000000' } } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApiException, String(err));
    assert.equal(err.code, 409);
    const body = typeof err.body === 'string' ? JSON.parse(err.body) : err.body;
    assert.match(body.message, /: Precondition failed: UID in precondition: 00000000-0000-4000-8000-000000000000, UID in object meta: [0-9a-f-]{36}$/);
  });

  test('preconditions that hold let the delete through', async () => {
    const pod = JSON.parse((await raw(t.sim, path)).body);
    const body = JSON.stringify({ preconditions: { uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion }, gracePeriodSeconds: 0 });
    const r = await raw(t.sim, path, { method: 'DELETE', headers: json, body });
    assert.equal(r.status, 200, r.body);
    assert.equal((await raw(t.sim, path)).status, 404);
  });
});
