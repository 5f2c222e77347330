// services.pickReplica: the other Pods of the open Pod's owner (cluster/siblings.ts), the
// healthiest of them (model/pickSibling.ts), and its usage from the metrics API when served.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { pickSibling } from '../model/pickSibling.ts';
import type { ReplicaOutcome } from '../store/replicaRequests.ts';
import { trimPod } from '../store/trimPod.ts';
import { listMetrics, usageFromMetrics } from './detailSources.ts';
import { describeError } from './errors.ts';
import { listSiblings } from './siblings.ts';

export async function pickReplica(kubeConfig: KubeConfig, pod: V1Pod): Promise<ReplicaOutcome> {
  const namespace = pod.metadata?.namespace ?? 'default';
  let siblings: V1Pod[];
  try {
    siblings = await listSiblings(kubeConfig, pod);
  } catch (err) {
    return { kind: 'error', message: describeError(err, `list pods in namespace "${namespace}"`) };
  }
  const pick = pickSibling(pod, siblings);
  if (!pick.ok) return { kind: 'none', reason: pick.reason };
  const sibling = trimPod(pick.pod);
  // Usage is a column beside the verdict, never part of it: a missing metrics API leaves it out.
  const metrics = await listMetrics(kubeConfig, namespace, sibling.metadata?.name).catch(() => undefined);
  const sample = metrics?.items[0];
  return sample ? { kind: 'sibling', pod: sibling, usage: usageFromMetrics(sample) } : { kind: 'sibling', pod: sibling };
}
