import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesSelector, parseSelector } from '../../src/store/selector.ts';

function matches(selector: string, labels: Record<string, string> | undefined): boolean {
  const parsed = parseSelector(selector);
  assert.ok(parsed.ok, `parses: ${selector}`);
  return matchesSelector(parsed.selector, labels);
}

test('equality, inequality, sets, existence as kubectl -l reads them', () => {
  const labels = { app: 'web', tier: 'front', env: 'prod', 'app.kubernetes.io/name': 'shop', replicas: '3' };
  const yes = [
    'app=web',
    'app==web',
    'tier!=db',
    'env in (prod, staging)',
    'env notin (dev)',
    'app',
    '!canary',
    'app=web,tier!=db',
    'app.kubernetes.io/name=shop',
    'replicas>2',
    'replicas<4',
    'missing!=x',
    'missing notin (a)',
    '',
  ];
  const no = ['app=api', 'tier!=front', 'env in (dev,qa)', 'env notin (prod)', 'canary', '!app', 'app=web,tier=db', 'replicas>3', 'missing=x', 'missing in (a)', 'app>1'];
  for (const s of yes) assert.equal(matches(s, labels), true, s);
  for (const s of no) assert.equal(matches(s, labels), false, s);
  assert.equal(matches('app', undefined), false);
  assert.equal(matches('!app', undefined), true);
  assert.equal(matches('app=', { app: '' }), true, 'empty value is allowed');
});

test('invalid selectors give an error, never a match-all', () => {
  for (const bad of ['env in (a', 'app=web)', '-app=x', 'app=we b', 'a b c', 'x>y', 'env in ()', 'bad/prefix/key=x', '/x=1', `k=${'v'.repeat(64)}`, ',']) {
    const parsed = parseSelector(bad);
    assert.equal(parsed.ok, false, bad);
    if (!parsed.ok) assert.ok(parsed.error.length > 0);
  }
});
