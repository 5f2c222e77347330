// The list keeps, of each Pod, its worst finding when it arrived and the ones age alone gives it
// later (model/findingTimeline.ts); read at any later moment (store/podFinding.ts findingAt) it
// must be what every rule run on the whole Pod at that moment gives: the host view's finding,
// also once the store has moved it on (stepsAfter) through earlier moments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RECENT_SECONDS, STUCK_START_SECONDS } from '../../src/model/finding.ts';
import { type FindingTimeline, findingChangeInstants, findingTimeline } from '../../src/model/findingTimeline.ts';
import { statusDiagnosis } from '../../src/model/statusFindings.ts';
import { findingAt, stepsAfter } from '../../src/store/podFinding.ts';
import { ago, NOW, startingPod, wellFormedPod } from './findingPods.ts';
import { podArb } from './podArbitrary.ts';

/** The worst finding of every rule on the whole Pod at `at`, as the host view works it out. */
function rulesAt(pod: unknown, at: number): string | undefined {
  const worst = statusDiagnosis(pod, at)[0];
  return worst ? `${worst.severity} ${worst.code}` : undefined;
}

function timelineAt(pod: unknown, ingest: number, at: number): string | undefined {
  const f = findingAt(findingTimeline(pod, ingest), at);
  return f ? `${f.severity} ${f.code}` : undefined;
}

const HOUR = RECENT_SECONDS * 1000;

// Most of these Pods have a finding no age changes (an eviction, deletion, scheduling condition,
// volume or port finding): here three in four lose all those, so restarts and starts decide.
const plain = (c: { volumeMounts?: unknown; ports?: unknown }) => ({ ...c, volumeMounts: [], ports: [] });
const agingPod = fc.tuple(fc.oneof(wellFormedPod, startingPod), fc.nat(3)).map(([pod, keep]) =>
  keep === 0
    ? pod
    : {
        metadata: { ...pod.metadata, deletionTimestamp: undefined },
        spec: { ...pod.spec, volumes: [], containers: pod.spec.containers.map(plain), initContainers: pod.spec.initContainers.map(plain) },
        status: { ...pod.status, reason: undefined, conditions: [] },
      },
);

test('well-formed Pods: the timeline read at any later moment is the rules run then', () => {
  let changed = 0;
  const codes = new Set<string>();
  fc.assert(
    fc.property(agingPod, fc.integer({ min: -10 * 60_000, max: 10 * 60_000 }), fc.array(fc.integer({ min: 0, max: 3 * HOUR }), { minLength: 1, maxLength: 4 }), (pod, ingestShift, laters) => {
      const ingest = NOW + ingestShift;
      const timeline = findingTimeline(pod, ingest);
      // The moments around each instant the timeline may change at, and arbitrary ones.
      const moments = [ingest, ...laters.map((d) => ingest + d)];
      for (const t of findingChangeInstants(pod, ingest)) moments.push(t - 1, t, t + 1);
      for (const at of moments) {
        const f = findingAt(timeline, at);
        assert.equal(f ? `${f.severity} ${f.code}` : undefined, rulesAt(pod, at), `at ingest + ${at - ingest} ms`);
      }
      // As the store moves it on (PodStore.passTime), moment after moment: the same findings.
      let moved: FindingTimeline = timeline;
      for (const at of moments.sort((a, b) => a - b)) {
        moved = { finding: findingAt(moved, at), findingLater: stepsAfter(moved, at) };
        assert.equal(moved.finding, findingAt(timeline, at), `moved on to ingest + ${at - ingest} ms`);
        assert.ok(
          (moved.findingLater ?? []).every((step) => step.from > at),
          'only steps still ahead',
        );
      }
      if (timeline.findingLater) changed++;
      for (const step of timeline.findingLater ?? []) codes.add(`${step.finding?.code}`);
    }),
    { numRuns: 800 },
  );
  // Not a vacuous pass: a good share (~1 in 9) of these Pods' findings do change with age alone.
  assert.ok(changed > 50, `${changed} of 800 timelines change`);
  // Both kinds of line are crossed: a restart stops being news, a start becomes stuck.
  for (const code of ['undefined', 'ContainerCreatingStuck', 'InitStuck']) assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
});

test('malformed Pods: the timeline agrees with the rules at every later moment', () => {
  fc.assert(
    fc.property(podArb, fc.integer({ min: Date.parse('2025-12-30T00:00:00Z'), max: Date.parse('2026-01-02T00:00:00Z') }), fc.nat(4 * HOUR), (pod, ingest, later) => {
      for (const at of [ingest, ingest + later]) assert.equal(timelineAt(pod, ingest, at), rulesAt(pod, at));
    }),
    { numRuns: 800 },
  );
});

test('a restart 59 minutes ago: Restarted until the hour is past, then nothing, to the millisecond', () => {
  const finishedAt = NOW - 59 * 60_000;
  const pod = {
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'app' }] },
    status: {
      phase: 'Running',
      containerStatuses: [
        { name: 'app', ready: true, started: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: new Date(finishedAt).toISOString() } } },
      ],
    },
  };
  const timeline = findingTimeline(pod, NOW);
  assert.equal(timeline.finding?.code, 'Restarted');
  assert.equal(timeline.findingLater?.length, 1, 'one step: the restart stops being news');
  const end = timeline.findingLater![0]!.from;
  assert.equal(findingAt(timeline, end - 1)?.code, 'Restarted');
  assert.equal(findingAt(timeline, end), undefined);
  assert.equal(rulesAt(pod, end - 1), 'warning Restarted');
  assert.equal(rulesAt(pod, end), undefined);
});

test('a Pod creating its container: no finding at 299 s, ContainerCreatingStuck from 300 s on', () => {
  const pod = {
    metadata: { name: 'p', creationTimestamp: ago(299) },
    spec: { containers: [{ name: 'app' }] },
    status: { phase: 'Pending', startTime: ago(299), containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] },
  };
  const timeline = findingTimeline(pod, NOW);
  assert.equal(timeline.finding, undefined);
  assert.deepEqual(
    timeline.findingLater?.map((s) => [s.from - NOW, s.finding?.code]),
    [[(STUCK_START_SECONDS - 299) * 1000, 'ContainerCreatingStuck']],
  );
});

test('a healthy Pod, or one whose restart is old: no later steps at all', () => {
  const pod = (finished: string) => ({
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'app' }] },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: true, started: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: finished } } }],
    },
  });
  assert.deepEqual(findingTimeline(pod(ago(2 * RECENT_SECONDS)), NOW), { finding: undefined, findingLater: undefined });
  // A restart of exit code 0 a minute ago is still a finding (CompletedRestarting) that ends.
  assert.equal(findingTimeline(pod(ago(60)), NOW).findingLater?.length, 1);
});
