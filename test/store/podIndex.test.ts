import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PodIndex } from '../../src/store/podIndex.ts';
import type { SearchResult, UidList } from '../../src/store/podIndex.ts';
import { PodStore } from '../../src/store/podStore.ts';
import type { WatchDelta } from '../../src/store/types.ts';
import { pod } from './fixtures.ts';
import type { V1Pod } from '@kubernetes/client-node';
import { podFacts } from '../../src/ui/list/podFields.ts';

function okRows(result: SearchResult): UidList {
  assert.ok(result.ok);
  return result.rows;
}

function names(store: PodStore, uids: UidList): string[] {
  return uids.slice().map((uid) => {
    const meta = store.get(uid)!.pod.metadata!;
    return `${meta.namespace}/${meta.name}`;
  });
}

test('rows are ordered by namespace then name, and stay ordered as Pods come and go', () => {
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 60_000 });
  const index = new PodIndex(store);
  store.apply([
    { type: 'ADDED', pod: pod('web', 'b') },
    { type: 'ADDED', pod: pod('api', 'z') },
    { type: 'ADDED', pod: pod('web', 'a') },
  ]);
  assert.deepEqual(names(store, index.list().slice()), ['api/z', 'web/a', 'web/b']);
  store.apply([
    { type: 'ADDED', pod: pod('db', 'm') },
    { type: 'DELETED', pod: pod('web', 'a') },
  ]);
  assert.deepEqual(names(store, index.list().slice()), ['api/z', 'db/m', 'web/a', 'web/b'], 'a deleted Pod keeps its row while it lingers');
  store.replaceAll([pod('web', 'b'), pod('api', 'z')]);
  assert.deepEqual(names(store, index.list().slice()), ['api/z', 'web/b']);
  assert.equal(index.list().indexOf('uid-web-b'), 1);
  assert.equal(index.count(), 2);
  assert.deepEqual(index.list().slice(1, 10), ['uid-web-b']);
  assert.equal(index.list().indexOf('uid-db-m'), -1);
  index.close();
  store.close();
});

test('search: substring on namespace/name, -l selectors, and errors for bad selectors', () => {
  const store = new PodStore({ frameMs: 0 });
  const index = new PodIndex(store);
  store.apply([
    { type: 'ADDED', pod: pod('shop', 'web-1', { labels: { app: 'web', tier: 'front' } }) },
    { type: 'ADDED', pod: pod('shop', 'db-0', { labels: { app: 'db', tier: 'back' } }) },
    { type: 'ADDED', pod: pod('Ops', 'Web-Probe', { labels: { app: 'probe' } }) },
  ]);
  assert.deepEqual(names(store, okRows(index.search('tier!=back'))), ['Ops/Web-Probe', 'shop/web-1']);
  assert.deepEqual(names(store, okRows(index.search('app in (web,db),tier=front'))), ['shop/web-1']);
  const rows = (text: string) => {
    const result = index.search(text);
    assert.ok(result.ok, text);
    return names(store, result.rows);
  };
  assert.deepEqual(rows(''), ['Ops/Web-Probe', 'shop/db-0', 'shop/web-1']);
  assert.deepEqual(rows('web'), ['Ops/Web-Probe', 'shop/web-1'], 'case-insensitive substring');
  assert.deepEqual(rows('shop/d'), ['shop/db-0']);
  assert.deepEqual(rows('s'), ['Ops/Web-Probe', 'shop/db-0', 'shop/web-1']);
  assert.deepEqual(rows('sh'), ['shop/db-0', 'shop/web-1'], 'narrowing as the user types');
  store.apply([{ type: 'ADDED', pod: pod('shop', 'shell-0', { labels: { app: 'web' } }) }]);
  assert.deepEqual(rows('sh'), ['shop/db-0', 'shop/shell-0', 'shop/web-1'], 'a new Pod appears in a cached filter');
  store.apply([{ type: 'MODIFIED', pod: pod('shop', 'db-0', { labels: { app: 'web', tier: 'front' } }) }]);
  assert.deepEqual(rows('app=web'), ['shop/db-0', 'shop/shell-0', 'shop/web-1'], 'changed labels are matched');
  assert.deepEqual(rows('-l tier'), ['shop/db-0', 'shop/web-1']);
  const bad = index.search('app in (web');
  assert.equal(bad.ok, false);
  index.close();
});

