// `:ns` through the real watch machinery against the sim: the wish written into the
// ScopeStore, served by cluster/scopeFeed, the new list checked against real kubectl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPodWatch } from '../../src/cluster/podWatch.ts';
import { followScopeRequests } from '../../src/cluster/scopeFeed.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { ScopeStore, type Namespace } from '../../src/store/scopeSwitch.ts';
import { sameMap, storePods, withSim } from './simHarness.ts';
import { waitFor } from './waitFor.ts';

test(':ns switches the watch in place: old Pods stay until the new list, then kubectl -n agrees; forbidden keeps the old one', async (t) => {
  const h = await withSim(t);
  const kubeConfig = h.config.kubeConfig;
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 0 });
  const start = (namespace: Namespace) => startPodWatch({ kubeConfig, namespace, store, backoff: { initialMs: 20, maxMs: 200 } });
  const scope = new ScopeStore('sim', 'shop');
  const feed = followScopeRequests({ scope, store, kubeConfig, watch: start('shop'), startWatch: start });
  t.after(() => feed.stop());
  await waitFor('shop live', () => store.connection.kind === 'live');
  assert.ok(sameMap(storePods(store), await h.kubectlPods('shop')));

  // The names the prompt completes from.
  scope.askNames();
  await waitFor('namespace names', () => scope.state.names.length > 0);
  assert.ok(
    ['shop', 'payments', 'default'].every((n) => scope.state.names.includes(n)),
    scope.state.names.join(','),
  );

  const shopCount = storePods(store).size;
  scope.ask('payments');
  // Until the new list is in, the old Pods are still there and the switch is shown as pending.
  assert.deepEqual(scope.state.switching, { namespace: 'payments' });
  assert.equal(storePods(store).size, shopCount);
  await waitFor('switched', () => scope.state.namespace === 'payments' && scope.state.switching === undefined);
  assert.ok(sameMap(storePods(store), await h.kubectlPods('payments')), 'the list equals kubectl get pods -n payments');
  assert.deepEqual(scope.state.recent, ['shop']);

  // Live after the switch: a Pod created in the new namespace arrives.
  h.sim.control.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'payments', name: 'after-switch' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });
  await waitFor('live in payments', () => store.find('payments', 'after-switch') !== undefined);

  // A namespace the user may not list: one line, and the payments watch goes on.
  h.sim.control.deny({ verb: 'list', resource: 'pods', namespace: 'catalog' });
  scope.ask('catalog');
  await waitFor('refused', () => scope.state.error !== undefined);
  assert.match(scope.state.error!, /forbidden/i);
  assert.ok(!scope.state.error!.includes('\n'));
  assert.equal(scope.state.namespace, 'payments');
  h.sim.control.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'payments', name: 'still-watched' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });
  await waitFor('old watch still live', () => store.find('payments', 'still-watched') !== undefined);

  // -A and back.
  scope.ask(undefined);
  await waitFor('all namespaces', () => scope.state.namespace === undefined && scope.state.switching === undefined);
  assert.ok(sameMap(storePods(store), await h.kubectlPods()), 'the list equals kubectl get pods -A');
  scope.ask(scope.state.recent[0]);
  await waitFor('back to payments', () => scope.state.namespace === 'payments' && scope.state.switching === undefined);
  assert.ok(sameMap(storePods(store), await h.kubectlPods('payments')));
});
