import type { V1Pod } from '@kubernetes/client-node';

export function pod(namespace: string, name: string, extra: { uid?: string; labels?: Record<string, string>; rv?: string; managed?: boolean } = {}): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace,
      name,
      uid: extra.uid ?? `uid-${namespace}-${name}`,
      resourceVersion: extra.rv ?? '1',
      labels: extra.labels,
      ...(extra.managed ? { managedFields: [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': {} } }] } : {}),
    },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
  };
}

/**
 * What an object really holds at a field its type leaves out: LeanPod's type forbids reading
 * spec.volumes and the like (the point of it), and tests of the store's memory check the stored
 * object holds none either.
 */
export const heldField = (part: object | undefined, field: string): unknown => (part === undefined ? undefined : (part as Record<string, unknown>)[field]);
