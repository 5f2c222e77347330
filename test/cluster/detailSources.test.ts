import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CoreV1Event } from '@kubernetes/client-node';
import { eventsByInvolvedUid, notesFor, usageFromMetrics } from '../../src/cluster/detailSources.ts';

test('PodMetrics quantities become cores and bytes', () => {
  const usage = usageFromMetrics({
    containers: [
      { name: 'app', usage: { cpu: '250m', memory: '128Mi' } },
      { name: 'sidecar', usage: { cpu: '1500000n', memory: '1G' } },
      { name: 'odd', usage: { cpu: 'lots', memory: '2e3' } },
    ],
  });
  assert.deepEqual(usage.app, { cpuCores: 0.25, memoryBytes: 128 * 2 ** 20 });
  assert.ok(Math.abs(usage.sidecar!.cpuCores! - 0.0015) < 1e-12);
  assert.equal(usage.sidecar!.memoryBytes, 1e9);
  assert.equal(usage.odd!.cpuCores, undefined, 'an unparsable quantity is absent, not NaN');
  assert.equal(usage.odd!.memoryBytes, 2000);
});

test('events group by the Pod they are about, other kinds ignored', () => {
  const events = [
    { involvedObject: { kind: 'Pod', uid: 'a' }, reason: 'Pulled' },
    { involvedObject: { kind: 'Pod', uid: 'a' }, reason: 'Started' },
    { involvedObject: { kind: 'Pod', uid: 'b' }, reason: 'BackOff' },
    { involvedObject: { kind: 'Node', uid: 'a' }, reason: 'NodeReady' },
  ] as CoreV1Event[];
  const grouped = eventsByInvolvedUid(events);
  assert.deepEqual(
    grouped.get('a')?.map((e) => e.reason),
    ['Pulled', 'Started'],
  );
  assert.deepEqual(
    grouped.get('b')?.map((e) => e.reason),
    ['BackOff'],
  );
  assert.equal(grouped.size, 2);
});

test('notes are deduplicated', () => {
  assert.deepEqual(notesFor([{ items: [], note: 'x' }, { items: [] }, { items: [], note: 'x' }, { items: [], note: 'y' }]), ['x', 'y']);
});
