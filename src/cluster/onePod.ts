// One named Pod with its surroundings, for `kubectl podview POD --once`: the reads that do not
// need the Pod (its events by name, its usage) go out with the Pod's own, and the owner chain
// follows as soon as the Pod is in, all over one connection pool, so the answer takes the
// Pod's round trip plus the owners', not one round trip per read.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import type { PodDetails } from '../store/types.ts';
import { listEvents, listMetrics, notesFor, resolveOwners, usageFromMetrics } from './detailSources.ts';
import { getPod, PodNotFound } from './getPod.ts';
import { resolvePodArg } from './resolvePod.ts';
import { sharedConnections } from './request.ts';

export interface OnePod {
  pod: V1Pod;
  details: PodDetails;
}

export async function readOnePod(kubeConfig: KubeConfig, namespace: string, name: string, options: { timeoutMs?: number } = {}): Promise<OnePod> {
  const connections = sharedConnections(kubeConfig);
  const view = connections.kubeConfig;
  try {
    // The Pod's read goes out first: the owner chain waits for it. Events and usage degrade to a
    // note and never reject, so they may start before the Pod is known to exist.
    const podRead = getPod(view, namespace, name, options);
    const events = listEvents(view, namespace, `involvedObject.kind=Pod,involvedObject.name=${name}`);
    const metrics = listMetrics(view, namespace, name);
    const pod = await podRead;
    const [eventList, metricList, owners] = await Promise.all([events, metrics, resolveOwners(view, pod, new Map())]);
    // A Pod of the same name that came before (a StatefulSet's, a Job's) left events of its own.
    const uid = pod.metadata?.uid;
    const own = eventList.items.filter((event) => !uid || !event.involvedObject?.uid || event.involvedObject.uid === uid);
    const sample = metricList.items[0];
    return {
      pod,
      details: {
        events: eventList.note === undefined ? own : undefined,
        owners,
        usage: sample ? usageFromMetrics(sample) : undefined,
        notes: notesFor([eventList, metricList]),
      },
    };
  } finally {
    connections.close();
  }
}

/**
 * The Pod a command-line argument names (NAME, TYPE/NAME or a unique prefix: resolvePodArg's
 * rules), read as readOnePod does. An exact name, the common case, costs no round trip more.
 */
export async function readNamedPod(kubeConfig: KubeConfig, namespace: string, arg: string, options: { timeoutMs?: number } = {}): Promise<OnePod> {
  if (!arg.includes('/')) {
    try {
      return await readOnePod(kubeConfig, namespace, arg, options);
    } catch (err) {
      if (!(err instanceof PodNotFound)) throw err;
    }
  }
  const { name } = await resolvePodArg(kubeConfig, namespace, arg, options);
  return readOnePod(kubeConfig, namespace, name, options);
}
