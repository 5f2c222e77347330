// The control API's, the live scenario's and the churn generator's view of the scenario's pure
// kubelet transitions: the same transitions, answering undefined for a container the Pod lacks.
import type { V1Pod } from '@kubernetes/client-node';
import type { KObject } from './kObject.ts';
import * as kubelet from './scenario/kubelet.ts';

export interface Termination {
  reason?: string;
  exitCode?: number;
}

function hasContainer(pod: KObject, container: string): boolean {
  const st = pod.status ?? {};
  return [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])].some((c: KObject) => c.name === container);
}

const when = (pod: KObject, container: string, change: (pod: V1Pod) => V1Pod): KObject | undefined => (hasContainer(pod, container) ? (change(pod as V1Pod) as KObject) : undefined);

/** The container died and was started again at once: running, restartCount + 1, lastState kept. */
export function restartContainer(pod: KObject, container: string, nowMs: number, t: Termination = {}): KObject | undefined {
  return when(pod, container, (p) => kubelet.restartContainer(p, container, { reason: t.reason ?? 'Error', exitCode: t.exitCode ?? 1, nowMs }));
}

/** The container died and the kubelet is backing off: waiting in CrashLoopBackOff, not ready. */
export function crashLoop(pod: KObject, container: string, nowMs: number, t: Termination = {}): KObject | undefined {
  return when(pod, container, (p) => kubelet.crashLoop(p, container, { exitCode: t.exitCode ?? 1, nowMs }));
}

/** Killed by the kernel for exceeding its memory limit, then restarted: lastState OOMKilled 137. */
export function oomKill(pod: KObject, container: string, nowMs: number): KObject | undefined {
  return when(pod, container, (p) => kubelet.oomKill(p, container, nowMs));
}

/** Flips a running container's readiness, as a failing then passing readiness probe does. */
export function toggleReady(pod: KObject, container: string, nowMs: number): KObject | undefined {
  const status = [...(pod.status?.containerStatuses ?? [])].find((c: KObject) => c.name === container);
  if (!status?.state?.running) return undefined;
  return kubelet.setReady(pod as V1Pod, container, !status.ready, nowMs) as KObject;
}
