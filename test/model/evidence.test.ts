import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { EVIDENCE_BY_CODE, evidenceFor, matchingEvents, terminatedInstanceIsPrevious, volumeNamed } from '../../src/model/evidence.ts';
import { finding } from '../../src/model/finding.ts';
import type { EventView } from '../../src/model/types.ts';

/** Every code the model emits, read from its sources: a new finding without a row fails here. */
function emittedCodes(): Set<string> {
  const dir = new URL('../../src/model/', import.meta.url);
  const codes = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const m of text.matchAll(/finding\(\s*'(?:error|warning|info)',\s*'([A-Za-z]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

test('every finding code the model emits has an evidence row, and no row is for a code never emitted', () => {
  const emitted = emittedCodes();
  assert.ok(emitted.size >= 20, `found only ${emitted.size} codes: the source scan broke`);
  assert.deepEqual(
    [...emitted].filter((c) => !(c in EVIDENCE_BY_CODE)),
    [],
  );
  assert.deepEqual(
    Object.keys(EVIDENCE_BY_CODE).filter((c) => !emitted.has(c)),
    [],
  );
});

test('crashes lead to the terminated instance, scheduling and probes to events, ports and mounts to their rows', () => {
  for (const code of ['CrashLoopBackOff', 'OOMKilled', 'ContainerExited', 'InitContainerFailed']) assert.equal(evidenceFor(code).kind, 'termination', code);
  assert.deepEqual(evidenceFor('Unschedulable'), { kind: 'events', reasons: ['FailedScheduling'] });
  const probe = evidenceFor('ReadinessProbeFailing');
  assert.ok(probe.kind === 'events' && probe.reasons.includes('Unhealthy'));
  assert.equal(evidenceFor('PortConflict').kind, 'ports');
  assert.equal(evidenceFor('VolumeNotDeclared').kind, 'volume');
  assert.equal(evidenceFor('SharedVolumeReadOnly').kind, 'volume');
  // Not a property of the prototype chain, and an unknown code still has somewhere to go.
  assert.deepEqual(evidenceFor('constructor'), { kind: 'events', reasons: [] });
});

test('the ended instance is the previous one unless the container is still terminated', () => {
  assert.equal(terminatedInstanceIsPrevious({ state: 'waiting', reason: 'CrashLoopBackOff' }), true);
  assert.equal(terminatedInstanceIsPrevious({ state: 'running' }), true);
  assert.equal(terminatedInstanceIsPrevious({ state: 'terminated', reason: 'OOMKilled' }), false);
});

test('the volume a finding names is found among the Pod volumes, not by a prefix', () => {
  const d = finding('error', 'VolumeNotDeclared', undefined, 'volume data-2 is mounted by app but not declared');
  assert.equal(volumeNamed(d, ['data', 'data-2']), 'data-2');
  assert.equal(volumeNamed(finding('warning', 'VolumeNearSizeLimit', undefined, 'emptyDir cache is near its sizeLimit'), ['cache']), 'cache');
  assert.equal(volumeNamed(d, ['data']), undefined);
});

const event = fc.record({
  type: fc.constantFrom('Normal', 'Warning'),
  reason: fc.constantFrom('FailedScheduling', 'Unhealthy', 'Pulled', 'BackOff'),
  message: fc.string(),
  count: fc.nat(),
}) as fc.Arbitrary<EventView>;

test('matching events: the reasons when any match, else every warning (property)', () => {
  fc.assert(
    fc.property(fc.array(event), fc.constantFrom(...Object.keys(EVIDENCE_BY_CODE)), (all, code) => {
      const rule = evidenceFor(code);
      const hits = [...matchingEvents(rule, all)].map((i) => all[i]!);
      const reasons = rule.kind === 'events' ? rule.reasons : [];
      const byReason = all.filter((e) => reasons.includes(e.reason));
      if (byReason.length > 0) assert.deepEqual(hits, byReason);
      else
        assert.deepEqual(
          hits,
          all.filter((e) => e.type === 'Warning'),
        );
    }),
  );
});
