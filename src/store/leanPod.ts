import type { V1Pod } from '@kubernetes/client-node';
import type { StoredPod } from './types.ts';

// The Pod as a list row needs it (model/podRow.ts, model/status.ts, model/kinds.ts), the
// filter (labels) and the list's keys (podActions.defaultContainer): every other Pod in the
// store is kept this way, and only the focused one whole. Everything is copied into fresh,
// small objects so that nothing keeps the decoded watch event alive.

/** Annotations something outside the Pod view reads: the default container for list keys, the benchmark's change stamp. */
const KEPT_ANNOTATIONS = ['kubectl.kubernetes.io/default-container', 'podview.dev/sim-changed-at'] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

// Values from a small vocabulary (phases, reasons, condition types, namespaces, node and
// container names, label values) repeat across Pods; JSON.parse makes a new string for each,
// so one shared copy saves its bytes in every other Pod.
// Bounded, so a cluster with unusual reasons cannot grow it without limit.
const vocabulary = new Map<string, string>();
function word(v: unknown): unknown {
  if (typeof v !== 'string' || v.length > 64) return v;
  const known = vocabulary.get(v);
  if (known !== undefined) return known;
  if (vocabulary.size < 4096) vocabulary.set(v, v);
  return v;
}

const RUNNING: Obj = Object.freeze({}) as Obj;

// Fixed-shape literals (absent fields become undefined, which every reader treats as absent):
// objects of one shape share a hidden class and hold their fields inline, about half the
// bytes of objects grown key by key.

function leanState(state: unknown): Obj | undefined {
  if (!isObj(state)) return undefined;
  const w = state.waiting;
  const t = state.terminated;
  return {
    running: state.running != null ? RUNNING : undefined,
    waiting: isObj(w) ? { reason: word(w.reason) } : w ?? undefined,
    terminated: isObj(t) ? { exitCode: t.exitCode, signal: t.signal, reason: word(t.reason) } : t ?? undefined,
  };
}

/** Of the previous instance only when it finished counts (the age of the last restart). */
function leanLastState(state: unknown): Obj | undefined {
  if (!isObj(state) || !isObj(state.terminated) || state.terminated.finishedAt === undefined) return undefined;
  return { terminated: { finishedAt: state.terminated.finishedAt } };
}

function leanStatuses(list: unknown): Obj[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.filter(isObj).map((s) => ({
    name: word(s.name),
    ready: s.ready,
    started: s.started,
    restartCount: s.restartCount,
    state: leanState(s.state),
    lastState: leanLastState(s.lastState),
  }));
}

// status.ts reads only these: Initialized and Ready (status True), PodScheduled when gated.
function readCondition(c: Obj): boolean {
  return c.type === 'Initialized' || c.type === 'Ready' || (c.type === 'PodScheduled' && c.reason === 'SchedulingGated');
}

function leanConditions(list: unknown): Obj[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.filter((c): c is Obj => isObj(c) && readCondition(c)).map((c) => ({ type: word(c.type), status: word(c.status), reason: word(c.reason) }));
}

function leanContainers(list: unknown, init: boolean): Obj[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.filter(isObj).map((c) => (init ? { name: word(c.name), restartPolicy: word(c.restartPolicy) } : { name: word(c.name) }));
}

/** Labels are read whole (filter, row); their values repeat across the Pods of a workload. */
function leanLabels(labels: unknown): unknown {
  if (!isObj(labels)) return labels;
  const out: Obj = {};
  for (const k of Object.keys(labels)) out[k] = word(labels[k]);
  return out;
}

function leanAnnotations(annotations: unknown): Record<string, string> | undefined {
  if (!isObj(annotations)) return undefined;
  let out: Record<string, string> | undefined;
  for (const k of KEPT_ANNOTATIONS) {
    const v = annotations[k];
    if (typeof v === 'string') (out ??= {})[k] = v;
  }
  return out;
}

/** The fields of a Pod that its list row, the filter and the list's keys read; nothing else. */
export function leanPod(pod: V1Pod): StoredPod {
  const p = pod as unknown as Obj;
  const m = p.metadata;
  const s = p.spec;
  const st = p.status;
  const out = {
    metadata: isObj(m)
      ? {
          name: m.name,
          namespace: word(m.namespace),
          uid: m.uid,
          resourceVersion: m.resourceVersion,
          creationTimestamp: m.creationTimestamp,
          deletionTimestamp: m.deletionTimestamp,
          labels: leanLabels(m.labels),
          annotations: leanAnnotations(m.annotations),
        }
      : undefined,
    spec: isObj(s)
      ? {
          nodeName: word(s.nodeName),
          containers: leanContainers(s.containers, false),
          initContainers: leanContainers(s.initContainers, true),
          ephemeralContainers: leanContainers(s.ephemeralContainers, false),
        }
      : undefined,
    status: isObj(st)
      ? {
          phase: word(st.phase),
          reason: word(st.reason),
          conditions: leanConditions(st.conditions),
          initContainerStatuses: leanStatuses(st.initContainerStatuses),
          containerStatuses: leanStatuses(st.containerStatuses),
          ephemeralContainerStatuses: leanStatuses(st.ephemeralContainerStatuses),
        }
      : undefined,
  };
  return out as unknown as V1Pod;
}
