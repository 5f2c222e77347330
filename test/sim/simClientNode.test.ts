// The simulated API server through @kubernetes/client-node: paged lists, watches with
// bookmarks, and 410 Gone for a resourceVersion older than the history window.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, KubeConfig, Watch, type V1Pod } from '@kubernetes/client-node';
import { startTestSim, testPod, type TestSim } from './simHarness.ts';

interface Seen {
  type: string;
  obj: { metadata?: { name?: string; resourceVersion?: string }; code?: number; reason?: string };
}

function watchInto(kc: KubeConfig, path: string, params: Record<string, string | boolean>) {
  const events: Seen[] = [];
  const waiters = new Set<() => void>();
  let ended: unknown;
  const controller = new Watch(kc).watch(
    path,
    params,
    (type, obj) => {
      events.push({ type, obj });
      for (const w of waiters) w();
    },
    (err) => {
      ended = err ?? 'closed';
      for (const w of waiters) w();
    },
  );
  const until = (pred: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pred()) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`watch never saw ${what}: ${JSON.stringify(events.map((e) => e.type))}`));
      }, 10_000);
      waiters.add(check);
      check();
    });
  return { events, until, ended: () => ended, abort: async () => (await controller).abort() };
}

describe('sim with @kubernetes/client-node', () => {
  let t: TestSim;
  let kc: KubeConfig;
  let api: CoreV1Api;
  before(async () => {
    t = await startTestSim({ bookmarkIntervalMs: 100, historyWindow: 50 });
    kc = new KubeConfig();
    kc.loadFromString(t.sim.kubeconfigYaml());
    api = kc.makeApiClient(CoreV1Api);
  });
  after(() => t?.close());

  test('lists in pages with limit and continue, in key order, at one resourceVersion', async () => {
    const names: string[] = [];
    const rvs = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await api.listPodForAllNamespaces({ limit: 3, _continue: token });
      pages++;
      rvs.add(page.metadata!.resourceVersion!);
      names.push(...page.items.map((p) => `${p.metadata!.namespace}/${p.metadata!.name}`));
      token = page.metadata!._continue;
    } while (token);
    assert.equal(pages, 2);
    assert.equal(rvs.size, 1);
    assert.deepEqual(names, ['default/db-0', 'default/web-1', 'default/web-2', 'jobs/queue-0']);
    const one = await api.listNamespacedPod({ namespace: 'jobs' });
    assert.deepEqual(
      one.items.map((p) => p.metadata!.name),
      ['queue-0'],
    );
  });

  test('watch from a list resourceVersion sees ADDED, MODIFIED, DELETED and BOOKMARKs', async () => {
    const list = await api.listNamespacedPod({ namespace: 'default' });
    const w = watchInto(kc, '/api/v1/namespaces/default/pods', { allowWatchBookmarks: true, resourceVersion: list.metadata!.resourceVersion! });
    try {
      t.sim.control.create('pods', testPod('late-1'));
      t.sim.control.oomKill('default', 'late-1', 'app');
      t.sim.control.delete('pods', 'default', 'late-1');
      t.sim.control.create('pods', testPod('elsewhere', { namespace: 'jobs' }));
      await w.until(() => w.events.some((e) => e.type === 'DELETED') && w.events.some((e) => e.type === 'BOOKMARK'), 'DELETED and BOOKMARK');
      const changes = w.events.filter((e) => e.type !== 'BOOKMARK');
      assert.deepEqual(
        changes.map((e) => `${e.type} ${e.obj.metadata?.name}`),
        ['ADDED late-1', 'MODIFIED late-1', 'DELETED late-1'],
      );
      const modified = changes[1]!.obj as V1Pod;
      assert.equal(modified.status?.containerStatuses?.[0]?.lastState?.terminated?.reason, 'OOMKilled');
      const rvs = changes.map((e) => Number(e.obj.metadata?.resourceVersion));
      assert.ok(rvs[0]! < rvs[1]! && rvs[1]! < rvs[2]!, 'resourceVersions grow');
      const bookmark = w.events.find((e) => e.type === 'BOOKMARK')!;
      assert.ok(Number(bookmark.obj.metadata?.resourceVersion) >= rvs[2]!);
    } finally {
      await w.abort();
    }
  });

  test('a label-selected watch sees a Pod leave the selection as DELETED', async () => {
    const list = await api.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' });
    const w = watchInto(kc, '/api/v1/namespaces/default/pods', { labelSelector: 'app=web', resourceVersion: list.metadata!.resourceVersion! });
    try {
      t.sim.control.patchPod('default', 'web-2', (p) => {
        p.metadata!.labels = { app: 'retired' };
      });
      await w.until(() => w.events.length > 0, 'an event');
      assert.deepEqual(
        w.events.map((e) => `${e.type} ${e.obj.metadata?.name}`),
        ['DELETED web-2'],
      );
    } finally {
      await w.abort();
    }
  });

  test('a watch from a resourceVersion older than the history window gets a 410 ERROR event', async () => {
    const old = (await api.listNamespacedPod({ namespace: 'default' })).metadata!.resourceVersion!;
    for (let i = 0; i < 60; i++) t.sim.control.patchPod('default', 'db-0', (p) => void (p.metadata!.annotations = { n: String(i) }));
    const w = watchInto(kc, '/api/v1/namespaces/default/pods', { resourceVersion: old });
    await w.until(() => w.events.length > 0 && w.ended() !== undefined, 'the ERROR event and the end');
    assert.equal(w.events[0]!.type, 'ERROR');
    assert.equal(w.events[0]!.obj.code, 410);
    assert.equal(w.events[0]!.obj.reason, 'Expired');
    await w.abort();
  });

  test('a watch without resourceVersion starts with the current objects as ADDED', async () => {
    const w = watchInto(kc, '/api/v1/namespaces/jobs/pods', {});
    try {
      await w.until(() => w.events.length >= 2, 'two ADDED');
      assert.deepEqual(w.events.map((e) => `${e.type} ${e.obj.metadata?.name}`).sort(), ['ADDED elsewhere', 'ADDED queue-0']);
    } finally {
      await w.abort();
    }
  });
});
