// The store keeps 100k Pods lean, and the list reads only the lean copy: whatever a Pod holds,
// malformed or not, its row, its filter and sort facts and its default container must come out
// the same from the lean copy as from the whole Pod, or the list silently shows something else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import fc from 'fast-check';
import { defaultContainer } from '../../src/model/defaultContainer.ts';
import { toPodRow } from '../../src/model/podRow.ts';
import { leanPod } from '../../src/store/leanPod.ts';
import { podFacts } from '../../src/ui/list/podFields.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');

// Values of the wrong type wherever a field is read, beside the right ones.
const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 }), fc.constant({}), fc.constant([]));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: junk });
const name = fc.constantFrom('a', 'b', 'app', 'side', '');
const time = fc.constantFrom('2025-12-31T00:00:00Z', '2025-12-31T23:59:00Z', 'nonsense', '');
const reason = fc.constantFrom('CrashLoopBackOff', 'ErrImagePull', 'OOMKilled', 'Completed', 'Error', 'Evicted', 'SchedulingGated', '');

const state = fc.record(
  {
    running: maybe(fc.record({ startedAt: maybe(time) }, { requiredKeys: [] })),
    waiting: maybe(fc.record({ reason: maybe(reason), message: maybe(fc.string({ maxLength: 4 })) }, { requiredKeys: [] })),
    terminated: maybe(
      fc.record({ exitCode: maybe(fc.integer({ min: -1, max: 255 })), signal: maybe(fc.integer({ min: 0, max: 15 })), reason: maybe(reason), finishedAt: maybe(time) }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: [] },
);
const status = fc.record(
  {
    name: maybe(name),
    ready: maybe(fc.boolean()),
    started: maybe(fc.boolean()),
    restartCount: maybe(fc.integer({ min: 0, max: 9 })),
    state: maybe(state),
    lastState: maybe(state),
    image: maybe(name),
  },
  { requiredKeys: [] },
);
const container = fc.record(
  { name: maybe(name), image: maybe(fc.constantFrom('nginx:1', 'busybox', '')), restartPolicy: maybe(fc.constantFrom('Always', 'Never')), ports: maybe(fc.array(fc.anything(), { maxLength: 1 })) },
  { requiredKeys: [] },
);
const condition = fc.record(
  { type: maybe(fc.constantFrom('Ready', 'Initialized', 'PodScheduled', 'ContainersReady')), status: maybe(fc.constantFrom('True', 'False')), reason: maybe(reason) },
  { requiredKeys: [] },
);
const list = <T>(arb: fc.Arbitrary<T>) => maybe(fc.array(fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk }), { maxLength: 3 }));

const podArb = fc.record(
  {
    metadata: maybe(
      fc.record(
        {
          name: maybe(name),
          namespace: maybe(name),
          uid: maybe(name),
          creationTimestamp: maybe(time),
          deletionTimestamp: maybe(time),
          labels: maybe(fc.dictionary(fc.constantFrom('app', 'tier', 'a\u001b[2J'), fc.oneof(name, junk), { maxKeys: 3 })),
          annotations: maybe(fc.dictionary(fc.constantFrom('kubectl.kubernetes.io/default-container', 'other'), fc.oneof(name, junk), { maxKeys: 2 })),
          ownerReferences: maybe(fc.array(fc.anything(), { maxLength: 1 })),
        },
        { requiredKeys: [] },
      ),
    ),
    spec: maybe(
      fc.record(
        { containers: list(container), initContainers: list(container), ephemeralContainers: list(container), nodeName: maybe(name), volumes: maybe(fc.array(fc.anything(), { maxLength: 1 })) },
        { requiredKeys: [] },
      ),
    ),
    status: maybe(
      fc.record(
        {
          phase: maybe(fc.constantFrom('Running', 'Pending', 'Failed', 'Succeeded', 'Unknown')),
          reason: maybe(reason),
          conditions: list(condition),
          containerStatuses: list(status),
          initContainerStatuses: list(status),
          ephemeralContainerStatuses: list(status),
          podIP: maybe(name),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

test('the list row, the filter facts and the default container are the same from the lean copy as from the whole Pod', () => {
  fc.assert(
    fc.property(podArb, (raw) => {
      // Two decodings of one JSON text, as the watch delivers them: nothing shared, so no cache can answer for the other.
      const text = JSON.stringify(raw);
      const whole = JSON.parse(text) as V1Pod;
      const lean = leanPod(JSON.parse(text) as V1Pod);
      assert.deepEqual(toPodRow(lean, NOW), toPodRow(whole, NOW));
      assert.deepEqual(toPodRow(lean, NOW, true), toPodRow(whole, NOW, true));
      assert.deepEqual(podFacts(lean), podFacts(whole));
      assert.equal(defaultContainer(lean), defaultContainer(whole));
    }),
    { numRuns: 2000 },
  );
});
