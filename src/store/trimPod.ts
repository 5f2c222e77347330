import type { V1Pod } from '@kubernetes/client-node';
import type { StoredPod } from './types.ts';

/** Drops what no view reads (managedFields is often half of a Pod's bytes). */
export function trimPod(pod: V1Pod): StoredPod {
  const meta = pod.metadata;
  if (!meta || !meta.managedFields) return pod;
  const { managedFields: _dropped, ...rest } = meta;
  const annotations = rest.annotations;
  if (annotations && 'kubectl.kubernetes.io/last-applied-configuration' in annotations) {
    const { 'kubectl.kubernetes.io/last-applied-configuration': _big, ...keep } = annotations;
    rest.annotations = keep;
  }
  return { ...pod, metadata: rest };
}
