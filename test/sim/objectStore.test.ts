// The sim's object store keeps each object as its JSON bytes only: what it serves must be the
// same JSON the object would have been, changes must be visible to get/list/watch, and the
// small views it keeps (selectors) must answer as the whole object would.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { ObjectStore, type StoreEvent } from '../../src/sim/objectStore.ts';
import type { KObject } from '../../src/sim/kObject.ts';
import { storedResource } from '../../src/sim/resources.ts';
import { parseFieldSelector, parseLabelSelector, selectable } from '../../src/sim/selectors.ts';
import { SimCore } from '../../src/sim/simCore.ts';
import { startChurn } from '../../src/sim/churn.ts';
import { emptyScenario } from '../../src/sim/index.ts';
import { raw, smallScenario, startTestSim, testPod } from './simHarness.ts';

const PODS = storedResource('pods');
const NOW = Date.parse('2026-01-02T03:04:05Z');
const newStore = () => new ObjectStore(100, () => NOW);

describe('sim object store', () => {
  test('stores the JSON the stamped object serializes to, and hands out private copies', () => {
    const store = newStore();
    const input = testPod('a', { labels: { app: 'web' } }) as KObject;
    const entry = store.create(PODS, input);
    const obj = entry.object();
    assert.deepEqual(Object.keys(obj).slice(0, 2), ['apiVersion', 'kind']);
    assert.equal(obj.metadata!.resourceVersion, String(entry.rv));
    assert.match(obj.metadata!.uid, /^[0-9a-f-]{36}$/);
    assert.equal(entry.json, JSON.stringify({ apiVersion: 'v1', kind: 'Pod', ...input, metadata: obj.metadata }));
    assert.equal(entry.bytes.toString('utf8'), entry.json);
    obj.metadata!.name = 'changed';
    obj.status.phase = 'Failed';
    assert.equal(store.get(PODS, 'default', 'a')!.object().metadata!.name, 'a');
    assert.equal(store.get(PODS, 'default', 'a')!.object().status.phase, 'Running');
    assert.equal(input.metadata!.resourceVersion, undefined, "the caller's object is not stamped");
  });

  test('an update is what get returns next, the event carries both versions, generation moves with the spec', () => {
    const store = newStore();
    const events: StoreEvent[] = [];
    store.onEvent((e) => events.push(e));
    const first = store.create(PODS, testPod('a') as KObject);
    const status = first.object();
    status.status.phase = 'Succeeded';
    const second = store.update(PODS, status, first.object());
    assert.equal(second.object().metadata!.generation, 1, 'a status change keeps the generation');
    const spec = second.object();
    spec.spec.nodeName = 'node-2';
    const third = store.update(PODS, spec);
    assert.equal(third.object().metadata!.generation, 2, 'a spec change moves it');
    assert.equal(store.get(PODS, 'default', 'a'), third);
    assert.equal(third.object().metadata!.uid, first.object().metadata!.uid);
    assert.deepEqual(
      events.map((e) => [e.type, e.rv, e.prev?.rv]),
      [
        ['ADDED', first.rv, undefined],
        ['MODIFIED', second.rv, first.rv],
        ['MODIFIED', third.rv, second.rv],
      ],
    );
    assert.deepEqual(
      store.eventsSince(first.rv)!.map((e) => e.entry),
      [second, third],
    );
  });

  test('a base parsed from an older version is not trusted for the spec comparison', () => {
    const store = newStore();
    const first = store.create(PODS, testPod('a') as KObject);
    const stale = first.object();
    const moved = first.object();
    moved.spec.nodeName = 'node-2';
    store.update(PODS, moved);
    // Back to node-1: against the stale base the spec looks unchanged, against the store it moved.
    const back = store.get(PODS, 'default', 'a')!.object();
    back.spec = stale.spec;
    assert.equal(store.update(PODS, back, stale).object().metadata!.generation, 3);
  });

  test('delete sends the last state at a new resourceVersion and the key leaves every index', () => {
    const store = newStore();
    const events: StoreEvent[] = [];
    store.onEvent((e) => events.push(e));
    store.create(PODS, testPod('a') as KObject);
    store.create(PODS, testPod('b') as KObject);
    const gone = store.delete(PODS, 'default', 'a', (obj) => (obj.metadata!.annotations = { last: 'yes' }))!;
    assert.equal(gone.object().metadata!.annotations.last, 'yes');
    assert.equal(gone.object().metadata!.resourceVersion, String(gone.rv));
    assert.equal(events.at(-1)!.type, 'DELETED');
    assert.equal(store.get(PODS, 'default', 'a'), undefined);
    assert.deepEqual(store.collection(PODS).keys, ['default/b']);
  });

  test('a bulk load serves the same JSON before and after the background encoding', async () => {
    const core = new SimCore({ historyWindow: 100, bookmarkIntervalMs: 0, dataDir: '/nonexistent' });
    const scenario = emptyScenario();
    scenario.objects.pods = Array.from({ length: 1200 }, (_, i) => testPod(`p${String(i).padStart(4, '0')}`));
    core.load(scenario);
    const entries = [...core.store.collection(PODS).byKey.values()];
    const early = entries.slice(0, 3).map((e) => e.json);
    let settled = false;
    void core.settled.then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false, 'three batches of 500, one per turn: not settled after the first');
    await core.settled;
    assert.deepEqual(
      entries.slice(0, 3).map((e) => e.json),
      early,
    );
    for (const e of entries) assert.equal(e.object().metadata!.name, e.key.split('/')[1]);
    assert.equal(core.pod('default', 'p0007')!.metadata!.name, 'p0007');
    core.close();
  });
});

