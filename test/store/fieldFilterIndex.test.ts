// PodIndex with field terms: a kept filter judges only the Pods that changed, and a filter
// kept up to date through any changes matches the same filter run afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { V1Pod } from '@kubernetes/client-node';
import { PodIndex, type SearchResult } from '../../src/store/podIndex.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { podFacts } from '../../src/ui/list/podFields.ts';
import { pod } from './fixtures.ts';

function restarted(name: string, restarts: number, rv: string, node = 'pool-1'): V1Pod {
  const p = pod('shop', name, { rv, labels: { app: name.startsWith('web') ? 'web' : 'api' } });
  p.spec = { nodeName: node, containers: [{ name: 'app', image: 'nginx' }] };
  p.status = { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: restarts, image: '', imageID: '', state: { running: {} } }] };
  return p;
}

const uidsOf = (r: SearchResult) => {
  assert.ok(r.ok);
  return r.rows.slice();
};

test('a kept field filter reads only the Pods that changed', () => {
  const store = new PodStore({ frameMs: 0 });
  const read: string[] = [];
  const index = new PodIndex(store, (p) => {
    read.push((p as V1Pod).metadata!.name!);
    return podFacts(p);
  });
  const pods = Array.from({ length: 200 }, (_, i) => restarted(`web-${i}`, i % 5, '1'));
  store.apply(pods.map((p) => ({ type: 'ADDED' as const, pod: p })));
  assert.equal(uidsOf(index.search('restarts>3 node:pool')).length, 40);
  read.length = 0;
  store.apply([{ type: 'MODIFIED', pod: restarted('web-0', 9, '2') }]);
  assert.equal(uidsOf(index.search('restarts>3 node:pool')).length, 41);
  assert.deepEqual(read, ['web-0', 'web-0'], 'one Pod changed: only it is judged (once per field term)');
  index.close();
  store.close();
});

test('property: a field filter kept through any changes matches the same filter run afresh', () => {
  const change = fc.record({
    name: fc.constantFrom('web-a', 'web-b', 'api-a', 'api-b', 'api-c'),
    restarts: fc.integer({ min: 0, max: 6 }),
    node: fc.constantFrom('pool-1', 'pool-2'),
    gone: fc.boolean(),
  });
  const filters = fc.constantFrom('restarts>2', 'node:pool-2 restarts<=3', 'app=web restarts>=1', 'label:app=api node:pool-1', 'web restarts=0', 'ns:shop status:running');
  fc.assert(
    fc.property(filters, fc.array(fc.array(change, { maxLength: 4 }), { maxLength: 8 }), (filter, batches) => {
      const store = new PodStore({ frameMs: 0, deletedLingerMs: 0 });
      const kept = new PodIndex(store, podFacts);
      let rv = 1;
      for (const batch of batches) {
        store.apply(
          batch.map((c) => {
            const p = restarted(c.name, c.restarts, String(++rv), c.node);
            return { type: c.gone ? ('DELETED' as const) : store.get(p.metadata!.uid!) ? ('MODIFIED' as const) : ('ADDED' as const), pod: p };
          }),
        );
        const fresh = new PodIndex(store, podFacts);
        assert.deepEqual(uidsOf(kept.search(filter)), uidsOf(fresh.search(filter)));
        fresh.close();
      }
      kept.close();
      store.close();
    }),
    { numRuns: 150 },
  );
});
