// The candidates for "the replica to compare with": the other Pods of the open Pod's
// controller owner. One list in the Pod's namespace, narrowed on the server by the Pod's own
// labels (a ReplicaSet's, DaemonSet's or Job's Pods all carry their template's labels), minus
// the labels that name one Pod (a StatefulSet's pod-name): asking for the owner's selector
// would cost a read of the owner, and a role that may list Pods may not read ReplicaSets.
// The owner itself is then matched by ownerReference uid (model/pickSibling.ts), so a Pod
// that merely shares the labels is never taken for a sibling.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { EXPECTED_LABELS, controllerOwner } from '../model/podFacets.ts';
import { listPodsOnce } from './snapshot.ts';

/** "app=web,pod-template-hash=7c9d" from the labels every replica of the owner shares; undefined when none. */
export function siblingSelector(pod: V1Pod): string | undefined {
  const labels = Object.entries(pod.metadata?.labels ?? {}).filter(([k, v]) => typeof v === 'string' && !EXPECTED_LABELS.has(k));
  return labels.length ? labels.map(([k, v]) => `${k}=${v}`).join(',') : undefined;
}

/** The Pods of the same controller owner as `pod` (itself excluded), whole, as the server returned them. */
export async function listSiblings(kubeConfig: KubeConfig, pod: V1Pod, options: { timeoutMs?: number } = {}): Promise<V1Pod[]> {
  const owner = controllerOwner(pod);
  if (!owner || owner.uid === '') return [];
  const out: V1Pod[] = [];
  const pages = listPodsOnce({ kubeConfig, namespace: pod.metadata?.namespace ?? 'default', labelSelector: siblingSelector(pod), timeoutMs: options.timeoutMs });
  for await (const page of pages) {
    for (const candidate of page) {
      if (candidate.metadata?.uid !== pod.metadata?.uid && controllerOwner(candidate)?.uid === owner.uid) out.push(candidate);
    }
  }
  return out;
}
