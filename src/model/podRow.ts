// One row of the Pod list. Called for every Pod on every change, so it reads only what the
// row shows and builds no container views.

import { timestampMs } from '../text/age.ts';
import { specContainers, statusIndex } from './kinds.ts';
import { bool, int, isObj, obj, stringMap, text, type Obj } from './read.ts';
import { podStatusColumns } from './status.ts';
import type { ContainerKind, PodRow } from './types.ts';
import type { LeanPod } from './leanPodType.ts';

type Health = PodRow['glyphs'][number]['health'];

export function containerHealth(kind: ContainerKind, status: Obj | undefined): Health {
  if (!status) return 'waiting';
  const state = obj(status.state);
  if (state.terminated != null) {
    const code = int(obj(state.terminated).exitCode);
    return code === 0 ? 'done' : 'failed';
  }
  if (state.waiting != null) {
    const reason = text(obj(state.waiting).reason) ?? '';
    const failing = /BackOff|Err|Error|Invalid|OOM/.test(reason);
    return failing ? 'failed' : 'waiting';
  }
  if (state.running != null) {
    if (kind === 'ephemeral' || kind === 'init') return 'ok';
    return bool(status.ready) === true ? 'ok' : 'waiting';
  }
  return 'waiting';
}

interface RowBase {
  row: Omit<PodRow, 'ageSeconds' | 'lastRestartAgeSeconds' | 'deleted'>;
  createdMs?: number;
  lastRestartMs?: number;
}

// Store Pods are replaced, never mutated, on each change, so the Pod object itself is the
// cache key; only the ages are worked out again on each call.
const bases = new WeakMap<object, RowBase>();

function rowBase(p: Obj): RowBase {
  const meta = obj(p.metadata);
  const spec = obj(p.spec);
  const columns = podStatusColumns(p);
  const statuses = statusIndex(p);
  return {
    row: {
      uid: text(meta.uid) ?? '',
      namespace: text(meta.namespace) ?? '',
      name: text(meta.name) ?? '',
      ready: columns.ready,
      status: columns.status,
      restarts: columns.restarts,
      node: text(spec.nodeName) ?? '',
      glyphs: specContainers(p).map((c) => ({ kind: c.kind, health: containerHealth(c.kind, statuses[c.kind].get(c.name)) })),
      labels: stringMap(meta.labels),
    },
    createdMs: timestampMs(meta.creationTimestamp),
    lastRestartMs: columns.lastRestartMs,
  };
}

/** One list row; pass any JSON-shaped Pod (a client-node V1Pod, a manifest). Treat the result as read-only: rows of one Pod object share their glyphs and labels. */
export function toPodRow(pod: LeanPod, now: number, deleted = false): PodRow {
  const p = obj(pod);
  let base = bases.get(p);
  if (!base) {
    base = rowBase(p);
    if (isObj(pod)) bases.set(p, base);
  }
  const row: PodRow = { ...base.row, deleted };
  if (Number.isFinite(now)) {
    if (base.createdMs !== undefined) row.ageSeconds = Math.floor((now - base.createdMs) / 1000);
    if (base.lastRestartMs !== undefined) row.lastRestartAgeSeconds = Math.floor((now - base.lastRestartMs) / 1000);
  }
  return row;
}
