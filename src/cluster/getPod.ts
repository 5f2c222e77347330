// One Pod, whole (managedFields included), for `kubectl podview POD` and for the host view's
// "full object" on demand.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { isNamedObject } from './answerShape.ts';
import { describeError, httpStatus, UserError } from './errors.ts';
import { getJson, serverOf } from './request.ts';

/** The Pod is not there: callers that accept more than an exact name try their other rules next. */
export class PodNotFound extends UserError {}

export async function getPod(kubeConfig: KubeConfig, namespace: string, name: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<V1Pod> {
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
  let pod: unknown;
  try {
    pod = await getJson<unknown>(kubeConfig, path, {}, options);
  } catch (err) {
    if (httpStatus(err) === 404) throw new PodNotFound(`pod "${name}" not found in namespace "${namespace}"`);
    throw new UserError(describeError(err, `get pod "${name}" in namespace "${namespace}"`, serverOf(kubeConfig)));
  }
  if (!isNamedObject(pod)) throw new UserError(`cannot get pod "${name}" in namespace "${namespace}": the answer from ${serverOf(kubeConfig)} is not a Pod`);
  return pod as V1Pod;
}
