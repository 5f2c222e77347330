// The Pod as the codes of its status findings see it. The list works out every arriving Pod's
// worst finding (model/statusFindings.ts); running every rule on the whole Pod costs ~100 µs,
// most of it building views whose text no code depends on (messages, images, probe and
// volume details, limits, timestamps). This keeps, of a Pod, exactly what decides which codes
// diagnose() gives and how bad they are, as a small Pod the same rules read the same way:
//
//   - names become c0, c1… and v0, v1… (equal names stay equal): a rule compares names, never
//     reads one for a code, and then Pods of one workload (a token volume named per Pod, say)
//     project alike;
//   - of each container status: the state's kind and reason and a terminated exit code,
//     readiness, started, and of the last termination its reason, exit code and whether it is
//     recent at `now` (a recent one loses its time, which the rules count as recent; an old
//     one gets OLD, an hour before PROJECTION_NOW);
//   - of the spec: which probes there are, the ports two containers declare, the restart
//     policies; of the Pod: phase, an eviction, deletion, an unscheduled condition;
//   - of a Pending Pod also what tells whether it is stuck starting: whether it is
//     Initialized, and whether each time a start is measured from (the Pod's start or
//     creation, an init container's start) is unknown, under STUCK_START_SECONDS old (it
//     becomes PROJECTION_NOW) or over it (OLD).
//
// The volume lines read nothing but the spec's volumes and mounts, and come last in the
// diagnosis: they are a projection of their own (`volumes`: the volumes' kinds, each
// container's mounts), so a workload's volumes and its containers' states vary apart.
//
// Many Pods project alike (a healthy replica, a restart of the same container), so the rules
// run once per projection (statusFindings memoizes by it). The projection is written straight
// as JSON text, the memo's key, with no object built on the way: at 100,000 Pods the garbage
// of a small object tree per Pod cost more than reading the Pod. A container name sanitize would
// change is not projected (undefined): the Pod is diagnosed whole.
// test/model/findingProjection.test.ts holds the projection's findings equal to the Pod's.
import { timestampText } from '../text/age.ts';
import { ageSeconds, isRecent, STUCK_START_SECONDS } from './finding.ts';
import { int, isObj, obj, text, type Obj } from './read.ts';

/** The clock the projection is diagnosed at. */
export const PROJECTION_NOW = Date.parse('2000-01-01T02:00:00Z');
/** A finish time that is history at PROJECTION_NOW (two hours before it). */
const OLD = '"2000-01-01T00:00:00Z"';
const NOW_TEXT = `"${new Date(PROJECTION_NOW).toISOString()}"`;

/** A start time as stuckLines weighs it: unknown (a text that is no time), young, or old enough to be stuck. */
function startClass(since: string, now: number): string {
  const age = ageSeconds(since, now);
  if (age === undefined) return '"x"';
  return age < STUCK_START_SECONDS ? NOW_TEXT : OLD;
}

/** text() of a string: printable ASCII (nearly every name and reason) is left as it is, so is checked without sanitize's regex. */
function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return text(value);
  }
  return value;
}

/** A string as JSON: a field name or reason of letters only is quoted as it is. */
function json(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return JSON.stringify(s);
  }
  return `"${s}"`;
}

// The short names as JSON, made once.
const QUOTED = { c: Array.from({ length: 32 }, (_, i) => `"c${i}"`), v: Array.from({ length: 32 }, (_, i) => `"v${i}"`) };

/** Names to c0, c1…: the same text, the same name. */
function shortName(known: string[], prefix: 'c' | 'v', name: string): string {
  let i = known.indexOf(name);
  if (i < 0) i = known.push(name) - 1;
  return QUOTED[prefix][i] ?? `"${prefix}${i}"`;
}

/** The state; `now` only for a Pending Pod, whose running init container's start time counts. */
function stateJson(stateField: unknown, now: number | undefined): string {
  const state = isObj(stateField) ? stateField : undefined;
  if (state === undefined) return '{}';
  if (state.running != null) {
    const since = now === undefined ? undefined : timestampText(obj(state.running).startedAt);
    return since === undefined ? '{"running":{}}' : `{"running":{"startedAt":${startClass(since, now!)}}}`;
  }
  if (state.terminated != null) {
    const t = isObj(state.terminated) ? state.terminated : {};
    const reason = clean(t.reason);
    return `{"terminated":{"exitCode":${int(t.exitCode)}${reason ? `,"reason":${json(reason)}` : ''}}}`;
  }
  if (state.waiting != null) {
    const reason = isObj(state.waiting) ? clean(state.waiting.reason) : undefined;
    return `{"waiting":{${reason ? `"reason":${json(reason)}` : ''}}}`;
  }
  return '{}';
}

