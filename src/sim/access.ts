// Access control for fault injection: deny rules produce the exact 403 Status kube-apiserver
// sends, and SelfSubjectAccessReview (`kubectl auth can-i`) answers from the same rules.
import type { V1Status } from '@kubernetes/client-node';
import { status } from './status.ts';

export const SIM_USER = 'podview-sim';

export interface DenyRule {
  verb?: string;
  resource?: string;
  /** The API group ('' core, 'metrics.k8s.io'); unset: any group. */
  group?: string;
  subresource?: string;
  namespace?: string;
}

export interface AccessRequest {
  verb: string;
  resource: string;
  group?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export class AccessRules {
  private readonly rules = new Set<DenyRule>();

  deny(rule: DenyRule): () => void {
    const r = { ...rule };
    this.rules.add(r);
    return () => this.rules.delete(r);
  }

  denies(req: AccessRequest): boolean {
    for (const r of this.rules) {
      if (r.verb !== undefined && r.verb !== req.verb) continue;
      if (r.resource !== undefined && r.resource !== req.resource) continue;
      if (r.group !== undefined && r.group !== (req.group ?? '')) continue;
      if (r.subresource !== undefined && r.subresource !== (req.subresource ?? '')) continue;
      if (r.namespace !== undefined && r.namespace !== (req.namespace ?? '')) continue;
      return true;
    }
    return false;
  }

  authorize(req: AccessRequest): V1Status | undefined {
    return this.denies(req) ? forbidden(req) : undefined;
  }
}

/** `pods "x" is forbidden: User "u" cannot get resource "pods/log" in API group "" in the namespace "ns"` */
export function forbidden(req: AccessRequest): V1Status {
  const resource = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  const subject = req.name ? `${req.resource} "${req.name}"` : req.resource;
  const scope = req.namespace ? `in the namespace "${req.namespace}"` : 'at the cluster scope';
  const message = `${subject} is forbidden: User "${SIM_USER}" cannot ${req.verb} resource "${resource}" in API group "${req.group ?? ''}" ${scope}`;
  return status(403, 'Forbidden', message, { name: req.name, group: req.group || undefined, kind: req.resource });
}

/** The SelfSubjectAccessReview answer for a POSTed review. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function reviewAccess(rules: AccessRules, review: any): object {
  const attrs = review?.spec?.resourceAttributes;
  let allowed = true;
  if (attrs) {
    allowed = !rules.denies({ verb: attrs.verb ?? '', resource: attrs.resource ?? '', group: attrs.group, subresource: attrs.subresource, namespace: attrs.namespace, name: attrs.name });
  }
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: review?.spec ?? {},
    status: allowed ? { allowed: true, reason: 'the simulator allows this' } : { allowed: false, denied: true, reason: 'denied by a simulator fault rule' },
  };
}
