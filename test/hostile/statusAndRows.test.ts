// Small things a broken or hostile server showed: a 403 said "forbidden: forbidden: ..." in the
// status bar, and a watched object whose name is not a string became a nameless row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { ApiError, describeError } from '../../src/cluster/errors.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { connectionSeg, statusLine } from '../../src/ui/StatusBar.tsx';

const pod = (name: unknown, namespace: unknown = 'shop'): V1Pod => ({ metadata: { name, namespace, uid: `uid-${String(name)}` } }) as unknown as V1Pod;

test('a 403 says "forbidden" once in the status bar', () => {
  const status = { kind: 'Status', code: 403, reason: 'Forbidden', message: 'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "shop"' };
  const message = describeError(new ApiError(403, 'https://k8s.example', status), 'list pods in namespace "shop"');
  const text = connectionSeg({ kind: 'forbidden', message }).text;
  assert.equal(text.match(/forbidden/gi)?.length, 1, text);
  assert.match(text, /^forbidden: User "dev" cannot list/);
  assert.equal(connectionSeg({ kind: 'forbidden', message: 'no access' }).text, 'forbidden: no access');
});

test('objects without a string name are dropped and counted, never a nameless row', () => {
  const store = new PodStore({ frameMs: 0 });
  store.apply([
    { type: 'ADDED', pod: pod('web-1') },
    { type: 'ADDED', pod: pod(42) },
    { type: 'ADDED', pod: pod({ nested: true }) },
    { type: 'MODIFIED', pod: pod(undefined) },
    { type: 'ADDED', pod: pod('web-2', ['not', 'a', 'namespace']) },
  ]);
  assert.deepEqual(
    [...store.all()].map((e) => e.pod.metadata?.name),
    ['web-1'],
  );
  assert.equal(store.malformedDropped, 4);
  store.replaceAll([pod('web-3'), pod(7)]);
  assert.deepEqual(
    [...store.all()].filter((e) => e.deletedAt === undefined).map((e) => e.pod.metadata?.name),
    ['web-3'],
  );
  assert.equal(store.malformedDropped, 5);
  const line = statusLine({ context: 'c', namespace: 'shop', connection: { kind: 'live' }, shown: 1, total: 1, hint: 'q quit', malformed: store.malformedDropped })
    .map((s) => s.text)
    .join('');
  assert.match(line, /5 malformed Pod objects dropped/);
  store.close();
});
