// What the log streams need to know about the Pod: its containers, which one is the default,
// and in which state each is.
import type { KubeConfig, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { LeanPod } from '../model/leanPodType.ts';
import { ApiError, describeError } from './errors.ts';
import { withOwnConnections } from './logConnections.ts';
import { getJson } from './request.ts';

export type PodRead = { kind: 'pod'; pod: V1Pod } | { kind: 'gone' } | { kind: 'error'; code?: number; message: string };

export async function readPod(kubeConfig: KubeConfig, namespace: string, name: string): Promise<PodRead> {
  try {
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
    const pod = await withOwnConnections(kubeConfig, (config) => getJson<V1Pod>(config, path));
    return { kind: 'pod', pod };
  } catch (err) {
    // getJson throws ApiError for every answer that is not 2xx; anything else never reached one.
    const code = err instanceof ApiError ? err.statusCode : undefined;
    if (code === 404) return { kind: 'gone' };
    if (code === 403) return { kind: 'error', code, message: `forbidden: cannot get pod ${namespace}/${name} (RBAC: get pods)` };
    // One line naming the server and the cause, redacted (a URL's user info, a token in a message).
    return { kind: 'error', code, message: describeError(err, `read pod ${namespace}/${name}`) };
  }
}

/** Init, app and ephemeral containers, in the order they start. */
export function podContainers(pod: LeanPod): string[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name);
}

/** `logs` without -c follows kubectl: the model's rule without findings (annotation, else first app container). */
export { defaultContainer } from '../model/defaultContainer.ts';

export function statusOf(pod: V1Pod, container: string): V1ContainerStatus | undefined {
  const s = pod.status;
  return [...(s?.initContainerStatuses ?? []), ...(s?.containerStatuses ?? []), ...(s?.ephemeralContainerStatuses ?? [])].find((c) => c.name === container);
}

/** Names one run of a container, so a stream that ends can tell a restart from a dropped connection. */
export function instanceId(status: V1ContainerStatus | undefined): string {
  const running = status?.state?.running?.startedAt;
  if (running) return `${status?.restartCount ?? 0}@${new Date(running).toISOString()}`;
  return `${status?.restartCount ?? 0}:not-running`;
}

/** Why a container has no logs to follow yet, or undefined when it has. */
export function waitingReason(status: V1ContainerStatus | undefined): string | undefined {
  if (!status) return 'not started yet';
  const waiting = status.state?.waiting;
  if (!waiting) return undefined;
  return waiting.message ? `${waiting.reason ?? 'Waiting'}: ${waiting.message}` : (waiting.reason ?? 'Waiting');
}