test('search: a substring also matches status, node, container names and images; a changed status is judged again', () => {
  const store = new PodStore({ frameMs: 0 });
  const index = new PodIndex(store, podFacts);
  const withStatus = (name: string, reason: string | undefined, rv: string): V1Pod => {
    const p = pod('shop', name, { rv });
    p.spec = {
      nodeName: `node-${name}`,
      containers: [
        { name: 'app', image: 'nginx:1.27' },
        { name: 'proxy', image: 'quay.io/oauth2-proxy/oauth2-proxy:v7' },
      ],
    };
    p.status = { phase: 'Running', containerStatuses: [{ name: 'app', ready: !reason, restartCount: 0, image: '', imageID: '', state: reason ? { waiting: { reason } } : { running: {} } }] };
    return p;
  };
  store.apply([
    { type: 'ADDED', pod: withStatus('a', undefined, '1') },
    { type: 'ADDED', pod: withStatus('b', 'CrashLoopBackOff', '1') },
  ]);
  const rows = (text: string) => {
    const result = index.search(text);
    assert.ok(result.ok, text);
    return names(store, result.rows);
  };
  assert.deepEqual(rows('crashloop'), ['shop/b'], 'the STATUS column');
  assert.deepEqual(rows('node-a'), ['shop/a'], 'the node');
  assert.deepEqual(rows('proxy'), ['shop/a', 'shop/b'], 'a container name');
  assert.deepEqual(rows('quay.io/oauth2'), ['shop/a', 'shop/b'], 'an image, "/" included');
  assert.deepEqual(rows('nginx:1.27'), ['shop/a', 'shop/b']);
  rows('crashloop');
  store.apply([
    { type: 'MODIFIED', pod: withStatus('a', 'CrashLoopBackOff', '2') },
    { type: 'MODIFIED', pod: withStatus('b', undefined, '2') },
  ]);
  assert.deepEqual(rows('crashloop'), ['shop/a'], 'a Pod whose status changed joins or leaves the kept filter');
  index.close();
  store.close();
});

test('interleaved pages of a large list merge in order', () => {
  const store = new PodStore({ frameMs: 0 });
  const index = new PodIndex(store);
  const total = 30_000;
  // Pages interleave (by stride) so every page merges into the middle of the rows.
  for (let page = 0; page < 20; page++) {
    const deltas: WatchDelta[] = [];
    for (let i = page; i < total; i += 20) deltas.push({ type: 'ADDED', pod: pod(`ns-${i % 300}`, `pod-${i}`) });
    store.apply(deltas);
    index.list().slice();
  }
  const rows = index.list().slice();
  assert.equal(rows.length, total);
  for (let i = 1; i < rows.length; i++) {
    const a = store.get(rows[i - 1]!)!.pod.metadata!;
    const b = store.get(rows[i]!)!.pod.metadata!;
    assert.ok(a.namespace! < b.namespace! || (a.namespace === b.namespace && a.name! < b.name!), `order at ${i}`);
  }
  const found = index.search('ns-7/pod-29707');
  assert.ok(found.ok);
  assert.deepEqual(names(store, found.rows), ['ns-7/pod-29707']);
  index.close();
});

test('property: after any sequence of deltas the rows equal a full sort of the store', () => {
  const op = fc.record({
    type: fc.constantFrom('ADDED', 'MODIFIED', 'DELETED', 'ADDED'),
    ns: fc.constantFrom('a', 'b', 'c'),
    name: fc.constantFrom('x', 'y', 'z', 'w', 'v'),
  });
  fc.assert(
    fc.property(fc.array(fc.array(op, { minLength: 1, maxLength: 90 }), { maxLength: 8 }), fc.boolean(), (batches, relist) => {
      const store = new PodStore({ frameMs: 0, deletedLingerMs: 60_000 });
      const index = new PodIndex(store);
      for (const batch of batches) {
        store.apply(batch.map((o) => ({ type: o.type, pod: pod(o.ns, o.name) }) as WatchDelta));
        index.list().slice();
      }
      if (relist) store.replaceAll([...store.all()].filter((_, i) => i % 2 === 0).map((e) => pod(e.pod.metadata!.namespace!, e.pod.metadata!.name!)));
      else store.pruneExcept(new Set([...store.all()].filter((_, i) => i % 3 !== 0).map((e) => e.pod.metadata!.uid!)));
      const expected = [...store.all()].map((e) => `${e.pod.metadata!.namespace}/${e.pod.metadata!.name}`).sort();
      assert.deepEqual(names(store, index.list().slice()), expected);
      index.close();
      store.close();
    }),
    { numRuns: 200 },
  );
});

