// The Pod's YAML and the delete ("restart") over the wire against the simulated API server:
// the access review asked first, a 403 as one line, the Pod Terminating and then gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { V1Pod } from '@kubernetes/client-node';
import { withSim } from './simHarness.ts';
import { waitFor } from './waitFor.ts';
import { readPodYaml } from '../../src/cluster/podYamlRead.ts';
import { podActionServices } from '../../src/cluster/podActions.ts';
import { canDeletePod, restartPod } from '../../src/cluster/podDelete.ts';
import { getJson } from '../../src/cluster/request.ts';
import { KUBECTL, NO_KUBECTL } from '../sim/simHarness.ts';

async function firstPod(kubeConfig: Parameters<typeof getJson>[0], where: (p: V1Pod) => boolean): Promise<V1Pod> {
  const list = await getJson<{ items: V1Pod[] }>(kubeConfig, '/api/v1/pods', {});
  const pod = list.items.find(where);
  assert.ok(pod, 'the demo has such a Pod');
  return pod;
}

test('the YAML of a Pod read from the sim is the object as served, managedFields folded or shown', async (t) => {
  const { sim, config } = await withSim(t);
  const pod = await firstPod(config.kubeConfig, (p) => (p.metadata?.managedFields?.length ?? 0) > 0 && (p.spec?.volumes?.length ?? 0) > 0);
  const key = { namespace: pod.metadata!.namespace!, name: pod.metadata!.name! };
  const folded = await readPodYaml(config.kubeConfig, key);
  assert.equal(folded.kind, 'yaml');
  if (folded.kind !== 'yaml') return;
  const served = await getJson<V1Pod>(config.kubeConfig, `/api/v1/namespaces/${key.namespace}/pods/${key.name}`, {});
  assert.equal(folded.yaml.foldedManagedFields, served.metadata!.managedFields!.length);
  const { managedFields: _managed, ...metadata } = served.metadata!;
  assert.deepEqual(load(folded.yaml.text, { schema: CORE_SCHEMA }), { ...served, metadata });
  const whole = await podActionServices(config.kubeConfig).podYaml({ ...key, managedFields: true });
  assert.ok(whole.kind === 'yaml');
  assert.deepEqual(load(whole.yaml.text, { schema: CORE_SCHEMA }), served);
  // A Pod that is not there, and one the user may not read: one line each.
  const missing = await readPodYaml(config.kubeConfig, { namespace: key.namespace, name: 'no-such-pod' });
  assert.deepEqual(missing, { kind: 'error', message: `pod "no-such-pod" not found in namespace "${key.namespace}"` });
  const undo = sim.control.deny({ verb: 'get', resource: 'pods' });
  const denied = await readPodYaml(config.kubeConfig, key);
  undo();
  assert.equal(denied.kind, 'error');
  assert.match(denied.kind === 'error' ? denied.message : '', /^forbidden: User "podview-sim" cannot get resource "pods"[^\n]*$/);
});

test('restart: the access review says no, the Pod is left alone and the refusal is one line', async (t) => {
  const { sim, config } = await withSim(t);
  const pod = await firstPod(config.kubeConfig, (p) => !p.metadata?.deletionTimestamp);
  const key = { namespace: pod.metadata!.namespace!, name: pod.metadata!.name! };
  const undo = sim.control.deny({ verb: 'delete', resource: 'pods', namespace: key.namespace });
  t.after(undo);
  assert.deepEqual(await canDeletePod(config.kubeConfig, key), {
    allowed: false,
    reason: `forbidden: cannot delete pod "${key.name}" in namespace "${key.namespace}" (${(await review(config.kubeConfig, key)).reason})`,
  });
  const outcome = await restartPod(config.kubeConfig, { ...key, uid: pod.metadata!.uid });
  assert.equal(outcome.kind, 'forbidden');
  assert.equal(outcome.kind === 'forbidden' && outcome.message.includes('\n'), false);
  assert.match(outcome.kind === 'forbidden' ? outcome.message : '', /^forbidden: cannot delete pod/);
  const still = await getJson<V1Pod>(config.kubeConfig, `/api/v1/namespaces/${key.namespace}/pods/${key.name}`, {});
  assert.equal(still.metadata?.deletionTimestamp, undefined, 'nothing was deleted');
});

// The sim's review answer, to compare the reason it gives with the one restartPod shows.
async function review(kubeConfig: Parameters<typeof getJson>[0], key: { namespace: string; name: string }): Promise<{ reason?: string }> {
  const { sendJson, HttpMethod } = await import('../../src/cluster/request.ts');
  const r = await sendJson<{ status?: { reason?: string } }>(kubeConfig, HttpMethod.POST, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes: { verb: 'delete', resource: 'pods', namespace: key.namespace, name: key.name } },
  });
  return { reason: r.status?.reason };
}

test('restart: allowed, the Pod shows Terminating (kubectl agrees) and then is gone', async (t) => {
  const { config, kubeconfigPath } = await withSim(t);
  const pod = await firstPod(config.kubeConfig, (p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running');
  const key = { namespace: pod.metadata!.namespace!, name: pod.metadata!.name! };
  assert.deepEqual(await canDeletePod(config.kubeConfig, key), { allowed: true });
  // kubectl's own watch of the namespace, open before the delete: what a user's list shows.
  const watch = NO_KUBECTL ? undefined : spawn(KUBECTL!, ['--kubeconfig', kubeconfigPath, 'get', 'pods', '-n', key.namespace, '--watch', '--no-headers'], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(() => watch?.kill());
  let seen = '';
  watch?.stdout.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  if (watch) await waitFor('kubectl listed the Pod', () => seen.includes(key.name));
  const outcome = await restartPod(config.kubeConfig, { ...key, uid: pod.metadata!.uid });
  assert.equal(outcome.kind, 'deleted');
  assert.equal(outcome.kind === 'deleted' && outcome.terminating, true);
  assert.equal(outcome.kind === 'deleted' && outcome.gracePeriodSeconds, pod.spec?.terminationGracePeriodSeconds ?? 30);
  await t.test('kubectl shows it Terminating', { skip: NO_KUBECTL }, async () => {
    await waitFor('kubectl shows the Pod Terminating', () => new RegExp(`^${key.name}\\s.*\\bTerminating\\b`, 'm').test(seen));
  });
  await waitFor('the Pod is removed after its (sim-shortened) grace period', async () => {
    const list = await getJson<{ items: V1Pod[] }>(config.kubeConfig, `/api/v1/namespaces/${key.namespace}/pods`, {});
    return !list.items.some((p) => p.metadata?.uid === pod.metadata?.uid);
  });
  const again = await restartPod(config.kubeConfig, key);
  assert.deepEqual(again, { kind: 'not-found', message: `pod "${key.name}" is already gone from namespace "${key.namespace}"` });
});

test('readPod brings the Pod whole as served, and nothing for a Pod missing or forbidden', async (t) => {
  const { sim, config } = await withSim(t);
  const pod = await firstPod(config.kubeConfig, (p) => (p.spec?.volumes?.length ?? 0) > 0);
  const key = { namespace: pod.metadata!.namespace!, name: pod.metadata!.name! };
  const services = podActionServices(config.kubeConfig);
  const read = await services.readPod(key);
  assert.deepEqual(read?.spec?.volumes, pod.spec!.volumes, 'what the list leaves out (volumes) is there');
  assert.equal(await services.readPod({ namespace: key.namespace, name: 'no-such-pod' }), undefined);
  const undo = sim.control.deny({ verb: 'get', resource: 'pods' });
  const denied = await services.readPod(key);
  undo();
  assert.equal(denied, undefined);
});
