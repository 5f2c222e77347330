import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventViews } from '../../src/model/events.ts';
import { ownerViews } from '../../src/model/owners.ts';

const NOW = Date.parse('2026-01-01T01:00:00Z');

test('events newest first with count and age', () => {
  const views = eventViews(
    [
      { type: 'Normal', reason: 'Pulled', message: 'pulled', lastTimestamp: '2026-01-01T00:50:00Z', count: 1 },
      { type: 'Warning', reason: 'BackOff', message: 'back-off\n', series: { count: 9, lastObservedTime: '2026-01-01T00:59:00Z' }, eventTime: '2026-01-01T00:40:00Z' },
      { reason: 'Scheduled', message: 'assigned', eventTime: new Date('2026-01-01T00:00:00Z'), source: { component: 'scheduler', host: 'cp-1' } },
      { reason: 'NoTime', message: 'x' },
    ],
    NOW,
  );
  assert.deepEqual(
    views.map((v) => [v.reason, v.type, v.count, v.ageSeconds]),
    [
      ['BackOff', 'Warning', 9, 60],
      ['Pulled', 'Normal', 1, 600],
      ['Scheduled', 'Normal', 1, 3600],
      ['NoTime', 'Normal', 1, undefined],
    ],
  );
  assert.equal(views[0]!.message, 'back-off');
  assert.equal(views[2]!.source, 'scheduler, cp-1');
  assert.equal(views[2]!.lastSeen, '2026-01-01T00:00:00Z');
  assert.deepEqual(eventViews(undefined, NOW), []);
  assert.deepEqual(eventViews([null, 7] as never, NOW), []);
});

test('owners: the resolved chain as given, else the controller reference unresolved', () => {
  const pod = {
    metadata: {
      ownerReferences: [
        { kind: 'Node', name: 'n1' },
        { kind: 'ReplicaSet', name: 'web-5d8f', controller: true },
      ],
    },
  };
  assert.deepEqual(ownerViews(pod), [{ kind: 'ReplicaSet', name: 'web-5d8f', resolved: false }]);
  const chain = [
    { kind: 'ReplicaSet', name: 'web-5d8f', resolved: true },
    { kind: 'Deployment', name: 'web', resolved: false },
  ];
  assert.deepEqual(ownerViews(pod, chain), chain);
  assert.deepEqual(ownerViews({}), []);
});
