// services.restartPod: delete a Pod so its owner recreates it. The access review is asked first,
// so a user without the right gets one line before anything is attempted; the delete itself
// uses the Pod's own grace period (the containers get their SIGTERM and preStop hooks) and, when
// the uid is known, a precondition on it, so a newer Pod that took the name is never deleted.
import type { KubeConfig } from '@kubernetes/client-node';
import type { RestartOutcome, RestartRequest } from '../store/actionRequests.ts';
import { sanitize } from '../text/sanitize.ts';
import { describeError, httpStatus, isUnreachable } from './errors.ts';
import { HttpMethod, sendJson } from './request.ts';

export type DeleteAccess = { allowed: true } | { allowed: false; reason: string } | { allowed: 'unknown' };

const podPath = (r: RestartRequest) => `/api/v1/namespaces/${encodeURIComponent(r.namespace)}/pods/${encodeURIComponent(r.name)}`;

/** SelfSubjectAccessReview for `delete pods/NAME` in the namespace; 'unknown' when the server cannot answer one. */
export async function canDeletePod(kubeConfig: KubeConfig, key: RestartRequest): Promise<DeleteAccess> {
  try {
    const review = await sendJson<{ status?: { allowed?: boolean; denied?: boolean; reason?: string } }>(kubeConfig, HttpMethod.POST, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'delete', resource: 'pods', namespace: key.namespace, name: key.name } },
    });
    if (review.status?.allowed) return { allowed: true };
    const why = review.status?.reason ? ` (${review.status.reason})` : '';
    return { allowed: false, reason: `forbidden: cannot delete pod "${key.name}" in namespace "${key.namespace}"${why}` };
  } catch (err) {
    if (httpStatus(err) === 401 || isUnreachable(err)) return { allowed: false, reason: describeError(err, 'review access to delete pods') };
    // No authorization API (or the review itself is forbidden): the delete's own answer decides.
    return { allowed: 'unknown' };
  }
}

export async function restartPod(kubeConfig: KubeConfig, request: RestartRequest): Promise<RestartOutcome> {
  const access = await canDeletePod(kubeConfig, request);
  if (access.allowed === false) return /^forbidden/.test(access.reason) ? { kind: 'forbidden', message: oneLine(access.reason) } : { kind: 'error', message: oneLine(access.reason) };
  const what = `delete pod "${request.name}" in namespace "${request.namespace}"`;
  const options = { apiVersion: 'v1', kind: 'DeleteOptions', ...(request.uid ? { preconditions: { uid: request.uid } } : {}) };
  let answer: { kind?: string; metadata?: { deletionTimestamp?: unknown; deletionGracePeriodSeconds?: unknown } } | undefined;
  try {
    answer = await sendJson(kubeConfig, HttpMethod.DELETE, podPath(request), options);
  } catch (err) {
    const status = httpStatus(err);
    if (status === 403) return { kind: 'forbidden', message: describeError(err, what) };
    if (status === 404) return { kind: 'not-found', message: oneLine(`pod "${request.name}" is already gone from namespace "${request.namespace}"`) };
    if (status === 409) return { kind: 'error', message: oneLine(`pod "${request.name}" was replaced by a newer Pod of the same name: nothing deleted`) };
    return { kind: 'error', message: describeError(err, what) };
  }
  // The API answers with the Pod, marked for deletion, while its grace period runs; with a
  // Status (or the Pod unmarked) when it was removed at once.
  const grace = answer?.metadata?.deletionGracePeriodSeconds;
  const terminating = answer?.kind === 'Pod' && typeof answer.metadata?.deletionTimestamp === 'string';
  return terminating && typeof grace === 'number' ? { kind: 'deleted', terminating, gracePeriodSeconds: grace } : { kind: 'deleted', terminating };
}

// Names and the review's reason come from the cluster (or the user): shown cleaned, on one line.
const oneLine = (text: string): string => sanitize(text).replace(/\s+/g, ' ').trim();
