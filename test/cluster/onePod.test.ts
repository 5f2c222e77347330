// `podview POD --once` reads one Pod and its surroundings in parallel: over the wire against the
// sim, the same details the TUI's focused Pod gets, and only this Pod's events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';

interface KubeObject {
  metadata: { name: string; uid?: string; resourceVersion?: string };
}
import { UserError } from '../../src/cluster/errors.ts';
import { readNamedPod, readOnePod } from '../../src/cluster/onePod.ts';
import { METRICS_ABSENT_NOTE } from '../../src/cluster/detailSources.ts';
import { recording } from './recordingConfig.ts';
import { withSim } from './simHarness.ts';

function userMsvc(pods: V1Pod[]): V1Pod {
  const pod = pods.find((p) => p.metadata!.name!.startsWith('user-msvc-'));
  assert.ok(pod, 'the demo has user-msvc');
  return pod;
}

test('one Pod with its owner chain, usage and its own events only', async (t) => {
  const h = await withSim(t);
  const pod = userMsvc(h.sim.control.list<V1Pod>('pods', 'shop'));
  const name = pod.metadata!.name!;
  // An earlier Pod of the same name (a StatefulSet's, a Job's) left an event of its own.
  h.sim.control.create('events', {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.earlier`, namespace: 'shop' },
    involvedObject: { kind: 'Pod', name, namespace: 'shop', uid: 'an-earlier-uid' },
    reason: 'FromBefore',
    message: 'an event of the Pod that had this name before',
    type: 'Warning',
  });
  const { pod: read, details } = await readOnePod(h.config.kubeConfig, 'shop', name);
  assert.equal(read.metadata?.uid, pod.metadata!.uid);
  assert.deepEqual(
    details.owners?.map((o) => `${o.kind}/${o.resolved}`),
    ['ReplicaSet/true', 'Deployment/true'],
  );
  assert.ok(details.usage && Object.keys(details.usage).length === pod.spec!.containers.length, 'usage of every container');
  assert.ok((details.events?.length ?? 0) > 0, 'this Pod has events');
  assert.ok(
    details.events!.every((e) => (e as { involvedObject?: { uid?: string } }).involvedObject?.uid === pod.metadata!.uid),
    'none of the earlier Pod',
  );
  assert.deepEqual(details.notes, []);
});

test('a Pod that does not exist is one clear line; missing metrics are a note', async (t) => {
  const h = await withSim(t, { metrics: false });
  await assert.rejects(readOnePod(h.config.kubeConfig, 'shop', 'nope'), (err: unknown) => err instanceof UserError && err.message === 'pod "nope" not found in namespace "shop"');
  const { details } = await readOnePod(h.config.kubeConfig, 'shop', 'guestbook');
  assert.equal(details.usage, undefined);
  assert.ok(details.notes.includes(METRICS_ABSENT_NOTE), details.notes.join(' | '));
});

test('a name that is no Pod falls back to TYPE/NAME and unique-prefix rules', async (t) => {
  const h = await withSim(t);
  const pod = userMsvc(h.sim.control.list<V1Pod>('pods', 'shop'));
  for (const arg of ['user-msvc', 'deploy/user-msvc', pod.metadata!.name!]) {
    const { pod: read, details } = await readNamedPod(h.config.kubeConfig, 'shop', arg);
    assert.equal(read.metadata?.uid, pod.metadata!.uid, arg);
    assert.ok((details.owners?.length ?? 0) > 0, `${arg}: details too`);
  }
  await assert.rejects(readNamedPod(h.config.kubeConfig, 'shop', 'zzz'), (err: unknown) => err instanceof UserError && /pod "zzz" not found/.test(err.message));
});

test('the Deployment is asked for with its ReplicaSet, not after it answers', async (t) => {
  const h = await withSim(t);
  const pod = userMsvc(h.sim.control.list<V1Pod>('pods', 'shop'));
  const { kubeConfig, asked } = recording(h.config.kubeConfig);
  const { details } = await readOnePod(kubeConfig, 'shop', pod.metadata!.name!);
  assert.deepEqual(
    details.owners?.map((o) => `${o.kind}/${o.name}/${o.resolved}`),
    [`ReplicaSet/${pod.metadata!.ownerReferences![0]!.name}/true`, 'Deployment/user-msvc/true'],
  );
  const deployment = asked.findIndex((path) => path.endsWith('/deployments/user-msvc'));
  const replicaSet = asked.findIndex((path) => path.includes('/replicasets/'));
  assert.ok(deployment >= 0 && replicaSet >= 0, asked.join(' '));
  assert.ok(deployment < replicaSet, `asked in this order: ${asked.join(' ')}`);
});

test('a ReplicaSet whose name suggests another Deployment: the chain is what the ReplicaSet says', async (t) => {
  const h = await withSim(t);
  const pod = userMsvc(h.sim.control.list<V1Pod>('pods', 'shop'));
  const hash = pod.metadata!.labels!['pod-template-hash']!;
  const real = h.sim.control.list<KubeObject>('replicasets', 'shop').find((rs) => rs.metadata.name === pod.metadata!.ownerReferences![0]!.name)!;
  const decoy = `decoy-${hash}`;
  h.sim.control.create('replicasets', { ...real, metadata: { ...real.metadata, name: decoy, uid: undefined, resourceVersion: undefined } });
  h.sim.control.patchPod('shop', pod.metadata!.name!, (p) => {
    p.metadata!.ownerReferences = [{ ...p.metadata!.ownerReferences![0]!, name: decoy }];
  });
  const { details } = await readOnePod(h.config.kubeConfig, 'shop', pod.metadata!.name!);
  assert.deepEqual(
    details.owners?.map((o) => `${o.kind}/${o.name}/${o.resolved}`),
    [`ReplicaSet/${decoy}/true`, 'Deployment/user-msvc/true'],
  );
});