function lastJson(lastField: unknown, now: number): string {
  if (!isObj(lastField) || lastField.terminated == null) return '';
  const t = isObj(lastField.terminated) ? lastField.terminated : {};
  const reason = clean(t.reason);
  let out = ',"lastState":{"terminated":{';
  if (reason) out += `"reason":${json(reason)},`;
  if (typeof t.exitCode === 'number') out += `"exitCode":${int(t.exitCode)},`;
  if (!isRecent(timestampText(t.finishedAt), now)) out += `"finishedAt":${OLD},`;
  return `${out}"last":1}}`;
}

function statusJson(s: Obj, name: string, now: number, pending: boolean): string {
  let out = `{"name":${name}`;
  if (s.ready === true) out += ',"ready":true';
  if (typeof s.started === 'boolean') out += `,"started":${s.started}`;
  if (s.state != null) out += `,"state":${stateJson(s.state, pending ? now : undefined)}`;
  return `${out}${lastJson(s.lastState, now)}}`;
}

/** The status of this name in a status list: the first of it (kinds.ts statusIndex). */
function statusNamed(list: unknown, name: string): Obj | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const s of list) if (isObj(s) && s.name === name) return s;
  return undefined;
}

/** A port as portMap keys it: number and protocol. */
function portKeys(ports: unknown): string[] {
  const out: string[] = [];
  if (!Array.isArray(ports)) return out;
  for (const p of ports) {
    if (!isObj(p)) continue;
    const port = p.containerPort;
    if (typeof port !== 'number' || !Number.isFinite(port)) continue;
    out.push(`${Math.trunc(port)}/${clean(p.protocol) || 'TCP'}`);
  }
  return out;
}

function mountsJson(mounts: unknown, volumes: string[]): string {
  if (!Array.isArray(mounts)) return '';
  let out = '';
  for (const m of mounts) {
    if (!isObj(m)) continue;
    out += `${out ? ',' : ''}{"name":${shortName(volumes, 'v', clean(m.name) ?? '')}${m.readOnly === true ? ',"readOnly":true' : ''}}`;
  }
  return out ? `,"volumeMounts":[${out}]` : '';
}

function volumesJson(list: unknown, volumes: string[]): string {
  if (!Array.isArray(list)) return '[]';
  let out = '';
  for (const v of list) {
    if (!isObj(v)) continue;
    // The volume's source: its first object-valued field but the name (volumeSource).
    let kind: string | undefined;
    for (const k in v) {
      if (Object.hasOwn(v, k) && k !== 'name' && v[k] != null && typeof v[k] === 'object') {
        kind = k;
        break;
      }
    }
    out += `${out ? ',' : ''}{"name":${shortName(volumes, 'v', clean(v.name) ?? '')}${kind === undefined ? '' : `,${json(kind)}:{}`}}`;
  }
  return `[${out}]`;
}

const PROBES = ['startupProbe', 'livenessProbe', 'readinessProbe'] as const;
const LISTS = [
  ['initContainers', 'initContainerStatuses'],
  ['containers', 'containerStatuses'],
  ['ephemeralContainers', 'ephemeralContainerStatuses'],
] as const;

interface Projected {
  name: string;
  list: number;
  /** The container's JSON up to its ports. */
  head: string;
  ports: string[];
}

/** Ports (number/protocol) two containers of different names declare: the only ones the rules read (a conflict). */
function sharedPorts(containers: Projected[]): Set<string> | undefined {
  let shared: Set<string> | undefined;
  for (let i = 0; i < containers.length; i++) {
    const a = containers[i]!;
    for (const port of a.ports) {
      for (let j = i + 1; j < containers.length; j++) {
        const b = containers[j]!;
        if (b.name !== a.name && b.ports.includes(port)) (shared ??= new Set()).add(port);
      }
    }
  }
  return shared;
}

function portsJson(ports: string[], shared: Set<string> | undefined): string {
  if (!shared) return '';
  let out = '';
  for (const key of ports) {
    if (!shared.has(key)) continue;
    const slash = key.indexOf('/');
    out += `${out ? ',' : ''}{"containerPort":${key.slice(0, slash)},"protocol":${json(key.slice(slash + 1))}}`;
  }
  return out ? `,"ports":[${out}]` : '';
}

