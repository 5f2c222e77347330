import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatFilter, parseFilter, termHolds, type FilterSubject, type FilterTerm } from '../../src/store/filterTerms.ts';

function terms(text: string): FilterTerm[] {
  const parsed = parseFilter(text);
  assert.ok(parsed.ok, `"${text}" should parse: ${parsed.ok ? '' : parsed.error}`);
  return parsed.terms;
}

const crashing: FilterSubject = {
  namespace: 'shop',
  name: 'web-7d9f',
  labels: { app: 'web', tier: 'front' },
  facts: {
    status: 'CrashLoopBackOff',
    node: 'pool-2-abc',
    containers: ['app', 'istio-proxy'],
    images: ['shop/web:1.2', 'docker.io/envoyproxy/envoy:v1.29'],
    restarts: 4,
    ready: '1/2',
    createdMs: 0,
    trouble: 0,
  },
};

test('field terms, restarts comparisons, selectors and plain text all parse into their kinds', () => {
  assert.deepEqual(terms('web status:CrashLoop restarts>=3 node:pool-2'), [
    { kind: 'text', value: 'web' },
    { kind: 'field', field: 'status', value: 'CrashLoop' },
    { kind: 'restarts', op: '>=', value: 3 },
    { kind: 'field', field: 'node', value: 'pool-2' },
  ]);
  assert.deepEqual(terms('label:app=web')[0]?.kind, 'selector');
  assert.deepEqual(terms('app=web,tier!=db')[0]?.kind, 'selector');
  assert.equal(terms('env in (a, b) web').length, 2, 'a set selector with spaces stays one term');
  assert.deepEqual(terms('envoy:v1.29'), [{ kind: 'text', value: 'envoy:v1.29' }], 'an unknown key before a colon is plain text');
  assert.deepEqual(terms('-l release')[0]?.kind, 'selector');
});

test('every term must hold', () => {
  const holds = (text: string) => terms(text).every((t) => termHolds(t, crashing));
  assert.ok(holds('status:crashloop restarts>3 node:pool-2 container:istio-proxy image:envoy ns:shop label:app=web web'));
  assert.ok(holds('restarts=4') && holds('restarts<=4') && holds('restarts<5') && !holds('restarts<4') && !holds('restarts>4'));
  assert.ok(!holds('status:Running'));
  assert.ok(!holds('status:crashloop ns:kube-system'), 'one failing term drops the Pod');
  assert.ok(!holds('label:app=api'));
  assert.ok(holds('shop/web'), 'plain text reads namespace/name as the row shows it');
  assert.ok(!holds('ns:web'), 'ns: reads only the namespace');
});

test('a bad term is one line of error naming it', () => {
  for (const [text, says] of [
    ['restarts>x', 'restarts>'],
    ['status:', 'status:'],
    ['label:', 'label selector'],
    ['env in (a', 'parentheses'],
    ['app=we=b', 'invalid label value'],
    ['label:-bad', 'invalid label key'],
  ] as const) {
    const parsed = parseFilter(text);
    assert.equal(parsed.ok, false, text);
    if (!parsed.ok) {
      assert.ok(parsed.error.includes(says), `${text}: ${parsed.error}`);
      assert.ok(!parsed.error.includes('\n'), 'one line');
    }
  }
});

const pieces = fc.constantFrom(
  'status:',
  'restarts>',
  'restarts>=',
  'restarts=',
  'node:',
  'label:',
  'ns:',
  'image:',
  'container:',
  'name:',
  '-l ',
  'app=web',
  '!canary',
  ' in (',
  ')',
  '(',
  ',',
  ' ',
  '=',
  '!=',
  '<',
  'x',
  '3',
  ':',
  'notin',
  'in',
  '/',
);
const filterText = fc.oneof(
  fc.string(),
  fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
);

test('property: parseFilter never throws, and formatFilter reads back as the same terms', () => {
  fc.assert(
    fc.property(filterText, (text) => {
      const parsed = parseFilter(text);
      if (!parsed.ok) {
        assert.equal(typeof parsed.error, 'string');
        return;
      }
      const again = parseFilter(formatFilter(parsed.terms));
      assert.ok(again.ok, `${JSON.stringify(text)} -> ${JSON.stringify(formatFilter(parsed.terms))}: ${again.ok ? '' : again.error}`);
      assert.deepEqual(again.terms, parsed.terms);
    }),
    { numRuns: 3000 },
  );
});
