// The worst finding of a Pod as the store keeps it: worked out once, from the whole Pod, when
// the watch brings it (the lean Pod lacks most of what the diagnosis reads), with the findings
// age alone will give it later (model/findingTimeline.ts), kept on the lean Pod as shared
// { severity, code } objects. The rule is the model's; the store is handed it, since it runs
// no model code itself. The store moves each Pod's `finding` on as its clock passes a step
// (PodStore.passTime), so the row, the filter and the sort read the same finding.
import type { V1Pod } from '@kubernetes/client-node';
import type { FindingStep, FindingTimeline } from '../model/findingTimeline.ts';
import type { LeanPod } from '../model/leanPodType.ts';
import type { StatusFinding } from '../model/statusFindings.ts';

/** The worst finding of a whole Pod at `now` (ms) and the later ones age alone gives it. */
export type FindingOf = (pod: V1Pod, now: number) => FindingTimeline;

/** The finding kept with a stored Pod as of the store's clock; undefined when it has none or the store was given no rule. */
export function storedFinding(pod: LeanPod): StatusFinding | undefined {
  return pod.finding;
}

/** The worst finding at `at` (ms), for any `at` from the moment the timeline was worked out on. */
export function findingAt(timeline: FindingTimeline, at: number): StatusFinding | undefined {
  let finding = timeline.finding;
  for (const step of timeline.findingLater ?? []) {
    if (step.from > at) break;
    finding = step.finding;
  }
  return finding;
}

/** The steps still ahead at `at` (ms): undefined once none is. */
export function stepsAfter(timeline: FindingTimeline, at: number): readonly FindingStep[] | undefined {
  const later = timeline.findingLater;
  if (later === undefined) return undefined;
  const ahead = later.findIndex((step) => step.from > at);
  if (ahead < 0) return undefined;
  return ahead === 0 ? later : later.slice(ahead);
}
