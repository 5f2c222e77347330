// Micro-benchmark of what the list's FINDING column costs as Pods arrive: PodStore.replaceAll of
// 20,000 JSON-decoded Pods of the 100k scale sim (a first list), then 20,000 churn changes (one
// container restarted or its readiness flipped, as src/sim/churn.ts does) applied one by one;
// without the rule, with every rule run on the whole Pod (statusDiagnosis, the list's rule
// before the projection), with the projection (worstStatusFinding, memoized) at now only,
// and with the list's rule (findingTimeline: the projection at now and at each later instant
// age alone can change the finding; the churn's restarts are recent, so each has one). CPU time, µs per Pod, the least of 6 rounds (the machine is shared). Not part of
// `npm run bench`; run it alone after touching src/model/findingProjection.ts or the rules:
//   node --import tsx bench/findingIngest.ts
import type { V1Pod } from '@kubernetes/client-node';
import { findingTimeline } from '../src/model/findingTimeline.ts';
import { statusDiagnosis, worstStatusFinding } from '../src/model/statusFindings.ts';
import { restartContainer, toggleReady } from '../src/sim/kubelet.ts';
import type { KObject } from '../src/sim/kObject.ts';
import { makeScalePod } from '../src/sim/scenario/scale.ts';
import type { FindingOf } from '../src/store/podFinding.ts';
import { PodStore } from '../src/store/podStore.ts';

const N = 20_000;
const ROUNDS = 6;
const now = Date.now();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const base = Array.from({ length: N }, (_, i) => makeScalePod(i * 5, { pods: 100_000, namespaces: 1000, seed: 1, nowMs: now - 60_000 }));
let seed = 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const changes = base.map((pod) => {
  const statuses = pod.status?.containerStatuses ?? [];
  const name = statuses[Math.floor(rand() * statuses.length)]?.name ?? '';
  const k = pod as KObject;
  const next = (rand() < 0.5 ? toggleReady(k, name, now) : undefined) ?? restartContainer(k, name, now, { reason: 'Error', exitCode: 1 });
  return JSON.stringify({ ...next, metadata: { ...next?.metadata, resourceVersion: '2' } });
});
const initial = JSON.stringify(base);

const whole: FindingOf = (pod, at) => {
  const worst = statusDiagnosis(pod, at)[0];
  return { finding: worst ? { severity: worst.severity, code: worst.code } : undefined };
};
const modes: [string, FindingOf | undefined][] = [
  ['no FINDING rule', undefined],
  ['every rule on the whole Pod', whole],
  ['by projection, at now only', (pod, at) => ({ finding: worstStatusFinding(pod, at) })],
  ['by projection, now and later (the list)', findingTimeline],
];
const least: Record<string, { list: number; churn: number }> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [mode, findingOf] of modes) {
    const store = new PodStore({ frameMs: 0, now: () => now, ...(findingOf ? { findingOf } : {}) });
    const pods = JSON.parse(initial) as V1Pod[];
    let t = cpuMs();
    store.replaceAll(pods, '1');
    const list = ((cpuMs() - t) / N) * 1000;
    const decoded = changes.map((c) => JSON.parse(c) as V1Pod);
    t = cpuMs();
    for (const pod of decoded) store.apply([{ type: 'MODIFIED', pod }]);
    const churn = ((cpuMs() - t) / N) * 1000;
    const best = (least[mode] ??= { list, churn });
    best.list = Math.min(best.list, list);
    best.churn = Math.min(best.churn, churn);
  }
}
console.log('| µs per Pod (CPU, least of 6) | first list | churn change |');
console.log('|---|---:|---:|');
for (const [mode, { list, churn }] of Object.entries(least)) console.log(`| ${mode} | ${list.toFixed(1)} | ${churn.toFixed(1)} |`);
