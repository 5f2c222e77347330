import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { completeCommand, namespaceCandidates, parseCommand } from '../../src/ui/command/commandLine.ts';

test(':ns NAME, all, 0 and - (the previous namespace)', () => {
  assert.deepEqual(parseCommand('ns shop', []), { kind: 'ns', namespace: 'shop' });
  assert.deepEqual(parseCommand('  ns   payments ', []), { kind: 'ns', namespace: 'payments' });
  assert.deepEqual(parseCommand('ns all', []), { kind: 'ns', namespace: undefined });
  assert.deepEqual(parseCommand('ns 0', []), { kind: 'ns', namespace: undefined });
  assert.deepEqual(parseCommand('ns -', ['billing', 'shop']), { kind: 'ns', namespace: 'billing' });
  assert.deepEqual(parseCommand('-', ['billing']), { kind: 'ns', namespace: 'billing' });
  assert.deepEqual(parseCommand('ns -', [undefined]), { kind: 'ns', namespace: undefined });
  assert.deepEqual(parseCommand('ctx arn:aws:eks:eu-west-1:1:cluster/prod', []), { kind: 'ctx', context: 'arn:aws:eks:eu-west-1:1:cluster/prod' });
});

test('what is not a command or a namespace name is one line that says why', () => {
  for (const text of ['ns', 'ns a b', 'ns Shop', 'ns -', 'frob x', 'ns a_b', `ns ${'a'.repeat(64)}`, 'ctx', 'ctx a b']) {
    const out = parseCommand(text, []);
    assert.equal(out.kind, 'error', text);
    assert.ok(out.kind === 'error' && out.message.length > 0 && !out.message.includes('\n'), text);
  }
});

test('tab completes to the unique name, or to the common prefix; candidates are the recent ones first', () => {
  const names = ['payments', 'platform', 'shop', 'kube-system'];
  assert.equal(completeCommand('ns sh', names), 'ns shop');
  assert.equal(completeCommand('ns p', names), 'ns p');
  assert.equal(completeCommand('ns pa', names), 'ns payments');
  assert.equal(completeCommand('ns x', names), 'ns x');
  assert.equal(completeCommand('n', names), 'ns ');
  assert.deepEqual(namespaceCandidates('ns p', names, []), ['payments', 'platform']);
  assert.deepEqual(namespaceCandidates('ns ', names, ['shop', undefined]), ['shop', 'all', 'payments', 'platform', 'kube-system']);
});

test('completion only ever extends what was typed, towards every name that matches (property)', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
  fc.assert(
    fc.property(fc.array(name, { maxLength: 8 }), fc.stringMatching(/^[a-z]{0,3}$/), (names, typed) => {
      const out = completeCommand(`ns ${typed}`, names);
      assert.ok(out.startsWith(`ns ${typed}`));
      const arg = out.slice(3);
      for (const n of names.filter((x) => x.startsWith(typed))) assert.ok(n.startsWith(arg), `${n} vs ${arg}`);
    }),
  );
});
