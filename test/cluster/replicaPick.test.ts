// services.pickReplica over real HTTP against the sim: the sibling of the same owner, trimmed
// as the store trims the open Pod (so the two are compared alike), with its usage from the
// sim's metrics API; a bare Pod is the one line that says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { pickReplica } from '../../src/cluster/replicaPick.ts';
import { getJson } from '../../src/cluster/request.ts';
import { diffPods } from '../../src/model/diffPods.ts';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { trimPod } from '../../src/store/trimPod.ts';
import { withSim } from './simHarness.ts';

const scenario = demoScenario(Date.now());

async function served(kubeConfig: Parameters<typeof getJson>[0], name: string): Promise<V1Pod> {
  return getJson<V1Pod>(kubeConfig, `/api/v1/namespaces/shop/pods/${name}`, {});
}

test('pickReplica finds a sibling of the same owner, trimmed alike, with its usage', async (t) => {
  const h = await withSim(t, { scenario });
  const pods = (scenario.objects as unknown as { pods: V1Pod[] }).pods;
  const open = pods.find((p) => p.metadata?.namespace === 'shop' && p.metadata?.ownerReferences?.[0]?.name?.startsWith('storefront-'));
  assert.ok(open, 'the demo has storefront replicas');
  const whole = trimPod(await served(h.config.kubeConfig, open.metadata!.name!));
  const outcome = await pickReplica(h.config.kubeConfig, whole);
  assert.equal(outcome.kind, 'sibling', JSON.stringify(outcome));
  if (outcome.kind !== 'sibling') return;
  assert.notEqual(outcome.pod.metadata?.name, open.metadata?.name);
  assert.equal(outcome.pod.metadata?.ownerReferences?.[0]?.uid, open.metadata?.ownerReferences?.[0]?.uid);
  assert.equal(outcome.pod.metadata?.managedFields, undefined, 'trimmed as the open Pod is');
  assert.ok(outcome.usage && Object.keys(outcome.usage).length > 0, 'the sim serves metrics');
  const diff = diffPods(whole, outcome.pod, { now: Date.now() });
  assert.notEqual(diff.verdict, 'differs', `demo replicas are alike: ${diff.summary}`);
  assert.equal(diff.sameOwner, true);
});

test('pickReplica on a bare Pod is one line naming it', async (t) => {
  const h = await withSim(t, { scenario });
  const outcome = await pickReplica(h.config.kubeConfig, trimPod(await served(h.config.kubeConfig, 'guestbook')));
  assert.deepEqual(outcome, { kind: 'none', reason: 'pod "guestbook" has no owner, so it has no sibling to compare with: name one with --diff OTHER' });
});
