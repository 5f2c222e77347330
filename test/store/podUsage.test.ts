// The usage store holds exactly the last poll's samples: a Pod the poll no longer names has no
// figures, one it names again has its new ones (a new object, so rows that compare draw again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PodUsageStore, type UsageSample } from '../../src/store/podUsage.ts';

const sample = (namespace: string, name: string, cpuMilli: number): UsageSample => ({ namespace, name, usage: { cpuMilli, memBytes: 1024 } });

test('a poll replaces the figures: updated, gone and new Pods, and an emptied namespace', () => {
  const usage = new PodUsageStore();
  usage.replace([sample('shop', 'web-1', 100), sample('shop', 'web-2', 200), sample('ops', 'cron-1', 5)]);
  const first = usage.get('shop', 'web-1');
  assert.equal(first?.cpuMilli, 100);
  const version = usage.state.version;
  usage.replace([sample('shop', 'web-1', 150), sample('shop', 'web-3', 300)]);
  assert.equal(usage.get('shop', 'web-1')?.cpuMilli, 150);
  assert.notEqual(usage.get('shop', 'web-1'), first);
  assert.equal(usage.get('shop', 'web-2'), undefined);
  assert.equal(usage.get('shop', 'web-3')?.cpuMilli, 300);
  assert.equal(usage.get('ops', 'cron-1'), undefined);
  assert.ok(usage.state.version > version);
  assert.equal(usage.state.served, true);
});

test('after any sequence of polls the store answers as the last poll alone', () => {
  const key = fc.record({ namespace: fc.constantFrom('a', 'b', 'c'), name: fc.constantFrom('p1', 'p2', 'p3', 'p4') });
  const poll = fc.array(fc.record({ key, cpu: fc.nat(1000) }), { maxLength: 12 });
  fc.assert(
    fc.property(fc.array(poll, { minLength: 1, maxLength: 6 }), (polls) => {
      const usage = new PodUsageStore();
      for (const p of polls) usage.replace(p.map((s) => sample(s.key.namespace, s.key.name, s.cpu)));
      const last = new Map(polls.at(-1)!.map((s) => [`${s.key.namespace}/${s.key.name}`, s.cpu]));
      for (const namespace of ['a', 'b', 'c']) {
        for (const name of ['p1', 'p2', 'p3', 'p4']) assert.equal(usage.get(namespace, name)?.cpuMilli, last.get(`${namespace}/${name}`));
      }
    }),
  );
});
