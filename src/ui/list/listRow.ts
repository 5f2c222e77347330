// A Pod list row: the model's row of the lean Pod, with the worst finding the store worked out
// for it when the Pod arrived (the lean Pod no longer holds what the diagnosis reads).
import { toPodRow } from '../../model/podRow.ts';
import type { PodRow } from '../../model/types.ts';
import { storedFinding } from '../../store/podFinding.ts';
import type { StoredPod } from '../../store/types.ts';

export function listRow(pod: StoredPod, now: number, deleted?: boolean): PodRow {
  const row = toPodRow(pod, now, deleted);
  const finding = storedFinding(pod);
  return finding ? { ...row, finding } : row;
}