test('list() is a view of the rows: no copy, and a new view only when the rows change', () => {
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 60_000 });
  const index = new PodIndex(store);
  store.apply([
    { type: 'ADDED', pod: pod('web', 'b') },
    { type: 'ADDED', pod: pod('api', 'z') },
    { type: 'ADDED', pod: pod('web', 'a') },
  ]);
  const view = index.list();
  assert.equal(view.length, 3);
  assert.deepEqual(view.slice(), ['uid-api-z', 'uid-web-a', 'uid-web-b']);
  assert.deepEqual(view.slice(1, 2), ['uid-web-a']);
  assert.equal(view.at(0), 'uid-api-z');
  assert.equal(view.at(-1), 'uid-web-b');
  assert.equal(view.at(3), undefined);
  assert.equal(view.indexOf('uid-web-b'), 2);
  assert.equal(view.indexOf('uid-missing'), -1);
  store.apply([{ type: 'MODIFIED', pod: pod('web', 'a', { rv: '2', labels: { app: 'x' } }) }]);
  assert.equal(index.list(), view, 'a changed Pod that keeps its place keeps the view');
  assert.equal(okRows(index.search('')), view, 'the unfiltered search is the same view');
  store.apply([{ type: 'ADDED', pod: pod('db', 'm') }]);
  const next = index.list();
  assert.notEqual(next, view, 'a new Pod: a new view');
  assert.deepEqual(names(store, next), ['api/z', 'db/m', 'web/a', 'web/b']);
  index.close();
});

test('a filter result keeps its identity while its matches stay the same', () => {
  const store = new PodStore({ frameMs: 0 });
  const index = new PodIndex(store);
  store.apply([
    { type: 'ADDED', pod: pod('shop', 'web-1', { labels: { app: 'web' } }) },
    { type: 'ADDED', pod: pod('shop', 'db-0', { labels: { app: 'db' } }) },
  ]);
  const first = okRows(index.search('app=web'));
  store.apply([{ type: 'MODIFIED', pod: pod('shop', 'db-0', { rv: '2', labels: { app: 'db' } }) }]);
  assert.equal(okRows(index.search('app=web')), first);
  store.apply([{ type: 'MODIFIED', pod: pod('shop', 'db-0', { rv: '3', labels: { app: 'web' } }) }]);
  const second = okRows(index.search('app=web'));
  assert.notEqual(second, first);
  assert.deepEqual(names(store, second), ['shop/db-0', 'shop/web-1']);
  index.close();
});

test('property: a filter kept up to date through any deltas matches the same filter run afresh', () => {
  const op = fc.record({
    type: fc.constantFrom('ADDED', 'MODIFIED', 'DELETED'),
    ns: fc.constantFrom('a', 'b', 'C'),
    name: fc.constantFrom('x1', 'y1', 'z2', 'W2', 'v3'),
    app: fc.constantFrom('web', 'db', undefined),
    phase: fc.constantFrom('Running', 'Pending', 'Failed'),
  });
  // 'runn' and 'ail' match the STATUS column, which changes with a MODIFIED Pod.
  const filters = ['1', 'a/', 'c/w', 'app=web', 'app!=web', '-l app', '!app', 'runn', 'ail'];
  fc.assert(
    fc.property(fc.array(fc.array(op, { minLength: 1, maxLength: 90 }), { maxLength: 8 }), fc.constantFrom(...filters), (batches, text) => {
      const store = new PodStore({ frameMs: 0, deletedLingerMs: 60_000 });
      const index = new PodIndex(store, podFacts);
      let rv = 1;
      for (const batch of batches) {
        index.search(text);
        store.apply(batch.map((o) => ({ type: o.type, pod: { ...pod(o.ns, o.name, { rv: String(++rv), ...(o.app ? { labels: { app: o.app } } : {}) }), status: { phase: o.phase } } }) as WatchDelta));
      }
      const fresh = new PodIndex(store, podFacts);
      assert.deepEqual(names(store, okRows(index.search(text))), names(store, okRows(fresh.search(text))));
      fresh.close();
      index.close();
      store.close();
    }),
    { numRuns: 300 },
  );
});
