import type { ContainerKind } from './types.ts';
import { obj, objs, str, type Obj } from './read.ts';

/** A native sidecar is an init container that keeps running (restartPolicy: Always, k8s 1.28+). */
export function isSidecar(container: Obj | undefined): boolean {
  return container !== undefined && str(container.restartPolicy) === 'Always';
}

export interface SpecContainer {
  spec: Obj;
  kind: ContainerKind;
  name: string;
}

/** Every container of the Pod spec in start order: init and sidecars interleaved as declared, then app, then ephemeral. */
export function specContainers(pod: unknown): SpecContainer[] {
  const spec = obj(obj(pod).spec);
  const out: SpecContainer[] = [];
  for (const c of objs(spec.initContainers)) out.push({ spec: c, kind: isSidecar(c) ? 'sidecar' : 'init', name: str(c.name) ?? '' });
  for (const c of objs(spec.containers)) out.push({ spec: c, kind: 'app', name: str(c.name) ?? '' });
  for (const c of objs(spec.ephemeralContainers)) out.push({ spec: c, kind: 'ephemeral', name: str(c.name) ?? '' });
  return out;
}

/** Status of a container by name from the list that matches its kind. */
export function statusIndex(pod: unknown): Record<ContainerKind, Map<string, Obj>> {
  const status = obj(obj(pod).status);
  const index = (list: unknown) => {
    const m = new Map<string, Obj>();
    for (const s of objs(list)) {
      const name = str(s.name);
      if (name !== undefined && !m.has(name)) m.set(name, s);
    }
    return m;
  };
  const init = index(status.initContainerStatuses);
  return { init, sidecar: init, app: index(status.containerStatuses), ephemeral: index(status.ephemeralContainerStatuses) };
}
