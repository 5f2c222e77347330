// The list's FINDING is worked out on a projection of each Pod (model/findingProjection.ts):
// the projection must give every code the whole Pod gives, in the same order, whatever the
// Pod: fast-check Pods (malformed ones, and well-formed ones that look healthy, restart or
// crash, so the projection really stands in for them), every Pod of the real corpus, and the
// sim's Pods and its churn's changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { volumeLines } from '../../src/model/diagnosis.ts';
import { findingProjection, PROJECTION_NOW } from '../../src/model/findingProjection.ts';
import { statusDiagnosis, worstStatusFinding } from '../../src/model/statusFindings.ts';
import type { Diagnosis } from '../../src/model/types.ts';
import { volumeViews } from '../../src/model/volumes.ts';
import { restartContainer, toggleReady } from '../../src/sim/kubelet.ts';
import type { KObject } from '../../src/sim/kObject.ts';
import { makeScalePod } from '../../src/sim/scenario/scale.ts';
import { ago, NOW, startingPod, wellFormedPod } from './findingPods.ts';
import { podArb } from './podArbitrary.ts';
import { corpusFiles, dumpMoment, readCorpusPod, sourceLines } from './realCorpus.ts';

const codes = (lines: Diagnosis[]): string[] => lines.map((d) => `${d.severity} ${d.code}`);

/** The codes the projection gives, in the diagnosis' order (severity, then the volume lines last), or undefined where it does not stand in. */
function projectedCodes(pod: unknown, now: number): string[] | undefined {
  const projection = findingProjection(pod, now);
  if (projection === undefined) return undefined;
  const rest = statusDiagnosis(JSON.parse(projection.pod), PROJECTION_NOW);
  const volumes = volumeLines(volumeViews(JSON.parse(projection.volumes)));
  return (['error', 'warning', 'info'] as const).flatMap((severity) => codes([...rest, ...volumes].filter((d) => d.severity === severity)));
}

/** Asserts the projection agrees with the whole Pod; true when it stood in for it. */
function agrees(pod: unknown, now: number, what = ''): boolean {
  const full = statusDiagnosis(pod, now);
  const worst = full[0];
  assert.deepEqual(worstStatusFinding(pod, now), worst ? { severity: worst.severity, code: worst.code } : undefined, `worst finding ${what}`);
  const projected = projectedCodes(pod, now);
  if (projected === undefined) return false;
  assert.deepEqual(projected, codes(full), `every code ${what}`);
  return true;
}

/** Runs the property over `numRuns` well-formed Pods; counts the Pods the projection stood in for, and the codes they had. */
function standIns(options: { numRuns: number; seed?: number }): { stood: number; runs: number; found: Set<string> } {
  let stood = 0;
  let runs = 0;
  const found = new Set<string>();
  fc.assert(
    fc.property(fc.oneof({ weight: 3, arbitrary: wellFormedPod }, startingPod), fc.constantFrom(NOW, Number.NaN), (pod, now) => {
      runs++;
      if (!agrees(pod, now)) return;
      stood++;
      for (const d of statusDiagnosis(pod, now)) found.add(d.code);
    }),
    options,
  );
  return { stood, runs, found };
}

test('well-formed Pods, healthy or not: the projection gives every code the whole Pod gives, and stands in for most', () => {
  // A new sample every run, for the agreement; every one of these has plain names, so it stands in for all.
  const { stood, runs } = standIns({ numRuns: 1500 });
  assert.equal(stood, runs, `the projection stood in for ${stood} of ${runs}`);
  // The projection stood in for Pods with each kind of finding (not only for quiet ones). Which
  // codes a random sample of 1,500 reaches varies (CompletedRestarting is rare), so this part
  // runs on one fixed sample: a claim about coverage must not depend on the draw.
  const { found } = standIns({ numRuns: 1500, seed: 20261204 });
  for (const code of [
    'CompletedRestarting',
    'PortDeclaredTwice',
    'VolumeUnused',
    'ContainerExited',
    'InitStuck',
    'ContainerCreatingStuck',
    'SidecarNotReady',
    'Restarted',
    'CrashLoopBackOff',
    'OOMKilled',
    'PortConflict',
    'SharedVolumeReadOnly',
    'ReadinessProbeFailing',
    'Terminating',
    'Evicted',
    'Unschedulable',
  ]) {
    assert.ok(found.has(code), `${code} among ${[...found].join(', ')}`);
  }
});