export interface FindingProjection {
  /** The Pod with no volumes or mounts, as JSON: every rule but the volume lines reads it at PROJECTION_NOW. */
  pod: string;
  /** The volumes and every container's mounts, as JSON: what the volume lines read. */
  volumes: string;
}

/** The Pod as its findings' codes see it, or undefined where it cannot stand for the Pod (see above). */
export function findingProjection(pod: unknown, now: number): FindingProjection | undefined {
  const p = isObj(pod) ? pod : {};
  const spec = isObj(p.spec) ? p.spec : {};
  const status = isObj(p.status) ? p.status : {};
  const phase = typeof status.phase === 'string' ? status.phase : undefined;
  const pending = phase === 'Pending';
  const containerNames: string[] = [];
  const volumeNames: string[] = [];
  // Volumes first, as volumeViews declares them before it meets the mounts.
  const volumes = volumesJson(spec.volumes, volumeNames);
  let mounts = '';
  const containers: Projected[] = [];
  const statuses = ['', '', ''];
  for (let list = 0; list < LISTS.length; list++) {
    const [specList, statusList] = LISTS[list]!;
    const items = spec[specList];
    if (!Array.isArray(items)) continue;
    for (const c of items) {
      if (!isObj(c)) continue;
      const raw = typeof c.name === 'string' ? c.name : '';
      // A name sanitize would change could meet another's: rules compare the text, statuses the raw name.
      if (clean(raw) !== raw) return undefined;
      const name = shortName(containerNames, 'c', raw);
      let head = `{"name":${name}`;
      if (list === 0 && c.restartPolicy === 'Always') head += ',"restartPolicy":"Always"';
      for (const probe of PROBES) {
        const v = c[probe];
        if (v != null && typeof v === 'object' && !Array.isArray(v)) head += `,"${probe}":{}`;
      }
      containers.push({ name, list, head, ports: portKeys(c.ports) });
      mounts += `${mounts ? ',' : ''}{"name":${name}${mountsJson(c.volumeMounts, volumeNames)}}`;
      const s = statusNamed(status[statusList], raw);
      if (s) statuses[list] += `${statuses[list] ? ',' : ''}${statusJson(s, name, now, pending)}`;
    }
  }
  const shared = sharedPorts(containers);
  const specLists = ['', '', ''];
  for (const c of containers) specLists[c.list] += `${specLists[c.list] ? ',' : ''}${c.head}${portsJson(c.ports, shared)}}`;
  let specJson = `{"initContainers":[${specLists[0]}],"containers":[${specLists[1]}],"ephemeralContainers":[${specLists[2]}]`;
  if (typeof spec.restartPolicy === 'string' && spec.restartPolicy !== '') specJson += `,"restartPolicy":${json(spec.restartPolicy)}`;
  let statusJsonText = `{"initContainerStatuses":[${statuses[0]}],"containerStatuses":[${statuses[1]}],"ephemeralContainerStatuses":[${statuses[2]}]`;
  if (phase !== undefined) statusJsonText += `,"phase":${json(phase)}`;
  if (status.reason === 'Evicted') statusJsonText += ',"reason":"Evicted"';
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  const scheduled = conditions.find((c) => isObj(c) && c.type === 'PodScheduled');
  let conditionsJson = '';
  if (isObj(scheduled) && scheduled.status === 'False') {
    conditionsJson = `{"type":"PodScheduled","status":"False"${clean(scheduled.reason) === 'SchedulingGated' ? ',"reason":"SchedulingGated"' : ''}}`;
  }
  const meta = isObj(p.metadata) ? p.metadata : {};
  let metaJson = meta.deletionTimestamp != null ? `"deletionTimestamp":${OLD}` : '';
  if (pending) {
    const initialized = conditions.find((c) => isObj(c) && c.type === 'Initialized');
    if (isObj(initialized) && initialized.status === 'True') conditionsJson += `${conditionsJson ? ',' : ''}{"type":"Initialized","status":"True"}`;
    const started = text(status.startTime);
    if (started !== undefined) statusJsonText += `,"startTime":${startClass(started, now)}`;
    const created = text(meta.creationTimestamp);
    if (created !== undefined) metaJson += `${metaJson ? ',' : ''}"creationTimestamp":${startClass(created, now)}`;
  }
  if (conditionsJson) statusJsonText += `,"conditions":[${conditionsJson}]`;
  return {
    pod: `{"metadata":{${metaJson}},"spec":${specJson}},"status":${statusJsonText}}}`,
    volumes: `{"spec":{"volumes":${volumes},"containers":[${mounts}]}}`,
  };
}
