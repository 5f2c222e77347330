// Which container an exec request means, and whether it can run there, with kube-apiserver's
// and the kubelet's own words for each refusal.
import type { V1ContainerStatus, V1Pod, V1Status } from '@kubernetes/client-node';
import type { ContainerRuntime } from '../scenario/types.ts';
import { failure } from './protocol.ts';

export type Target = { ok: true; container: string } | { ok: false; status: V1Status };

const names = (list: Array<{ name: string }> | undefined): string => (list ?? []).map((c) => c.name).join(' ');

/** kube-apiserver's streamLocation(): default to the only container, else insist on a valid name. */
export function chooseContainer(pod: V1Pod, requested: string | null): Target {
  const name = pod.metadata?.name ?? '';
  const spec = pod.spec;
  const containers = spec?.containers ?? [];
  if (!requested) {
    if (containers.length === 1) return { ok: true, container: containers[0]!.name };
    let message = `a container name must be specified for pod ${name}, choose one of: [${names(containers)}]`;
    if (spec?.initContainers?.length) message += ` or one of the init containers: [${names(spec.initContainers)}]`;
    if (spec?.ephemeralContainers?.length) message += ` or one of the ephemeral containers: [${names(spec.ephemeralContainers)}]`;
    return { ok: false, status: failure(400, 'BadRequest', message) };
  }
  const all = [...containers, ...(spec?.initContainers ?? []), ...(spec?.ephemeralContainers ?? [])];
  if (!all.some((c) => c.name === requested)) {
    return { ok: false, status: failure(400, 'BadRequest', `container ${requested} is not valid for pod ${name}`) };
  }
  return { ok: true, container: requested };
}

function statusOf(pod: V1Pod, container: string): V1ContainerStatus | undefined {
  const s = pod.status;
  return [...(s?.containerStatuses ?? []), ...(s?.initContainerStatuses ?? []), ...(s?.ephemeralContainerStatuses ?? [])].find((c) => c.name === container);
}

export type Runnable = 'running' | 'never-started' | 'stopped';

export function runnable(pod: V1Pod, container: string): Runnable {
  const status = statusOf(pod, container);
  if (status?.state?.running) return 'running';
  return status?.containerID || status?.lastState?.terminated || status?.state?.terminated ? 'stopped' : 'never-started';
}

/** The kubelet has no such container yet: the upgrade fails, proxied back by the API server. */
export const neverStarted = (container: string): V1Status => failure(404, 'NotFound', `container not found ("${container}")`);

/** The runtime refuses to exec into an exited container: reported on the error channel. */
export const stoppedStatus = (): V1Status =>
  failure(500, 'InternalError', 'Internal error occurred: error executing command in container: failed to exec in container: container is in CONTAINER_EXITED state');

/** Ephemeral containers are not in the scenario's runtime: guess the shells from the image. */
export function shellsFor(runtime: ContainerRuntime | undefined, pod: V1Pod, container: string): string[] {
  if (runtime) return runtime.shells;
  const image = pod.spec?.ephemeralContainers?.find((c) => c.name === container)?.image ?? '';
  if (/distroless/.test(image)) return [];
  if (/busybox|alpine/.test(image)) return ['/bin/sh', '/bin/ash', '/bin/busybox'];
  if (/ubuntu|debian|fedora|centos|python|node|golang|netshoot/.test(image)) return ['/bin/sh', '/bin/bash'];
  return ['/bin/sh'];
}
