// Findings about the Pod as a whole: it cannot be scheduled, it was evicted, it is being
// deleted, or it has been starting for longer than a normal start.

import { humanDuration, timestampMs } from '../text/age.ts';
import { ageSeconds, finding, STUCK_START_SECONDS } from './finding.ts';
import { isSidecar } from './kinds.ts';
import { obj, objs, str, text, type Obj } from './read.ts';
import type { ContainerView, Diagnosis, EventView } from './types.ts';

function condition(status: Obj, type: string): Obj | undefined {
  return objs(status.conditions).find((c) => str(c.type) === type);
}

function unschedulableLine(status: Obj, spec: Obj, now: number): Diagnosis | undefined {
  const scheduled = condition(status, 'PodScheduled');
  if (!scheduled || str(scheduled.status) !== 'False') return undefined;
  const reason = text(scheduled.reason) ?? '';
  const since = ageSeconds(scheduled.lastTransitionTime, now);
  const when = since === undefined ? '' : ` (since ${humanDuration(Math.max(0, since))} ago)`;
  if (reason === 'SchedulingGated') {
    const gates = objs(spec.schedulingGates);
    return finding('warning', 'SchedulingGated', undefined, `Pod is held by scheduling gates${when}`, text(scheduled.message) ?? gates.map((g) => text(g.name)).join(', '));
  }
  return finding('error', 'Unschedulable', undefined, `Pod cannot be scheduled${reason && reason !== 'Unschedulable' ? ` (${reason})` : ''}${when}`, text(scheduled.message) ?? reason);
}

function terminatingLine(meta: Obj, now: number): Diagnosis | undefined {
  if (meta.deletionTimestamp == null) return undefined;
  const deadline = timestampMs(meta.deletionTimestamp);
  const grace = typeof meta.deletionGracePeriodSeconds === 'number' ? meta.deletionGracePeriodSeconds : undefined;
  let evidence = '';
  if (deadline !== undefined && grace !== undefined && Number.isFinite(now)) {
    evidence = ` for ${humanDuration(Math.max(0, Math.floor((now - (deadline - grace * 1000)) / 1000)))} (grace period ${grace}s)`;
  } else if (deadline !== undefined && Number.isFinite(now)) {
    evidence = now > deadline ? `, ${humanDuration(Math.floor((now - deadline) / 1000))} past its deadline` : '';
  }
  const finalizers = Array.isArray(meta.finalizers) ? meta.finalizers.filter((f) => typeof f === 'string') : [];
  const held = finalizers.length ? `; finalizers: ${finalizers.map((f) => text(f)).join(', ')}` : '';
  return finding('warning', 'Terminating', undefined, `Pod is terminating${evidence}${held}`);
}

/** The init container the Pod waits on: the first that has not completed (or, for a native sidecar, is not started and ready). */
function initHolder(pod: Obj, containers: ContainerView[]): ContainerView | undefined {
  const specs = new Map(objs(obj(pod.spec).initContainers).map((c) => [str(c.name) ?? '', c]));
  for (const c of containers) {
    if (c.kind !== 'init' && c.kind !== 'sidecar') continue;
    if (c.state.state === 'terminated' && c.state.exitCode === 0) continue;
    if (isSidecar(specs.get(c.name)) && c.started === true && c.ready) continue;
    return c;
  }
  return undefined;
}

/** Waiting states that another finding already explains (an image that cannot be pulled, a crash loop). */
const QUIET_WAITS = new Set(['', 'PodInitializing', 'ContainerCreating']);

function stuckLines(pod: Obj, containers: ContainerView[], events: EventView[], now: number): Diagnosis[] {
  const status = obj(pod.status);
  if (str(status.phase) !== 'Pending' || obj(pod.metadata).deletionTimestamp != null) return [];
  if (str(condition(status, 'PodScheduled')?.status) === 'False') return [];
  const holder = str(condition(status, 'Initialized')?.status) === 'True' ? undefined : initHolder(pod, containers);
  if (holder) {
    if (holder.state.state === 'terminated' || (holder.state.state === 'waiting' && !QUIET_WAITS.has(holder.state.reason ?? ''))) return [];
    const since = holder.state.state === 'running' ? holder.state.since : (text(status.startTime) ?? text(obj(pod.metadata).creationTimestamp));
    const age = ageSeconds(since, now);
    if (age === undefined || age < STUCK_START_SECONDS) return [];
    const inits = containers.filter((c) => c.kind === 'init' || c.kind === 'sidecar');
    const doing = holder.state.state === 'running' ? `has been running since ${since}` : `is ${holder.state.reason ?? holder.state.state} since ${since}`;
    return [
      finding(
        'warning',
        'InitStuck',
        holder.name,
        `Pod has been initializing for ${humanDuration(age)}, longer than a normal start`,
        `init container ${holder.name} (${inits.indexOf(holder) + 1} of ${inits.length}) ${doing}; the app containers wait for it`,
      ),
    ];
  }
  const creating = containers.filter((c) => c.kind === 'app' && c.state.state === 'waiting' && c.state.reason === 'ContainerCreating');
  if (creating.length === 0) return [];
  const since = text(status.startTime) ?? text(obj(pod.metadata).creationTimestamp);
  const age = ageSeconds(since, now);
  if (age === undefined || age < STUCK_START_SECONDS) return [];
  const cause = events.find((e) => e.type === 'Warning' && /^Failed/.test(e.reason));
  const evidence = cause
    ? `${cause.reason}: ${cause.message} (${cause.count}x${cause.ageSeconds !== undefined ? `, last ${humanDuration(Math.max(0, cause.ageSeconds))} ago` : ''})`
    : `since ${since}; no Warning event says why`;
  return [
    finding(
      'warning',
      'ContainerCreatingStuck',
      creating[0]!.name,
      `${creating.map((c) => c.name).join(', ')} ${creating.length === 1 ? 'has' : 'have'} been ContainerCreating for ${humanDuration(age)}`,
      evidence,
    ),
  ];
}

export function podFindings(pod: unknown, containers: ContainerView[], events: EventView[], now: number): Diagnosis[] {
  const p = obj(pod);
  const meta = obj(p.metadata);
  const status = obj(p.status);
  const out: Diagnosis[] = [];
  const unschedulable = unschedulableLine(status, obj(p.spec), now);
  if (unschedulable) out.push(unschedulable);
  if (str(status.reason) === 'Evicted') out.push(finding('error', 'Evicted', undefined, 'Pod was evicted', text(status.message)));
  const terminating = terminatingLine(meta, now);
  if (terminating) out.push(terminating);
  out.push(...stuckLines(p, containers, events, now));
  return out;
}
