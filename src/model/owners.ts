import type { OwnerView } from './types.ts';
import { bool, obj, objs, text } from './read.ts';

/**
 * The owner chain as the cluster layer resolved it; without that, the first link from
 * metadata.ownerReferences (the controller first), marked unresolved.
 */
export function ownerViews(pod: unknown, resolved?: OwnerView[]): OwnerView[] {
  if (resolved) return resolved.map((o) => ({ kind: text(o.kind) ?? '', name: text(o.name) ?? '', resolved: o.resolved === true }));
  const refs = objs(obj(obj(pod).metadata).ownerReferences);
  const first = refs.find((r) => bool(r.controller) === true) ?? refs[0];
  return first ? [{ kind: text(first.kind) ?? '', name: text(first.name) ?? '', resolved: false }] : [];
}
