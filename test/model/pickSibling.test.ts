// Which replica `--diff` (and the d screen) compares with when the user names none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareSiblings, pickSibling } from '../../src/model/pickSibling.ts';

interface Shape {
  name: string;
  owner?: string;
  ready?: boolean;
  restarts?: number;
  created?: string;
  going?: boolean;
}

function pod(s: Shape): Record<string, unknown> {
  return {
    metadata: {
      name: s.name,
      uid: `uid-${s.name}`,
      creationTimestamp: s.created ?? '2026-01-01T00:00:00Z',
      ...(s.going ? { deletionTimestamp: '2026-01-02T00:00:00Z' } : {}),
      ...(s.owner ? { ownerReferences: [{ kind: 'ReplicaSet', name: s.owner, uid: `rs-${s.owner}`, controller: true }] } : {}),
    },
    status: {
      conditions: [{ type: 'Ready', status: s.ready === false ? 'False' : 'True' }],
      containerStatuses: [{ name: 'app', restartCount: s.restarts ?? 0 }],
    },
  };
}

const names = (pods: readonly Record<string, unknown>[]): string[] => pods.map((p) => (p.metadata as { name: string }).name);

test('prefers Ready, then fewest restarts, then the oldest', () => {
  const open = pod({ name: 'web-a', owner: 'web', ready: false, restarts: 9 });
  const candidates = [
    open,
    pod({ name: 'web-unready', owner: 'web', ready: false, created: '2025-01-01T00:00:00Z' }),
    pod({ name: 'web-restarty', owner: 'web', restarts: 2, created: '2025-06-01T00:00:00Z' }),
    pod({ name: 'web-young', owner: 'web', restarts: 0, created: '2026-03-01T00:00:00Z' }),
    pod({ name: 'web-old', owner: 'web', restarts: 0, created: '2026-02-01T00:00:00Z' }),
  ];
  const pick = pickSibling(open, candidates);
  assert.deepEqual(pick.ok && names([pick.pod]), ['web-old']);
  assert.deepEqual(names([...candidates.slice(1)].sort(compareSiblings)), ['web-old', 'web-young', 'web-restarty', 'web-unready']);
});

test('only Pods of the same owner uid, never itself, never one being deleted', () => {
  const open = pod({ name: 'web-a', owner: 'web' });
  const candidates = [pod({ name: 'api-b', owner: 'api' }), pod({ name: 'web-going', owner: 'web', going: true }), pod({ name: 'bare' }), open];
  assert.deepEqual(pickSibling(open, candidates), { ok: false, reason: 'pod "web-a" has no other Pod of ReplicaSet/web to compare with' });
  const withOne = pickSibling(open, [...candidates, pod({ name: 'web-z', owner: 'web', ready: false, restarts: 40 })]);
  assert.deepEqual(withOne.ok && names([withOne.pod]), ['web-z'], 'an unhealthy sibling is still better than none');
});

test('a Pod without an owner has no sibling: one line naming the way out', () => {
  assert.deepEqual(pickSibling(pod({ name: 'lonely' }), [pod({ name: 'web-a', owner: 'web' })]), {
    ok: false,
    reason: 'pod "lonely" has no owner, so it has no sibling to compare with: name one with --diff OTHER',
  });
});

test('property: the pick is a Ready sibling whenever one exists, and does not depend on the list order', () => {
  const shape = fc.record({ owner: fc.constantFrom('web', 'api'), ready: fc.boolean(), restarts: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 1, max: 9 }) });
  fc.assert(
    fc.property(fc.array(shape, { maxLength: 8 }), fc.integer(), (shapes, seed) => {
      const open = pod({ name: 'open', owner: 'web' });
      const candidates = shapes.map((s, i) => pod({ name: `p${i}`, owner: s.owner, ready: s.ready, restarts: s.restarts, created: `2026-01-0${s.day}T00:00:00Z` }));
      const shuffled = [...candidates].sort((x, y) => ((names([x])[0]!.charCodeAt(1) * seed) % 7) - ((names([y])[0]!.charCodeAt(1) * seed) % 7));
      const pick = pickSibling(open, candidates);
      const again = pickSibling(open, shuffled);
      assert.deepEqual(again, pick);
      const siblings = shapes.filter((s) => s.owner === 'web');
      assert.equal(pick.ok, siblings.length > 0);
      if (pick.ok && siblings.some((s) => s.ready)) assert.ok(JSON.stringify(pick.pod).includes('"status":"True"'));
    }),
  );
});
