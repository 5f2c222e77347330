import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PodFacts } from '../../src/store/filterTerms.ts';
import { compareSubjects, DEFAULT_SORT, sortUids, type SortColumn, type SortSubject } from '../../src/store/sortOrder.ts';

const facts = (f: Partial<PodFacts>): PodFacts => ({ status: 'Running', node: 'n', containers: [], images: [], restarts: 0, ready: '1/1', createdMs: 0, trouble: 2, ...f });
const columns: SortColumn[] = ['name', 'age', 'restarts', 'ready', 'status', 'node', 'cpu', 'mem', 'problems'];
const figure = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });

const subject = fc.record({
  namespace: fc.constantFrom('a', 'b'),
  name: fc.constantFrom('x', 'y', 'z', 'w'),
  restarts: fc.integer({ min: 0, max: 3 }),
  status: fc.constantFrom('Running', 'CrashLoopBackOff', 'Pending'),
  trouble: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
  createdMs: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  ready: fc.constantFrom('0/1', '1/1', '1/2'),
  usage: fc.option(fc.record({ cpuMilli: figure, memBytes: figure }), { nil: undefined }),
});

type Raw = { namespace: string; name: string; restarts: number; status: string; trouble: 0 | 1 | 2; createdMs: number | undefined; ready: string; usage: SortSubject['usage'] };
function subjects(raw: Raw[]): Map<string, SortSubject> {
  const out = new Map<string, SortSubject>();
  raw.forEach((r, i) => {
    const uid = `u${i}`;
    out.set(uid, { uid, namespace: r.namespace, name: r.name, facts: facts({ restarts: r.restarts, status: r.status, trouble: r.trouble, createdMs: r.createdMs, ready: r.ready }), usage: r.usage });
  });
  return out;
}

test('restarts most first, problems first, age youngest first; ties by namespace then name', () => {
  const all = new Map<string, SortSubject>([
    ['1', { uid: '1', namespace: 'b', name: 'p', facts: facts({ restarts: 2, createdMs: 10 }) }],
    ['2', { uid: '2', namespace: 'a', name: 'q', facts: facts({ restarts: 2, trouble: 1, createdMs: 30 }) }],
    ['3', { uid: '3', namespace: 'a', name: 'r', facts: facts({ restarts: 0, trouble: 0, createdMs: 20 }) }],
  ]);
  const sorted = (column: SortColumn, reversed = false) => sortUids(['2', '3', '1'], { column, reversed }, (u) => all.get(u)).slice();
  assert.deepEqual(sorted('restarts'), ['2', '1', '3']);
  assert.deepEqual(sorted('restarts', true), ['3', '2', '1'], 'reversed; the tie still by namespace/name');
  assert.deepEqual(sorted('problems'), ['3', '2', '1']);
  assert.deepEqual(sorted('age'), ['2', '3', '1']);
  assert.deepEqual(sorted('name', true), ['1', '3', '2']);
  all.get('1')!.usage = { cpuMilli: 5, memBytes: 900 };
  all.get('3')!.usage = { cpuMilli: 250, memBytes: undefined };
  assert.deepEqual(sorted('cpu'), ['3', '1', '2'], 'busiest first; no sample last');
  assert.deepEqual(sorted('mem'), ['1', '2', '3'], 'no figure sorts like no sample, by namespace/name');
  assert.deepEqual(sorted('cpu', true), ['2', '1', '3']);
  const view = sortUids(['2', '3', '1'], { column: 'restarts', reversed: false }, (u) => all.get(u));
  assert.equal(view.indexOf('3'), 2);
  assert.equal(view.indexOf('nope'), -1);
});

test('property: the fast sort (stable over the index order) is exactly compareSubjects, for every column and direction', () => {
  fc.assert(
    fc.property(fc.array(subject, { minLength: 1, maxLength: 14 }), fc.constantFrom(...columns), fc.boolean(), (raw, column, reversed) => {
      const all = subjects(raw);
      const spec = { column, reversed };
      // PodIndex hands uids out in (namespace, name, uid) order: the same order for every input.
      const indexOrder = [...all.values()].sort((a, b) => compareSubjects(DEFAULT_SORT, a, b)).map((s) => s.uid);
      const expected = [...all.values()].sort((a, b) => (column === 'name' && reversed ? -compareSubjects(DEFAULT_SORT, a, b) : compareSubjects(spec, a, b))).map((s) => s.uid);
      assert.deepEqual(sortUids(indexOrder, spec, (u) => all.get(u)).slice(), expected);
    }),
    { numRuns: 1000 },
  );
});
