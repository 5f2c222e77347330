// toPodHost is called every frame for the selected Pod; this keeps the last few results.
// The key is the Pod's version plus the identity of each context piece and the current
// second (ages change once a second, nothing else changes without a new object).

import type { WholePod } from './leanPodType.ts';
import { obj, str } from './read.ts';
import { buildPodHost } from './podHost.ts';
import type { PodContext, PodHost } from './types.ts';

const MAX_ENTRIES = 32;
const cache = new Map<string, PodHost>();
const ids = new WeakMap<object, number>();
let nextId = 1;

function identity(value: unknown): string {
  if (value === undefined || value === null) return '-';
  if (typeof value !== 'object' && typeof value !== 'function') return `v${String(value)}`;
  let id = ids.get(value as object);
  if (id === undefined) {
    id = nextId++;
    ids.set(value as object, id);
  }
  return `#${id}`;
}

function keyOf(pod: unknown, ctx: PodContext): string {
  const meta = obj(obj(pod).metadata);
  const uid = str(meta.uid);
  const rv = str(meta.resourceVersion);
  // Without a uid and resourceVersion (a manifest from -f) only the object itself identifies the Pod.
  const podKey = uid && rv ? `${uid}@${rv}` : identity(pod);
  const second = typeof ctx?.now === 'number' && Number.isFinite(ctx.now) ? Math.floor(ctx.now / 1000) : 'x';
  return [podKey, second, identity(ctx?.usage), identity(ctx?.events), identity(ctx?.owners), ctx?.deleted === true ? 'd' : ''].join('|');
}

export function toPodHost(pod: WholePod, ctx: PodContext): PodHost {
  const key = keyOf(pod, ctx);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const host = buildPodHost(pod, ctx);
  cache.set(key, host);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return host;
}

/** Number of cached hosts; for tests of the bound. */
export function podHostCacheSize(): number {
  return cache.size;
}
