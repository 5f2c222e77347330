import type { V1Container, V1Pod, V1PodSpec } from '@kubernetes/client-node';
import type { WholePod } from './types.ts';

// What no view of podview reads: scheduling and runtime settings of the spec and of each
// container. A Pod is replaced, never edited, on each watch event, so trimming makes copies
// only of the objects it changes and shares the rest with the decoded event.
const SPEC_UNREAD = [
  'tolerations',
  'dnsPolicy',
  'schedulerName',
  'enableServiceLinks',
  'preemptionPolicy',
  'terminationGracePeriodSeconds',
  'priority',
  'serviceAccount',
  'affinity',
  'topologySpreadConstraints',
  'readinessGates',
] as const;
const CONTAINER_UNREAD = ['terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy'] as const;

function trimContainers<T extends V1Container>(list: T[] | undefined): T[] | undefined {
  if (!Array.isArray(list)) return list;
  return list.map((c) => {
    if (!c || typeof c !== 'object' || !CONTAINER_UNREAD.some((k) => k in c)) return c;
    const copy = { ...c } as Record<string, unknown>;
    for (const k of CONTAINER_UNREAD) delete copy[k];
    return copy as T;
  });
}

function trimSpec(spec: V1PodSpec | undefined): V1PodSpec | undefined {
  if (!spec || typeof spec !== 'object') return spec;
  const copy = { ...spec } as Record<string, unknown>;
  for (const k of SPEC_UNREAD) delete copy[k];
  const out = copy as unknown as V1PodSpec;
  if (spec.containers) out.containers = trimContainers(spec.containers)!;
  if (spec.initContainers) out.initContainers = trimContainers(spec.initContainers);
  return out;
}

/** Drops what no view reads (managedFields is often half of a Pod's bytes). */
export function trimPod(pod: V1Pod): WholePod {
  const meta = pod.metadata;
  let metadata = meta;
  if (meta && (meta.managedFields || meta.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] !== undefined)) {
    const { managedFields: _dropped, ...rest } = meta;
    const annotations = rest.annotations;
    if (annotations && 'kubectl.kubernetes.io/last-applied-configuration' in annotations) {
      const { 'kubectl.kubernetes.io/last-applied-configuration': _big, ...keep } = annotations;
      rest.annotations = keep;
    }
    metadata = rest;
  }
  const status = pod.status?.podIPs ? (({ podIPs: _ips, ...rest }) => rest)(pod.status) : pod.status;
  const out: V1Pod = { ...pod, spec: trimSpec(pod.spec), status };
  if (metadata !== undefined) out.metadata = metadata;
  if (pod.spec === undefined) delete out.spec;
  if (pod.status === undefined) delete out.status;
  return out;
}
