// `:ctx` through the real watch machinery: a kubeconfig with two contexts pointing at two sims.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPodWatch } from '../../src/cluster/podWatch.ts';
import { followScopeRequests } from '../../src/cluster/scopeFeed.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { ScopeStore, type Namespace } from '../../src/store/scopeSwitch.ts';
import { sameMap, storePods, twoContexts, withSim } from './simHarness.ts';
import { waitFor } from './waitFor.ts';

const pod = (namespace: string, name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });

test(':ctx moves the watch to another context at its namespace; unknown or forbidden contexts are one line and the old stays', async (t) => {
  const alpha = await withSim(t);
  const beta = await withSim(t);
  const kubeConfig = twoContexts(alpha, beta);
  beta.sim.control.create('pods', pod('payments', 'only-in-beta'));

  const store = new PodStore({ frameMs: 0, deletedLingerMs: 0 });
  const start = (namespace: Namespace) => startPodWatch({ kubeConfig, namespace, store, backoff: { initialMs: 20, maxMs: 200 } });
  const scope = new ScopeStore('alpha', 'shop');
  const feed = followScopeRequests({ scope, store, kubeConfig, watch: start('shop'), startWatch: start });
  t.after(() => feed.stop());
  await waitFor('alpha live', () => store.connection.kind === 'live');
  assert.ok(sameMap(storePods(store), await alpha.kubectlPods('shop')));

  scope.askContext('beta');
  assert.deepEqual(scope.state.switching, { context: 'beta' });
  await waitFor('switched to beta', () => scope.state.context === 'beta' && scope.state.switching === undefined);
  assert.equal(scope.state.namespace, 'payments', "the context's own namespace");
  assert.ok(store.find('payments', 'only-in-beta'));
  assert.ok(sameMap(storePods(store), await beta.kubectlPods('payments')), 'the list equals kubectl get pods -n payments on beta');
  assert.equal(kubeConfig.getCurrentContext(), 'beta');

  scope.askContext('nope');
  await waitFor('unknown context refused', () => scope.state.error !== undefined);
  assert.equal(scope.state.error, 'context "nope" not found in kubeconfig');
  assert.equal(scope.state.context, 'beta');

  // alpha refuses Pods in shop now: the switch is refused and beta stays watched, live.
  alpha.sim.control.deny({ verb: 'list', resource: 'pods', namespace: 'shop' });
  scope.askContext('alpha');
  await waitFor('forbidden context refused', () => scope.state.switching === undefined && /forbidden/i.test(scope.state.error ?? ''));
  assert.match(scope.state.error!, /^context "alpha": /);
  assert.equal(kubeConfig.getCurrentContext(), 'beta');
  beta.sim.control.create('pods', pod('payments', 'after-refusal'));
  await waitFor('beta still live', () => store.find('payments', 'after-refusal') !== undefined);
});
