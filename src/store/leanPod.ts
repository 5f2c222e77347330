import type { V1Container, V1ContainerState, V1ContainerStateRunning, V1ContainerStatus, V1EphemeralContainer, V1Pod, V1PodCondition } from '@kubernetes/client-node';
import type { LeanCondition, LeanContainer, LeanContainerState, LeanContainerStatus, LeanInitContainer, LeanLastState, LeanPod, LeanResources } from '../model/leanPodType.ts';
import type { FindingTimeline } from '../model/findingTimeline.ts';

// The Pod as a list row needs it (model/podRow.ts, model/status.ts, model/kinds.ts), the
// filter (labels; container names and images) and the list's keys (model/defaultContainer): every other Pod in the
// store is kept this way, and only the focused one whole. Everything is copied into fresh,
// small objects so that nothing keeps the decoded watch event alive. Each value is copied as
// the decoded JSON holds it, wrong types included (V1Pod's types are what a well-formed Pod
// holds, no more): the list's readers check types themselves, and must answer the same for the
// lean copy as for the whole Pod (test/store/leanPodProperties.test.ts).

/**
 * The annotation the sim's churn stamps on every Pod it changes (ms since the epoch), read by
 * the frame probe (src/cli/runtime/frameProbe.ts). The sim, which imports nothing of the
 * product, writes its own copy (src/sim/churn.ts CHANGED_AT); a test holds the two equal.
 */
export const CHANGED_AT_ANNOTATION = 'podview.dev/sim-changed-at';

/** Annotations something outside the Pod view reads: the default container for list keys, the benchmark's change stamp. */
const KEPT_ANNOTATIONS = ['kubectl.kubernetes.io/default-container', CHANGED_AT_ANNOTATION] as const;

type Obj = Record<string, unknown>;
/** Whether the decoded JSON holds an object here (its type may promise one where the server sent anything). */
const isObj = <T>(v: T): v is T & Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

// Values from a small vocabulary (phases, reasons, condition types, namespaces, node and
// container names, label values) repeat across Pods; JSON.parse makes a new string for each,
// so one shared copy saves its bytes in every other Pod.
// Bounded, so a cluster with unusual reasons cannot grow it without limit.
const vocabulary = new Map<string, string>();
function word(v: string): string;
function word(v: string | undefined): string | undefined;
function word(v: unknown): unknown {
  if (typeof v !== 'string' || v.length > 64) return v;
  const known = vocabulary.get(v);
  if (known !== undefined) return known;
  if (vocabulary.size < 4096) vocabulary.set(v, v);
  return v;
}

const RUNNING: Pick<V1ContainerStateRunning, never> = Object.freeze({});

// Most Pods of a cluster are alike in everything a row reads but their names: the same
// containers, Ready conditions, a running state with no restarts, the labels of their
// workload. Those parts are built once, frozen and shared by every Pod that has them (keyed
// by their content), so 100,000 Pods hold a few hundred such objects instead of a million,
// and a watch event that changes one field allocates only what is new.
//
// Bounded, in two generations: when the current table is full it becomes the previous one and
// a new table starts; a part looked up again is found in the previous table and moved into
// the current one, so the parts Pods still share survive the turn, and only parts unused for a
// whole generation are let go (Pods holding them keep them). Churn mints new parts all the time
// (each new restart count or readiness): with a single table that started over when full, every
// Pod changed after a restart got copies of its own of parts all Pods share (150,000 Pods, 60 s
// at 1,000 changes/s: 217 MB live heap against 172 MB for a fresh TUI). Both tables full are
// estimated at ~12 MB (keys and entries; the parts themselves are held by the Pods).
export const SHARED_PART_LIMIT = 65_536;
let shared = new Map<string, unknown>();
let previous = new Map<string, unknown>();
function share<T>(key: string, build: () => T): T {
  const known = shared.get(key);
  if (known !== undefined) return known as T;
  const value = (previous.get(key) as T | undefined) ?? deepFreeze(build());
  if (shared.size >= SHARED_PART_LIMIT) {
    previous = shared;
    shared = new Map();
  }
  shared.set(key, value);
  return value;
}
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
/** Number of shared parts held in both tables; for tests of the bound and the bench's probe. */
export const sharedPartCount = (): number => shared.size + previous.size;

