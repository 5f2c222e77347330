// DeleteOptions.preconditions as kube-apiserver reads and checks them. The options come from the
// JSON body when there is one, otherwise from the query, where `uid` and `resourceVersion` are the
// preconditions (metav1's Convert_url_Values_To_v1_DeleteOptions). A precondition that does not
// hold is the storage layer's InvalidObjError, which the delete handler answers as a 409 Conflict.
import type { KObject } from './kObject.ts';
import type { ResourceDef } from './resources.ts';
import type { V1Status } from '@kubernetes/client-node';
import { status } from './status.ts';

export interface Preconditions {
  uid?: string;
  resourceVersion?: string;
}

export function deletePreconditions(body: string, query: URLSearchParams): Preconditions {
  if (body.trim()) {
    try {
      const p = JSON.parse(body)?.preconditions;
      return p && typeof p === 'object' ? { uid: stringOrUndefined(p.uid), resourceVersion: stringOrUndefined(p.resourceVersion) } : {};
    } catch {
      return {};
    }
  }
  return { uid: query.get('uid') || undefined, resourceVersion: query.get('resourceVersion') || undefined };
}

const stringOrUndefined = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The 409 for a precondition the stored object does not meet, worded as kube-apiserver's; undefined when all hold. */
export function preconditionFailure(r: ResourceDef, obj: KObject, p: Preconditions): V1Status | undefined {
  const md = obj.metadata ?? {};
  let failed: string | undefined;
  if (p.uid !== undefined && p.uid !== md.uid) failed = `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${md.uid ?? ''}`;
  else if (p.resourceVersion !== undefined && p.resourceVersion !== md.resourceVersion)
    failed = `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in object meta: ${md.resourceVersion ?? ''}`;
  if (!failed) return undefined;
  // etcd's key: /registry/<resource>/<namespace>/<name>, the group left out for the built-in kinds.
  const key = `/registry/${r.name}/${md.namespace ? `${md.namespace}/` : ''}${md.name}`;
  const qualified = `${r.name}${r.group ? `.${r.group}` : ''}`;
  const message = `Operation cannot be fulfilled on ${qualified} "${md.name}": StorageError: invalid object, Code: 4, Key: ${key}, ResourceVersion: 0, AdditionalErrorMsg: ${failed}`;
  return status(409, 'Conflict', message, { name: md.name, group: r.group || undefined, kind: r.name });
}
