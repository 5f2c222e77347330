// The worst finding of a Pod as the store keeps it: worked out once, from the whole Pod, when
// the watch brings it (the lean Pod lacks most of what the diagnosis reads), and kept on the
// lean Pod as one shared { severity, code } object. The rule is the model's
// (model/statusFindings.ts); the store is handed it, since it runs no model code itself.
import type { V1Pod } from '@kubernetes/client-node';
import type { LeanPod } from '../model/leanPodType.ts';
import type { StatusFinding } from '../model/statusFindings.ts';

/** The worst finding of a whole Pod at `now` (ms), or undefined for a Pod with none. */
export type FindingOf = (pod: V1Pod, now: number) => StatusFinding | undefined;

/** The finding kept with a stored Pod; undefined when it has none or the store was given no rule. */
export function storedFinding(pod: LeanPod): StatusFinding | undefined {
  return pod.finding;
}
