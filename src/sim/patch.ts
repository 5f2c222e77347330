// The three patch flavours clients send: JSON Patch (client-node), JSON merge patch, and
// strategic merge patch (kubectl), the last understood for the lists podview cares about.
import type { KObject } from './kObject.ts';

export class PatchError extends Error {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function jsonPatch(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new PatchError('json patch must be an array of operations');
  const root = structuredClone(doc);
  for (const op of ops) {
    if (typeof op?.path !== 'string') throw new PatchError('json patch operation has no path');
    const parts = op.path.split('/').slice(1).map(unescapePointer);
    const last = parts.pop();
    if (last === undefined) throw new PatchError('json patch on the whole document is not supported');
    let parent = root;
    for (const p of parts) {
      if (parent === null || typeof parent !== 'object' || !(p in parent)) throw new PatchError(`json patch path not found: ${op.path}`);
      parent = parent[p];
    }
    const isArr = Array.isArray(parent);
    const index = isArr ? (last === '-' ? parent.length : Number(last)) : -1;
    switch (op.op) {
      case 'add':
        if (isArr) parent.splice(index, 0, op.value);
        else parent[last] = op.value;
        break;
      case 'replace':
        if (!(last in parent)) throw new PatchError(`json patch replace of a missing path: ${op.path}`);
        parent[last] = op.value;
        break;
      case 'remove':
        if (!(last in parent)) throw new PatchError(`json patch remove of a missing path: ${op.path}`);
        if (isArr) parent.splice(index, 1);
        else delete parent[last];
        break;
      case 'test':
        if (JSON.stringify(parent[last]) !== JSON.stringify(op.value)) throw new PatchError(`json patch test failed at ${op.path}`);
        break;
      default:
        throw new PatchError(`json patch operation not supported: ${op.op}`);
    }
  }
  return root;
}

export function mergePatch(target: Json, patch: Json): Json {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Json = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// Lists that strategic merge patch merges by key instead of replacing.
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  ports: 'containerPort',
  conditions: 'type',
  volumeMounts: 'mountPath',
};

export function strategicMergePatch(target: Json, patch: Json): Json {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Json = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    const key = MERGE_KEYS[k];
    if (v === null) delete out[k];
    else if (key && Array.isArray(v) && Array.isArray(out[k])) out[k] = mergeList(out[k], v, key);
    else out[k] = strategicMergePatch(out[k], v);
  }
  return out;
}

function mergeList(current: Json[], patch: Json[], key: string): Json[] {
  const out = [...current];
  for (const item of patch) {
    const i = out.findIndex((x) => x?.[key] === item?.[key]);
    if (item?.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = strategicMergePatch(out[i], item);
    else out.push(item);
  }
  return out;
}

/** Applies a PATCH body by its Content-Type; throws PatchError for what it cannot apply. */
export function applyPatch(obj: KObject, contentType: string | undefined, body: string): KObject {
  const type = (contentType ?? '').split(';')[0]!.trim();
  const apply = { 'application/json-patch+json': jsonPatch, 'application/merge-patch+json': mergePatch, 'application/strategic-merge-patch+json': strategicMergePatch }[type];
  // The media type is checked first: a server-side apply body (YAML) is a 415, not a parse error.
  if (!apply) {
    throw new PatchError(
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
    );
  }
  let parsed: Json;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new PatchError('the patch body is not valid JSON');
  }
  return apply(obj, parsed) as KObject;
}
