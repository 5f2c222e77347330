// Turning a key on a Pod into a request for the services, and their outcomes into one line.
import type { ContainerView } from '../model/types.ts';

/** The container a key acts on in the Pod view: the selected one, unless it cannot run a shell or log. */
export function selectedContainerName(containers: readonly ContainerView[], index: number): string | undefined {
  return containers[index]?.name ?? containers.find((c) => c.kind === 'app')?.name;
}
