// The container a key acts on when none is chosen (logs, previous logs, shell, the host
// view's first selection): the one the worst finding is about, else the one the
// kubectl.kubernetes.io/default-container annotation names, else the first app container
// (kubectl's own rule, from which the first step departs because a Pod in trouble is
// opened to look at the trouble).

import { specContainers } from './kinds.ts';
import { obj, str } from './read.ts';
import type { Diagnosis, Severity } from './types.ts';
import type { LeanPod } from './leanPodType.ts';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `findings` as diagnose() returns them; pass none where only kubectl's rule applies. */
export function defaultContainer(pod: LeanPod, findings: readonly Diagnosis[] = []): string | undefined {
  const containers = specContainers(pod);
  const names = new Set(containers.map((c) => c.name));
  let worst: Diagnosis | undefined;
  for (const f of findings) {
    if (f.container === undefined || !names.has(f.container)) continue;
    if (!worst || RANK[f.severity] < RANK[worst.severity]) worst = f;
  }
  if (worst) return worst.container;
  const annotated = str(obj(obj(obj(pod).metadata).annotations)[DEFAULT_CONTAINER_ANNOTATION]);
  if (annotated !== undefined && names.has(annotated)) return annotated;
  return containers.find((c) => c.kind === 'app')?.name;
}

/** The same choice as a position among the host view's containers (start order), 0 when there is none. */
export function defaultContainerIndex(pod: LeanPod, findings: readonly Diagnosis[] = []): number {
  const name = defaultContainer(pod, findings);
  const index = specContainers(pod).findIndex((c) => c.name === name);
  return Math.max(0, index);
}
