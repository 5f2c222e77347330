// What the list's text filter matches beside namespace/name: the STATUS column as the row
// shows it, the node, and each container's name and image (the lean Pod keeps these).
import { podStatusColumns } from '../../model/status.ts';
import type { PodFields } from '../../store/podIndex.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export const podFilterFields: PodFields = (pod) => {
  const out: string[] = [podStatusColumns(pod).status];
  const spec = isObj(pod) && isObj(pod.spec) ? pod.spec : undefined;
  if (!spec) return out;
  if (typeof spec.nodeName === 'string') out.push(spec.nodeName);
  for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (!isObj(c)) continue;
      if (typeof c.name === 'string') out.push(c.name);
      if (typeof c.image === 'string') out.push(c.image);
    }
  }
  return out;
};
