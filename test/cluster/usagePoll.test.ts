// The list's metrics poll over real HTTP against the sim: figures for the watched scope once
// the list is live, following `:ns`, and a clean stop when metrics.k8s.io is absent or forbidden.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPodWatch } from '../../src/cluster/podWatch.ts';
import { followScopeRequests } from '../../src/cluster/scopeFeed.ts';
import { pollUsage } from '../../src/cluster/usagePoll.ts';
import { scaleScenario } from '../../src/sim/scenario/scale.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { PodUsageStore } from '../../src/store/podUsage.ts';
import { ScopeStore, type Namespace } from '../../src/store/scopeSwitch.ts';
import { type SimHarness, twoContexts, withSim } from './simHarness.ts';
import { waitFor } from './waitFor.ts';

const run = promisify(execFile);

function running(store: PodStore, namespace?: string): { namespace: string; name: string }[] {
  return [...store.all()]
    .map((e) => e.pod)
    .filter((p) => p.status?.phase === 'Running' && (namespace === undefined || p.metadata?.namespace === namespace))
    .map((p) => ({ namespace: p.metadata!.namespace!, name: p.metadata!.name! }));
}

test('the poll fills the usage of every running Pod in the namespace, after the list is live, and follows :ns', async (t) => {
  const h = await withSim(t);
  const kubeConfig = h.config.kubeConfig;
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 0 });
  const usage = new PodUsageStore();
  const start = (namespace: Namespace) => startPodWatch({ kubeConfig, namespace, store, backoff: { initialMs: 20, maxMs: 200 } });
  const scope = new ScopeStore('sim', 'shop');
  const poll = pollUsage({ kubeConfig, store, usage, scope, intervalMs: 50 });
  const feed = followScopeRequests({ scope, store, kubeConfig, watch: start('shop'), startWatch: start });
  t.after(async () => {
    await poll.stop();
    await feed.stop();
  });
  await waitFor('figures for shop', () => usage.state.served && running(store, 'shop').every((p) => usage.get(p.namespace, p.name) !== undefined));
  const shop = running(store, 'shop');
  assert.ok(shop.length > 0);
  for (const p of shop) {
    const u = usage.get(p.namespace, p.name)!;
    assert.ok(u.cpuMilli !== undefined && u.cpuMilli >= 0, `${p.name} cpu`);
    assert.ok(u.memBytes !== undefined && u.memBytes > 0, `${p.name} memory`);
  }
  // The same Pods as kubectl top reads from the same API.
  const { stdout } = await run('kubectl', ['top', 'pods', '-n', 'shop', '--no-headers', '--kubeconfig', h.kubeconfigPath]);
  const topNames = stdout
    .trim()
    .split('\n')
    .map((l) => l.split(/\s+/)[0])
    .sort();
  assert.deepEqual(topNames, shop.map((p) => p.name).sort());
  // It keeps polling: the version moves on.
  const seen = usage.state.version;
  await waitFor('another poll', () => usage.state.version > seen + 1);

  scope.ask('payments');
  await waitFor('switched', () => scope.state.namespace === 'payments' && scope.state.switching === undefined);
  await waitFor('figures for payments', () => running(store, 'payments').length > 0 && running(store, 'payments').every((p) => usage.get(p.namespace, p.name) !== undefined));
  assert.equal(usage.get(shop[0]!.namespace, shop[0]!.name), undefined, 'the old namespace is no longer polled');

  scope.ask(undefined);
  await waitFor('all namespaces', () => scope.state.namespace === undefined && scope.state.switching === undefined);
  await waitFor('figures everywhere', () => running(store).every((p) => usage.get(p.namespace, p.name) !== undefined));
  assert.ok(new Set(running(store).map((p) => p.namespace)).size > 2);
});

test('a cluster-wide poll reads a big metrics list, gzipped and sent in slices, whole', async (t) => {
  // 1,200 Pods: the sim sends their PodMetrics past 128 KiB, so gzipped and made as it is sent.
  const h = await withSim(t, { scenario: scaleScenario({ pods: 1200, namespaces: 4, seed: 3, nowMs: Date.now() }) });
  const kubeConfig = h.config.kubeConfig;
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 0 });
  const usage = new PodUsageStore();
  const watch = startPodWatch({ kubeConfig, store });
  const poll = pollUsage({ kubeConfig, store, usage, intervalMs: 60_000 });
  t.after(async () => {
    await poll.stop();
    await watch.stop();
  });
  await waitFor('figures', () => usage.state.served);
  const all = running(store);
  assert.ok(all.length > 1000, `${all.length} running Pods`);
  const missing = all.filter((p) => usage.get(p.namespace, p.name) === undefined);
  assert.deepEqual(missing, []);
});

