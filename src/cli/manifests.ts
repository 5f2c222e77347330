// -f FILE / -f -: Pods from manifests instead of a cluster, so a Pod (or a workload's Pod
// template) can be inspected before it is applied. Accepts single objects, Lists and
// multi-document YAML or JSON.
import fs from 'node:fs';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import type { V1Pod } from '@kubernetes/client-node';
import { UserError } from '../cluster/errors.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where each workload kind keeps its Pod template. */
const TEMPLATE_PATHS: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  ReplicationController: ['spec', 'template'],
};

function dig(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) current = isObj(current) ? current[key] : undefined;
  return current;
}

/**
 * The StatefulSet controller adds a volume per volumeClaimTemplate to each Pod it creates,
 * backed by the claim <template>-<set>-<ordinal>; the template view declares them the same
 * way so that their mounts are declared volumes (a volume the template declares itself wins).
 */
function withClaimVolumes(spec: unknown, set: Obj, setName: string): unknown {
  const templates = dig(set, ['spec', 'volumeClaimTemplates']);
  if (!isObj(spec) || !Array.isArray(templates)) return spec;
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  const declared = new Set(volumes.map((v) => (isObj(v) ? v.name : undefined)));
  const added = templates
    .map((t) => (isObj(t) && isObj(t.metadata) && typeof t.metadata.name === 'string' ? t.metadata.name : undefined))
    .filter((name): name is string => name !== undefined && !declared.has(name))
    .map((name) => ({ name, persistentVolumeClaim: { claimName: `${name}-${setName}-<ordinal>` } }));
  return added.length > 0 ? { ...spec, volumes: [...volumes, ...added] } : spec;
}

function podsOf(doc: unknown, namespace: string, into: V1Pod[], kinds: Set<string>): void {
  if (!isObj(doc)) return;
  const kind = typeof doc.kind === 'string' ? doc.kind : '';
  if (Array.isArray(doc.items)) {
    for (const item of doc.items) podsOf(item, namespace, into, kinds);
    return;
  }
  const meta = isObj(doc.metadata) ? doc.metadata : {};
  if (kind === 'Pod') {
    into.push({ ...doc, metadata: { ...meta, namespace: (meta.namespace as string | undefined) ?? namespace } } as V1Pod);
    return;
  }
  const path = TEMPLATE_PATHS[kind];
  const template = path ? dig(doc, path) : undefined;
  if (isObj(template)) {
    const tmeta = isObj(template.metadata) ? template.metadata : {};
    into.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...tmeta, name: `${String(meta.name ?? 'unnamed')} (${kind} template)`, namespace: (meta.namespace as string | undefined) ?? namespace },
      spec: kind === 'StatefulSet' ? withClaimVolumes(template.spec, doc, String(meta.name ?? 'unnamed')) : template.spec,
    } as V1Pod);
    return;
  }
  if (kind) kinds.add(kind);
}

export function readSource(file: string, stdin: () => string = () => fs.readFileSync(0, 'utf8')): string {
  if (file === '-') return stdin();
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new UserError(`${file}: no such file`);
    if (code === 'EISDIR') throw new UserError(`${file}: is a directory`);
    if (code === 'EACCES') throw new UserError(`${file}: permission denied`);
    throw new UserError(`${file}: cannot read (${code ?? 'unknown error'})`);
  }
}

/** Parses manifest text into Pods; throws UserError when the text is not YAML or holds no Pod. */
export function podsFromManifests(text: string, label: string, namespace: string): V1Pod[] {
  let docs: unknown[];
  try {
    // The core schema keeps timestamps as strings, as the API server sends them.
    docs = loadAll(text, { schema: CORE_SCHEMA });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UserError(`${label}: not valid YAML or JSON: ${reason}`);
  }
  const pods: V1Pod[] = [];
  const other = new Set<string>();
  for (const doc of docs) podsOf(doc, namespace, pods, other);
  if (pods.length === 0) {
    throw new UserError(`${label}: no Pod or Pod template found${other.size > 0 ? ` (found ${[...other].join(', ')})` : ''}`);
  }
  return pods;
}
