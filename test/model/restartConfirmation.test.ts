import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BARE_POD_CONSEQUENCE, restartConfirmation } from '../../src/model/restartConfirmation.ts';
import { sanitize } from '../../src/text/sanitize.ts';

// Nothing left for sanitize to take out: no control sequence, no character that could act on a terminal.
const hasControls = (text: string): boolean => sanitize(text) !== text;

const owned = (kind: string, name: string) => ({
  metadata: {
    name: 'web-7d9-abcde',
    namespace: 'shop',
    ownerReferences: [
      { kind: 'Other', name: 'x' },
      { kind, name, controller: true },
    ],
  },
});

test('an owned Pod: the question names it, the owner chain the cluster resolved, and that a new Pod comes', () => {
  const c = restartConfirmation(owned('ReplicaSet', 'web-7d9'), [
    { kind: 'ReplicaSet', name: 'web-7d9', resolved: true },
    { kind: 'Deployment', name: 'web', resolved: true },
  ]);
  assert.equal(c.question, 'Delete Pod shop/web-7d9-abcde?');
  assert.equal(c.owner, 'ReplicaSet web-7d9 of Deployment web');
  assert.equal(c.consequence, 'its ReplicaSet creates a new Pod in its place');
  assert.equal(c.fate, 'recreated');
});

test('without a resolved chain the controller reference is the owner; unreadable owners say so', () => {
  assert.equal(restartConfirmation(owned('StatefulSet', 'db')).owner, 'StatefulSet db');
  assert.equal(restartConfirmation(owned('StatefulSet', 'db')).consequence, 'its StatefulSet recreates it under the same name');
  assert.equal(restartConfirmation(owned('ReplicaSet', 'r'), [{ kind: 'ReplicaSet', name: 'r', resolved: false }]).owner, 'ReplicaSet r (not readable)');
  assert.match(restartConfirmation(owned('Job', 'backup')).consequence, /only if the Job has not finished/);
  assert.match(restartConfirmation(owned('Node', 'node-1')).consequence, /static Pod/);
  assert.equal(restartConfirmation(owned('Workflow', 'w')).fate, 'unknown-owner');
});

test('a bare Pod is gone for good, and the dialog says so', () => {
  const c = restartConfirmation({ metadata: { name: 'debug', namespace: 'default' } }, []);
  assert.equal(c.owner, 'no owner');
  assert.equal(c.fate, 'gone');
  assert.equal(c.consequence, BARE_POD_CONSEQUENCE);
  assert.equal(BARE_POD_CONSEQUENCE, 'gone for good: no owner will recreate it');
});

test('a Pod already terminating: deleting again changes nothing', () => {
  const c = restartConfirmation({ metadata: { name: 'p', namespace: 'n', deletionTimestamp: '2026-01-01T00:00:00Z' } });
  assert.equal(c.alreadyTerminating, true);
  assert.match(c.consequence, /already terminating/);
});

test('property: names from the cluster never carry a control sequence into the dialog', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string(), (name, owner, kind) => {
      const c = restartConfirmation({ metadata: { name, namespace: '\u001b[2Jns', ownerReferences: [{ kind, name: owner, controller: true }] } });
      for (const line of [c.question, c.owner, c.consequence]) assert.equal(hasControls(line), false, JSON.stringify(line));
    }),
    { numRuns: 300 },
  );
});