/** A poll over `shop` every 20 ms beside its Pod watch; both stopped after the test. */
async function pollShop(t: { after(fn: () => Promise<void>): void }, h: SimHarness) {
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 0 });
  const usage = new PodUsageStore();
  const watch = startPodWatch({ kubeConfig: h.config.kubeConfig, namespace: 'shop', store });
  const poll = pollUsage({ kubeConfig: h.config.kubeConfig, store, usage, namespace: 'shop', intervalMs: 20 });
  t.after(async () => {
    await poll.stop();
    await watch.stop();
  });
  await waitFor('the note', () => usage.state.note !== undefined);
  return { store, usage };
}

/** Well past a few intervals, a stopped poll has written nothing more (each poll would bump the version). */
async function assertStopped(usage: PodUsageStore): Promise<void> {
  const version = usage.state.version;
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(usage.state.version, version);
}

test('a cluster without metrics.k8s.io: one poll, a note, no figures, and no further requests', async (t) => {
  const { usage } = await pollShop(t, await withSim(t, { metrics: false }));
  assert.equal(usage.state.served, false);
  assert.match(usage.state.note!, /metrics\.k8s\.io.*not served/);
  await assertStopped(usage);
});

test('forbidden PodMetrics (403) stops the poll with one line naming the namespace; the Pod list goes on', async (t) => {
  const h = await withSim(t);
  h.sim.control.deny({ verb: 'list', resource: 'pods', group: 'metrics.k8s.io', namespace: 'shop' });
  const { store, usage } = await pollShop(t, h);
  assert.equal(store.connection.kind, 'live', 'Pods are still listed');
  assert.equal(usage.state.served, false);
  assert.match(usage.state.note!, /not allowed to list Pod metrics in namespace "shop"/);
  assert.ok(!usage.state.note!.includes('\n'));
  await assertStopped(usage);
});

test('a narrowed list (TYPE/NAME, -l) asks only for its Pods: the selector goes with the metrics list', async (t) => {
  const h = await withSim(t);
  const kubeConfig = h.config.kubeConfig;
  const labelSelector = 'app=user-msvc';
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 0 });
  const usage = new PodUsageStore();
  const watch = startPodWatch({ kubeConfig, namespace: 'shop', labelSelector, store });
  const poll = pollUsage({ kubeConfig, store, usage, namespace: 'shop', labelSelector, intervalMs: 20 });
  t.after(async () => {
    await poll.stop();
    await watch.stop();
  });
  await waitFor('figures', () => usage.state.served);
  const narrowed = running(store, 'shop');
  assert.ok(narrowed.length > 0);
  for (const p of narrowed) assert.ok(usage.get(p.namespace, p.name), p.name);
  const others = h.sim.control
    .list<{ metadata: { name: string; labels?: Record<string, string> }; status?: { phase?: string } }>('pods', 'shop')
    .filter((p) => p.metadata.labels?.app !== 'user-msvc' && p.status?.phase === 'Running');
  assert.ok(others.length > 0, 'the namespace has other running Pods');
  for (const p of others) assert.equal(usage.get('shop', p.metadata.name), undefined, `${p.metadata.name} is not asked for`);
});

test(':ctx to a cluster without metrics takes the columns away; back to one with metrics brings them', async (t) => {
  const alpha = await withSim(t);
  const beta = await withSim(t, { metrics: false });
  const kubeConfig = twoContexts(alpha, beta);
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 0 });
  const usage = new PodUsageStore();
  const start = (namespace: Namespace) => startPodWatch({ kubeConfig, namespace, store, backoff: { initialMs: 20, maxMs: 200 } });
  const scope = new ScopeStore('alpha', 'shop');
  const poll = pollUsage({ kubeConfig, store, usage, scope, namespace: 'shop', intervalMs: 50 });
  const feed = followScopeRequests({ scope, store, kubeConfig, watch: start('shop'), startWatch: start });
  t.after(async () => {
    await poll.stop();
    await feed.stop();
  });
  await waitFor('alpha figures', () => usage.state.served);
  scope.askContext('beta');
  await waitFor('beta: no metrics API', () => scope.state.context === 'beta' && usage.state.note !== undefined);
  assert.equal(usage.state.served, false);
  assert.match(usage.state.note!, /not served/);
  scope.askContext('alpha');
  await waitFor('alpha figures again', () => scope.state.context === 'alpha' && usage.state.served);
  assert.ok(running(store, 'shop').every((p) => usage.get(p.namespace, p.name) !== undefined));
});

test('the poll waits for the Pod list: nothing is asked while it loads, the first poll follows it going live', async (t) => {
  const h = await withSim(t);
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 0 });
  store.setConnection({ kind: 'loading', loaded: 0 });
  const usage = new PodUsageStore();
  const poll = pollUsage({ kubeConfig: h.config.kubeConfig, store, usage, namespace: 'shop', intervalMs: 20 });
  t.after(() => poll.stop());
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(usage.state.version, 0, 'no poll while the list loads');
  store.setConnection({ kind: 'live' });
  await waitFor('figures', () => usage.state.served);
});
