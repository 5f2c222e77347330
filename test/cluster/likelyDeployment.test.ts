// The Deployment read ahead with a Pod's ReplicaSet (resolveOwners): named by the Deployment
// controller's rule DEPLOYMENT-HASH, and nothing is guessed where the rule does not hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { V1Pod } from '@kubernetes/client-node';
import { likelyDeployment } from '../../src/cluster/detailSources.ts';

const dnsName = fc.stringMatching(/^[a-z]([a-z0-9-]{0,20}[a-z0-9])?$/);
const hash = fc.stringMatching(/^[a-z0-9]{5,10}$/);
const podWith = (labels: Record<string, string>): V1Pod => ({ metadata: { name: 'p', labels } });

test('a ReplicaSet named DEPLOYMENT-HASH, HASH the Pod label: that Deployment', () => {
  fc.assert(
    fc.property(dnsName, hash, (deployment, h) => {
      assert.deepEqual(likelyDeployment(podWith({ 'pod-template-hash': h }), { kind: 'ReplicaSet', name: `${deployment}-${h}` }), { kind: 'Deployment', name: deployment });
    }),
  );
});

test('no guess without the label, with another hash, for another kind of owner, or no name left', () => {
  fc.assert(
    fc.property(dnsName, hash, hash, (deployment, h, other) => {
      fc.pre(h !== other && !`${deployment}-${h}`.endsWith(`-${other}`));
      const rs = { kind: 'ReplicaSet', name: `${deployment}-${h}` };
      assert.equal(likelyDeployment(podWith({}), rs), undefined);
      assert.equal(likelyDeployment(podWith({ 'pod-template-hash': other }), rs), undefined);
      assert.equal(likelyDeployment(podWith({ 'pod-template-hash': h }), { kind: 'Job', name: rs.name }), undefined);
    }),
  );
  assert.equal(likelyDeployment(podWith({ 'pod-template-hash': 'abc12' }), { kind: 'ReplicaSet', name: '-abc12' }), undefined);
  assert.equal(likelyDeployment(podWith({ 'pod-template-hash': 'abc12' }), undefined), undefined);
});
