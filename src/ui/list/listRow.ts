// A Pod list row: the model's row of the lean Pod, with the worst finding the store worked out
// for it when the Pod arrived, moved on with the store's clock (PodStore.passTime); the lean Pod
// no longer holds what the diagnosis reads.
import type { LeanPod } from '../../model/leanPodType.ts';
import { toPodRow } from '../../model/podRow.ts';
import type { PodRow } from '../../model/types.ts';
import { storedFinding } from '../../store/podFinding.ts';

export function listRow(pod: LeanPod, now: number, deleted?: boolean): PodRow {
  const row = toPodRow(pod, now, deleted);
  const finding = storedFinding(pod);
  return finding ? { ...row, finding } : row;
}
