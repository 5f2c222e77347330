// Turning a key on a Pod into a request for the services, and their outcomes into one line.
import type { ContainerView } from '../model/types.ts';
import type { StoredPod } from '../store/types.ts';

/** kubectl's choice: the default-container annotation, else the first app container. */
export function defaultContainer(pod: StoredPod): string | undefined {
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  if (annotated && names.includes(annotated)) return annotated;
  return names[0];
}

/** The container a key acts on in the Pod view: the selected one, unless it cannot run a shell or log. */
export function selectedContainerName(containers: readonly ContainerView[], index: number): string | undefined {
  return containers[index]?.name ?? containers.find((c) => c.kind === 'app')?.name;
}
