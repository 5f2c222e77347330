// Object metadata as kube-apiserver stores it: deterministic uids, RFC 3339 second-precision
// timestamps, owner references and managedFields entries like real controllers leave behind.
import { createHash } from 'node:crypto';
import type { V1ManagedFieldsEntry, V1ObjectMeta, V1OwnerReference } from '@kubernetes/client-node';
import { hash32 } from './rng.ts';

/** RFC 3339 in UTC without fractions, as the API server writes metav1.Time (typed Date by client-node). */
export function ts(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z') as unknown as Date;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A UUID-shaped id derived from what the object is, so the same scenario always has the same uids. */
export function uidFor(kind: string, namespace: string, name: string): string {
  const h = sha256Hex(`${kind}/${namespace}/${name}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The random-looking suffixes Kubernetes appends (ReplicaSet pod-template-hash, Pod generateName). */
export function nameSuffix(seed: string, length: number): string {
  let h = hash32(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += SUFFIX_ALPHABET[h % SUFFIX_ALPHABET.length];
    h = Math.floor(h / SUFFIX_ALPHABET.length) || hash32(`${seed}${i}`);
  }
  return out;
}

export function ownerRef(apiVersion: string, kind: string, name: string, uid: string): V1OwnerReference {
  return { apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true };
}

export interface MetaInput {
  kind: string;
  namespace?: string;
  name: string;
  createdMs: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: V1OwnerReference;
  generateName?: string;
  /** Set for objects with a spec (workloads); Pods, ConfigMaps and Secrets have none. */
  generation?: number;
  managedFields: V1ManagedFieldsEntry[];
  deletionMs?: number;
}

export function objectMeta(input: MetaInput): V1ObjectMeta {
  const meta: V1ObjectMeta = {
    name: input.name,
    ...(input.generateName ? { generateName: input.generateName } : {}),
    ...(input.namespace ? { namespace: input.namespace } : {}),
    uid: uidFor(input.kind, input.namespace ?? '', input.name),
    creationTimestamp: ts(input.createdMs),
    ...(input.generation !== undefined ? { generation: input.generation } : {}),
    ...(input.labels ? { labels: input.labels } : {}),
    ...(input.annotations ? { annotations: input.annotations } : {}),
    ...(input.owner ? { ownerReferences: [input.owner] } : {}),
    managedFields: input.managedFields,
  };
  if (input.deletionMs !== undefined) {
    meta.deletionTimestamp = ts(input.deletionMs);
    meta.deletionGracePeriodSeconds = 30;
  }
  return meta;
}

/** One managedFields entry: `fields` is the FieldsV1 set ({"f:metadata": {...}}). */
export function managed(manager: string, apiVersion: string, atMs: number, fields: object, subresource?: string, operation: 'Update' | 'Apply' = 'Update'): V1ManagedFieldsEntry {
  return {
    manager,
    operation,
    apiVersion,
    time: ts(atMs),
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
    ...(subresource ? { subresource } : {}),
  };
}

const fieldSets = new Map<string, Record<string, object>>();
/** FieldsV1 for a set of keys: {"f:a": {}, "f:b": {}}; shared and frozen, since thousands of objects carry the same sets. */
export function fieldSet(keys: readonly string[]): Record<string, object> {
  const key = keys.join('\u0000');
  let set = fieldSets.get(key);
  if (!set) {
    set = Object.freeze(Object.fromEntries(keys.map((k) => [`f:${k}`, {}])));
    fieldSets.set(key, set);
  }
  return set;
}

/** The entries a ReplicaSet-owned Pod carries: the controller created it, the kubelet writes status. */
export function podManagedFields(creator: string, labels: readonly string[], containers: readonly string[], createdMs: number, statusMs: number): V1ManagedFieldsEntry[] {
  const containerFields = Object.fromEntries(
    containers.map((c) => [
      `k:{"name":"${c}"}`,
      { '.': {}, ...fieldSet(['image', 'imagePullPolicy', 'name', 'ports', 'resources', 'terminationMessagePath', 'terminationMessagePolicy', 'volumeMounts']) },
    ]),
  );
  return [
    managed(creator, 'v1', createdMs, {
      'f:metadata': { 'f:generateName': {}, 'f:labels': { '.': {}, ...fieldSet(labels) }, 'f:ownerReferences': { '.': {} } },
      'f:spec': { 'f:containers': containerFields, ...fieldSet(['dnsPolicy', 'enableServiceLinks', 'restartPolicy', 'schedulerName', 'securityContext', 'terminationGracePeriodSeconds', 'volumes']) },
    }),
    managed(
      'kubelet',
      'v1',
      statusMs,
      {
        'f:status': {
          'f:conditions': fieldSet(['k:{"type":"ContainersReady"}', 'k:{"type":"Initialized"}', 'k:{"type":"PodReadyToStartContainers"}', 'k:{"type":"Ready"}']),
          ...fieldSet(['containerStatuses', 'hostIP', 'hostIPs', 'phase', 'podIP', 'podIPs', 'startTime']),
        },
      },
      'status',
    ),
  ];
}