test('malformed Pods: the projection agrees, or steps aside', () => {
  let stood = 0;
  fc.assert(
    fc.property(podArb, fc.constantFrom(NOW, Number.NaN, 0), (pod, now) => {
      if (agrees(pod, now)) stood++;
    }),
    { numRuns: 1500 },
  );
  assert.ok(stood > 500, `the projection stood in for ${stood} of 1500`);
  fc.assert(fc.property(fc.anything(), (pod) => void agrees(pod, NOW)));
});

test('every real Pod: the projection gives the codes the whole Pod gives', () => {
  const now = new Map(sourceLines().map((s) => [s.file, s.now]));
  let stood = 0;
  for (const file of corpusFiles()) {
    const { pod } = readCorpusPod(file);
    const at = now.get(file) ?? dumpMoment(pod);
    for (const moment of [at, at + 2 * 3600_000]) if (agrees(pod, moment, file)) stood++;
  }
  assert.ok(stood >= 40, `the projection stood in for ${stood} real Pods`);
});

test('the sim: a scale cluster and its churn (restarts, readiness flips) agree, and most of it projects', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  let stood = 0;
  let n = 0;
  for (let i = 0; i < 600; i++) {
    const pod = makeScalePod(i * 7, { pods: 100_000, namespaces: 100, seed: 1, nowMs: now - 60_000 });
    const name = pod.status?.containerStatuses?.[i % (pod.status.containerStatuses.length || 1)]?.name ?? '';
    const k = pod as KObject;
    for (const p of [pod, toggleReady(k, name, now), restartContainer(k, name, now, { reason: 'Error', exitCode: 1 })]) {
      if (!p) continue;
      n++;
      if (agrees(JSON.parse(JSON.stringify(p)), now, `sim Pod ${i}`)) stood++;
    }
  }
  assert.ok(stood > n * 0.95, `the projection stood in for ${stood} of ${n}`);
});

test('at the edges of time: a start 299, 300, 301 s old, a restart 3599, 3600, 3601 s old', () => {
  for (const age of [299, 300, 301]) {
    const creating = {
      metadata: { name: 'p', creationTimestamp: ago(age) },
      spec: { containers: [{ name: 'app' }] },
      status: { phase: 'Pending', startTime: ago(age), containerStatuses: [{ name: 'app', state: { waiting: { reason: 'ContainerCreating' } } }] },
    };
    const initializing = {
      metadata: { name: 'p' },
      spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] },
      status: { phase: 'Pending', initContainerStatuses: [{ name: 'init', state: { running: { startedAt: ago(age) } } }] },
    };
    for (const pod of [creating, initializing]) assert.ok(agrees(pod, NOW, `${age}s`), 'projected');
    assert.equal(worstStatusFinding(creating, NOW)?.code, age < 300 ? undefined : 'ContainerCreatingStuck');
    assert.equal(worstStatusFinding(initializing, NOW)?.code, age < 300 ? undefined : 'InitStuck');
  }
  for (const age of [3599, 3600, 3601]) {
    const restarted = {
      spec: { containers: [{ name: 'app' }] },
      status: { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(age) } } }] },
    };
    assert.ok(agrees(restarted, NOW, `${age}s`), 'projected');
    assert.equal(worstStatusFinding(restarted, NOW)?.code, age <= 3600 ? 'Restarted' : undefined);
  }
});
