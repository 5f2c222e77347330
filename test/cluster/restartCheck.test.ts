// What ctrl-d asks before its question, over the wire against the sim through the services the
// TUI is given: the access review, then the Pod read fresh (owner and uid for the confirmation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { createServices } from '../../src/cli/services.ts';
import { restartConfirmation } from '../../src/model/restartConfirmation.ts';
import { getJson } from '../../src/cluster/request.ts';
import { withSim } from './simHarness.ts';

test('checkRestart: an owned Pod comes back whole for the question; a denied review is one line', async (t) => {
  const { sim, config } = await withSim(t);
  const services = createServices({
    kubeConfig: config.kubeConfig,
    terminal: { input: process.stdin, output: process.stdout },
    openLogs: () => {
      throw new Error('no logs here');
    },
  });
  const list = await getJson<{ items: V1Pod[] }>(config.kubeConfig, '/api/v1/pods', {});
  const owned = list.items.find((p) => p.metadata?.ownerReferences?.some((o) => o.controller));
  assert.ok(owned, 'the demo has an owned Pod');
  const key = { namespace: owned.metadata!.namespace!, name: owned.metadata!.name! };
  const check = await services.checkRestart(key);
  assert.equal(check.kind, 'allowed');
  const pod = check.kind === 'allowed' ? (check.pod as V1Pod) : undefined;
  assert.equal(pod?.metadata?.uid, owned.metadata?.uid);
  const controller = owned.metadata!.ownerReferences!.find((o) => o.controller)!;
  assert.equal(restartConfirmation(pod).owner, `${controller.kind} ${controller.name}`);

  const undo = sim.control.deny({ verb: 'delete', resource: 'pods', namespace: key.namespace });
  const denied = await services.checkRestart(key);
  undo();
  assert.equal(denied.kind, 'forbidden');
  assert.match(denied.kind === 'forbidden' ? denied.message : '', new RegExp(`^forbidden: cannot delete pod "${key.name}" in namespace "${key.namespace}"[^\\n]*$`));

  const missing = await services.checkRestart({ namespace: key.namespace, name: 'no-such-pod' });
  assert.deepEqual(missing, { kind: 'error', message: `pod "no-such-pod" not found in namespace "${key.namespace}"` });
  const still = await getJson<V1Pod>(config.kubeConfig, `/api/v1/namespaces/${key.namespace}/pods/${key.name}`, {});
  assert.equal(still.metadata?.deletionTimestamp, undefined, 'asking deletes nothing');
});