/** A key part for a value of a row-visible field: its type and text (so 1 and "1" differ), strings length-prefixed so no text can pass for two parts. */
let uniqueKeys = 0;
function k(v: unknown): string {
  if (typeof v === 'string') return `s${v.length}:${v}`;
  if (v === undefined) return 'u';
  if (v === null) return 'n';
  // An object where a scalar belongs (a malformed Pod): a key of its own, so it is never shared.
  if (typeof v === 'object' || typeof v === 'function') return `o${uniqueKeys++}`;
  return `${(typeof v)[0]}${String(v)}`;
}

// Fixed-shape literals (absent fields become undefined, which every reader treats as absent):
// objects of one shape share a hidden class and hold their fields inline, about half the
// bytes of objects grown key by key.

function leanState(state: V1ContainerState | undefined): LeanContainerState | undefined {
  if (!isObj(state)) return undefined;
  const w = state.waiting;
  const t = state.terminated;
  // A state holding something else than an object or nothing (malformed) is copied, not shared.
  if ((w != null && !isObj(w)) || (t != null && !isObj(t))) {
    return {
      running: state.running != null ? RUNNING : undefined,
      waiting: isObj(w) ? { reason: word(w.reason) } : (w ?? undefined),
      terminated: isObj(t) ? { exitCode: t.exitCode, signal: t.signal, reason: word(t.reason) } : (t ?? undefined),
    };
  }
  const running = state.running != null;
  const key = `st|${running ? 1 : 0}|${isObj(w) ? `w${k(w.reason)}` : ''}|${isObj(t) ? `t${k(t.exitCode)}|${k(t.signal)}|${k(t.reason)}` : ''}`;
  return share(key, () => ({
    running: running ? RUNNING : undefined,
    waiting: isObj(w) ? { reason: word(w.reason) } : undefined,
    terminated: isObj(t) ? { exitCode: t.exitCode, signal: t.signal, reason: word(t.reason) } : undefined,
  }));
}

/** Of the previous instance only when it finished counts (the age of the last restart). */
function leanLastState(state: V1ContainerState | undefined): LeanLastState | undefined {
  if (!isObj(state) || !isObj(state.terminated) || state.terminated.finishedAt === undefined) return undefined;
  return { terminated: { finishedAt: state.terminated.finishedAt } };
}

function leanStatus(s: V1ContainerStatus): LeanContainerStatus {
  const state = leanState(s.state);
  const lastState = leanLastState(s.lastState);
  const build = (): LeanContainerStatus => ({ name: word(s.name), ready: s.ready, started: s.started, restartCount: s.restartCount, state, lastState });
  // The last restart's time is the Pod's own; a status with one is not shared.
  if (lastState !== undefined || (state !== undefined && !Object.isFrozen(state))) return build();
  return share(`cs|${k(s.name)}|${k(s.ready)}|${k(s.started)}|${k(s.restartCount)}|${state === undefined ? '' : keyOfShared(state)}`, build);
}

// Shared parts are identified by the object itself inside a bigger key.
const sharedIds = new WeakMap<object, number>();
let nextSharedId = 1;
function keyOfShared(part: object): string {
  let id = sharedIds.get(part);
  if (id === undefined) sharedIds.set(part, (id = nextSharedId++));
  return `#${id}`;
}

/** A list of parts, shared as a whole when every part is. */
function shareList<T extends object>(tag: string, parts: T[]): T[] {
  if (!parts.every((p) => Object.isFrozen(p))) return parts;
  return share(`${tag}|${parts.map(keyOfShared).join(',')}`, () => parts);
}

