// Which containers a Pod has and what state each is in, read from the Pod as stored.
import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

export function appContainerNames(pod: V1Pod): string[] {
  return (pod.spec?.containers ?? []).map((c) => c.name);
}

export function initContainerNames(pod: V1Pod): string[] {
  return (pod.spec?.initContainers ?? []).map((c) => c.name);
}

export function allContainerNames(pod: V1Pod): string[] {
  return [...initContainerNames(pod), ...appContainerNames(pod), ...(pod.spec?.ephemeralContainers ?? []).map((c) => c.name)];
}

export function containerStatus(pod: V1Pod, container: string): V1ContainerStatus | undefined {
  const s = pod.status;
  return [...(s?.initContainerStatuses ?? []), ...(s?.containerStatuses ?? []), ...(s?.ephemeralContainerStatuses ?? [])].find((c) => c.name === container);
}

export function startedMs(status: V1ContainerStatus | undefined, fallback: number): number {
  const started = status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt;
  const ms = started ? new Date(started).getTime() : Number.NaN;
  return Number.isFinite(ms) ? ms : fallback;
}