describe('sim selectors on the kept view', () => {
  const objects: KObject[] = [
    testPod('a', { labels: { app: 'web', tier: 'front' }, node: 'node-1' }) as KObject,
    testPod('b', { labels: { app: 'db' }, node: 'node-2', phase: 'Pending' }) as KObject,
    { metadata: { name: 'e', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'a', namespace: 'default' }, reason: 'BackOff', type: 'Warning', source: { component: 'kubelet' } },
    { metadata: { name: 's', namespace: 'default' }, type: 'Opaque', data: { k: 'dg==' } },
  ];
  const labelSelectors = ['app=web', 'app!=web', 'app in (web,db)', 'tier', '!tier', 'app notin (db)'];
  const fieldSelectors: [string, string][] = [
    ['metadata.name=a', 'pods'],
    ['spec.nodeName=node-2', 'pods'],
    ['status.phase!=Running,metadata.namespace=default', 'pods'],
    ['status.podIP=10.1.0.7', 'pods'],
    ['involvedObject.name=a,reason=BackOff', 'events'],
    ['source=kubelet,type=Warning', 'events'],
    ['type=Opaque', 'secrets'],
  ];

  test('label and field selectors match the view exactly when they match the object', () => {
    for (const s of labelSelectors) {
      const m = parseLabelSelector(s)!;
      for (const o of objects) assert.equal(m(selectable(o)), m(o), `${s} on ${o.metadata!.name}`);
    }
    let matched = 0;
    for (const [s, resource] of fieldSelectors) {
      const m = parseFieldSelector(s, resource)!;
      for (const o of objects) {
        assert.equal(m(selectable(o)), m(o), `${s} on ${o.metadata!.name}`);
        if (m(o)) matched++;
      }
    }
    assert.ok(matched >= fieldSelectors.length, 'every field selector matches something');
  });
});

