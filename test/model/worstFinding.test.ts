// The list's FINDING column agrees with the host view: for every real Pod, the code the list
// shows (worked out by the store as the Pod arrives, kept on the lean Pod, read by the row) is
// the code of the worst line of the host view's diagnosis, once the lines only events, metrics
// or the probe can give are set aside. The host view here gets everything it can: the Pod's
// events, and memory use at 95% of each limit (so NearMemoryLimit shows wherever it could).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import fc from 'fast-check';
import { containerViews } from '../../src/model/containers.ts';
import { buildPodHost } from '../../src/model/podHost.ts';
import { findingTimeline } from '../../src/model/findingTimeline.ts';
import { statusDiagnosis, worstStatusFinding } from '../../src/model/statusFindings.ts';
import type { Diagnosis, PodContext, Usage } from '../../src/model/types.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { listRow } from '../../src/ui/list/listRow.ts';
import { jsonPod } from './jsonPod.ts';
import { podArb } from './podArbitrary.ts';
import { corpusFiles, dumpMoment, readCorpusPod, sourceLines } from './realCorpus.ts';

/** Lines of the host view the Pod object alone cannot give: metrics' NearMemoryLimit, and a readiness failure only an event tells (it names no container). */
function hostOnly(d: Diagnosis): boolean {
  return d.code === 'NearMemoryLimit' || (d.code === 'ReadinessProbeFailing' && d.container === undefined);
}

/** The code the list shows for a Pod: through the store (lean Pod) and the row, as the TUI does. */
function listCode(pod: unknown, now: number): string | undefined {
  const store = new PodStore({ frameMs: 0, now: () => now, findingOf: findingTimeline });
  // Named, so the store keeps it (a nameless row helps nobody); every other field as it came.
  const p = pod !== null && typeof pod === 'object' ? (pod as Record<string, unknown>) : {};
  const meta = p.metadata !== null && typeof p.metadata === 'object' ? p.metadata : {};
  const named = { ...p, metadata: { ...meta, name: 'p', namespace: 'ns', uid: 'u' } } as V1Pod;
  store.replaceAll([named], '1');
  const entry = store.get('u');
  assert.ok(entry, 'the store keeps the Pod');
  return listRow(entry.pod, now).finding?.code;
}

/** Memory use at 95% of each container's limit (or 1 GiB without one). */
function nearLimits(pod: unknown): Record<string, Usage> {
  const usage: Record<string, Usage> = {};
  for (const c of containerViews(pod)) usage[c.name] = { memoryBytes: Math.round((c.limits.memoryBytes ?? 2 ** 30) * 0.95), cpuCores: 0.1 };
  return usage;
}

const lines = new Map(sourceLines().map((s) => [s.file, s]));

test('every real Pod: the list shows the code of the host view worst Pod-level finding', () => {
  let withFinding = 0;
  const codes = new Set<string>();
  for (const file of corpusFiles()) {
    const { pod, events } = readCorpusPod(file);
    const now = lines.get(file)?.now ?? dumpMoment(pod);
    const full: PodContext = { now, events, usage: nearLimits(pod) };
    for (const ctx of [full, { now }]) {
      const host = buildPodHost(pod, ctx);
      const expected = host.diagnosis.find((d) => !hostOnly(d))?.code;
      assert.equal(listCode(pod, now), expected, `${file} (${ctx.events ? 'with' : 'without'} events and metrics): ${host.diagnosis.map((d) => d.code).join(', ')}`);
      // Every Pod-level finding is one the host view gives, the same number of times.
      const hostCodes = host.diagnosis.filter((d) => !hostOnly(d)).map((d) => `${d.code}|${d.container ?? ''}`);
      assert.deepEqual(
        statusDiagnosis(pod, now).map((d) => `${d.code}|${d.container ?? ''}`),
        hostCodes,
        file,
      );
    }
    const code = listCode(pod, now);
    if (code !== undefined) {
      withFinding++;
      codes.add(code);
    }
  }
  // The corpus is mostly Pods in trouble: the comparison above is not over empty answers.
  assert.ok(withFinding >= 30, `${withFinding} Pods with a finding`);
  for (const code of ['CrashLoopBackOff', 'Unschedulable', 'ImagePullBackOff', 'Evicted', 'ReadinessProbeFailing']) assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
});

test('the host-only lines are really the host view: NearMemoryLimit needs metrics, the Pod-wide readiness line needs an event', () => {
  let near = 0;
  for (const file of corpusFiles()) {
    const { pod, events } = readCorpusPod(file);
    const now = lines.get(file)?.now ?? dumpMoment(pod);
    const host = buildPodHost(pod, { now, events, usage: nearLimits(pod) });
    near += host.diagnosis.filter((d) => d.code === 'NearMemoryLimit').length;
    for (const d of statusDiagnosis(pod, now)) assert.ok(!hostOnly(d), `${file}: ${d.code} from the Pod object alone`);
  }
  assert.ok(near > 0, 'metrics gave NearMemoryLimit somewhere, and the list left it out');
});

test('the code is the host view at the moment the Pod arrived: a restart 4 minutes old is a warning, 2 hours old history', () => {
  const finishedAt = '2026-01-01T00:00:00Z';
  const pod = jsonPod({
    spec: { containers: [{ name: 'app', image: 'app:1' }] },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: true, restartCount: 3, state: { running: {} }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt } } }],
    },
  });
  const soon = Date.parse(finishedAt) + 4 * 60_000;
  const later = Date.parse(finishedAt) + 2 * 3600_000;
  assert.equal(listCode(pod, soon), 'Restarted');
  assert.equal(buildPodHost(pod, { now: soon }).diagnosis[0]?.code, 'Restarted');
  assert.equal(listCode(pod, later), undefined);
  assert.deepEqual(buildPodHost(pod, { now: later }).diagnosis, []);
});

test('malformed Pods: the finding never throws, and still agrees with the host view', () => {
  const NOW = Date.parse('2026-01-01T00:00:00Z');
  fc.assert(
    fc.property(fc.anything(), (pod) => {
      worstStatusFinding(pod, NOW);
      worstStatusFinding(pod, Number.NaN);
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(podArb, (pod) => {
      const host = buildPodHost(jsonPod(pod), { now: NOW });
      assert.equal(worstStatusFinding(pod, NOW)?.code, host.diagnosis.find((d) => !hostOnly(d))?.code);
      assert.equal(listCode(pod, NOW), host.diagnosis.find((d) => !hostOnly(d))?.code);
    }),
    { numRuns: 300 },
  );
  for (const pod of [null, undefined, 0, '', [], { spec: null }, { status: { containerStatuses: 'x' } }]) assert.equal(worstStatusFinding(pod, NOW), undefined);
});