function leanStatuses(list: V1ContainerStatus[] | undefined): LeanContainerStatus[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return shareList('css', list.filter(isObj).map(leanStatus));
}

// status.ts reads only these: Initialized and Ready (status True), PodScheduled when gated.
function readCondition(c: V1PodCondition): boolean {
  return c.type === 'Initialized' || c.type === 'Ready' || (c.type === 'PodScheduled' && c.reason === 'SchedulingGated');
}

function leanConditions(list: V1PodCondition[] | undefined): LeanCondition[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const read = list.filter((c) => isObj(c) && readCondition(c));
  return shareList(
    'conds',
    read.map((c) => share(`cond|${k(c.type)}|${k(c.status)}|${k(c.reason)}`, (): LeanCondition => ({ type: word(c.type), status: word(c.status), reason: word(c.reason) }))),
  );
}

/** The cpu and memory limits only (the list's CPU and MEM columns measure use against them). */
function limitsKey(c: V1Container | V1EphemeralContainer): string {
  const limits = isObj(c.resources) && isObj(c.resources.limits) ? c.resources.limits : undefined;
  return limits ? `|${k(limits.cpu)}|${k(limits.memory)}` : '';
}
function leanResources(c: V1Container | V1EphemeralContainer): LeanResources | undefined {
  const limits = isObj(c.resources) && isObj(c.resources.limits) ? c.resources.limits : undefined;
  return limits ? { limits: { cpu: limits.cpu, memory: limits.memory } } : undefined;
}

function leanContainers(list: (V1Container | V1EphemeralContainer)[] | undefined): LeanContainer[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const parts = list.filter(isObj).map((c) => share(`c|${k(c.name)}|${k(c.image)}${limitsKey(c)}`, (): LeanContainer => ({ name: word(c.name), image: c.image, resources: leanResources(c) })));
  return shareList('cs', parts);
}

function leanInitContainers(list: V1Container[] | undefined): LeanInitContainer[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const parts = list
    .filter(isObj)
    .map((c) =>
      share(
        `ic|${k(c.name)}|${k(c.restartPolicy)}|${k(c.image)}${limitsKey(c)}`,
        (): LeanInitContainer => ({ name: word(c.name), restartPolicy: word(c.restartPolicy), image: c.image, resources: leanResources(c) }),
      ),
    );
  return shareList('ics', parts);
}

/** Labels are read whole (filter, row); the Pods of a workload have the same ones. */
function leanLabels(labels: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!isObj(labels)) return labels;
  const keys = Object.keys(labels);
  let key = 'labels';
  for (const name of keys) {
    const v = labels[name];
    if (typeof v !== 'string') return copyLabels(labels, keys);
    key += `|${name.length}:${name}=${v}`;
  }
  return share(key, () => copyLabels(labels, keys));
}

function copyLabels(labels: Record<string, string>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of keys) out[name] = word(labels[name]!);
  return out;
}

function leanAnnotations(annotations: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!isObj(annotations)) return undefined;
  let out: Record<string, string> | undefined;
  for (const k of KEPT_ANNOTATIONS) {
    const v = annotations[k];
    if (typeof v === 'string') (out ??= {})[k] = v;
  }
  return out;
}

/**
 * The fields of a Pod that its list row, the filter and the list's keys read; nothing else.
 * `timeline`: the Pod's worst finding, now and later, worked out from the whole Pod (store/podFinding.ts).
 */
export function leanPod(pod: V1Pod, timeline?: FindingTimeline): LeanPod {
  const m = pod.metadata;
  const s = pod.spec;
  const st = pod.status;
  return {
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
          // Required in a V1PodSpec; a spec without a list of them lists none either way.
          containers: leanContainers(s.containers) ?? [],
          initContainers: leanInitContainers(s.initContainers),
          ephemeralContainers: leanContainers(s.ephemeralContainers),
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
    finding: timeline?.finding,
    findingLater: timeline?.findingLater,
  };
}