describe('sim serving from stored JSON', () => {
  test('list, get and watch carry the same bytes for an object after a change', async () => {
    const t = await startTestSim({ scenario: smallScenario() });
    try {
      const list = JSON.parse((await raw(t.sim, '/api/v1/namespaces/default/pods')).body);
      const name: string = list.items[0].metadata.name;
      const rv: string = list.metadata.resourceVersion;
      const events: string[] = [];
      const watch = raw(t.sim, `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}&timeoutSeconds=1`).then((r) => events.push(...r.body.split('\n').filter(Boolean)));
      await new Promise((resolve) => setTimeout(resolve, 100));
      t.sim.control.patchPod('default', name, (p) => ({ ...p, metadata: { ...p.metadata, labels: { ...p.metadata?.labels, changed: 'one' } } }));
      t.sim.control.patchPod('default', name, (p) => ({ ...p, metadata: { ...p.metadata, labels: { ...p.metadata?.labels, changed: 'two' } } }));
      await watch;
      const got = (await raw(t.sim, `/api/v1/namespaces/default/pods/${name}`)).body;
      const relisted = JSON.parse((await raw(t.sim, '/api/v1/namespaces/default/pods')).body).items.find((p: KObject) => p.metadata!.name === name);
      assert.equal(events.length, 2, 'two changes made in one turn arrive as two lines');
      assert.equal(events[1], `{"type":"MODIFIED","object":${got}}`);
      assert.equal(JSON.stringify(relisted), got);
      assert.equal(JSON.parse(got).metadata.labels.changed, 'two');
    } finally {
      await t.close();
    }
  });

  test('a listed Table row is printed from the current version, as a single get prints it', async () => {
    const t = await startTestSim({ scenario: smallScenario() });
    const asTable = { headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } };
    const rowOf = async (name: string) => {
      const listed = JSON.parse((await raw(t.sim, '/api/v1/namespaces/default/pods', asTable)).body);
      const single = JSON.parse((await raw(t.sim, `/api/v1/namespaces/default/pods/${name}`, asTable)).body);
      const row = listed.rows.find((r: { cells: unknown[] }) => r.cells[0] === name);
      assert.deepEqual(row, single.rows[0], 'the list and a get print the same row');
      return row;
    };
    try {
      const name: string = JSON.parse((await raw(t.sim, '/api/v1/namespaces/default/pods')).body).items[0].metadata.name;
      const before = await rowOf(name);
      assert.equal(before.object.kind, 'PartialObjectMetadata');
      t.sim.control.patchPod('default', name, (p) => ({ ...p, metadata: { ...p.metadata, labels: { ...p.metadata?.labels, printed: 'again' } }, status: { ...p.status, podIP: '10.9.9.9' } }));
      const after = await rowOf(name);
      assert.equal(after.cells[5], '10.9.9.9', 'the IP column follows the change');
      assert.equal(after.object.metadata.labels.printed, 'again');
      assert.notEqual(after.object.metadata.resourceVersion, before.object.metadata.resourceVersion);
    } finally {
      await t.close();
    }
  });

  test('the churn makes the same changes for a seed as before the store kept JSON only', async () => {
    const core = new SimCore({ historyWindow: 10_000, bookmarkIntervalMs: 0, dataDir: '/nonexistent' });
    const scenario = emptyScenario();
    scenario.objects.pods = Array.from({ length: 50 }, (_, i) => testPod(`p${i}`, { containers: ['app', 'side'] }));
    core.load(scenario);
    const seen: string[] = [];
    core.store.onEvent((e) => {
      const statuses: KObject[] = e.entry.object().status?.containerStatuses ?? [];
      seen.push(`${e.type} ${e.entry.key} ${statuses.map((c) => `${c.name}:${c.ready}:${c.restartCount}`).join(',')}`);
    });
    const churn = startChurn(core, { changesPerSecond: 20_000, seed: 9, createDeleteRatio: 0.3 });
    while (seen.length < 1000) await new Promise((resolve) => setTimeout(resolve, 20));
    churn.stop();
    core.close();
    assert.ok(seen.some((s) => s.startsWith('ADDED')) && seen.some((s) => s.startsWith('DELETED')) && seen.some((s) => s.startsWith('MODIFIED')));
    // Recorded from the store that kept whole objects (commit f227c1f): which Pod changes, how, in which order.
    const digest = createHash('sha256').update(seen.slice(0, 1000).join('\n')).digest('hex');
    assert.equal(digest, '28d2d38f02e61a1b18b92c1e6d240970ea7cccd1ebd76d8d5bf1984a5f546f18');
  });
});
