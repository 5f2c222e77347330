// The STATUS, READY and RESTARTS columns exactly as kubectl prints them: a port of
// printPod in kubernetes/pkg/printers/internalversion/printers.go (1.29+, native sidecars).

import { timestampMs } from '../text/age.ts';
import { sanitize } from '../text/sanitize.ts';
import { isSidecar } from './kinds.ts';
import { bool, int, obj, objs, str, type Obj } from './read.ts';
import type { LeanPod } from './leanPodType.ts';

export interface PodStatusColumns {
  status: string;
  ready: string;
  readyCount: number;
  totalCount: number;
  restarts: number;
  /** ms since epoch of the latest restart counted in `restarts`, when known. */
  lastRestartMs?: number;
}

function terminatedExit(t: Obj, prefix: string): string {
  const signal = int(t.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${int(t.exitCode)}`;
}

function lastFinished(status: Obj): number | undefined {
  return timestampMs(obj(obj(status.lastState).terminated).finishedAt);
}

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

function hasCondition(status: Obj, type: string): boolean {
  return objs(status.conditions).some((c) => str(c.type) === type && str(c.status) === 'True');
}

export function podStatusColumns(pod: LeanPod): PodStatusColumns {
  const p = obj(pod);
  const spec = obj(p.spec);
  const status = obj(p.status);
  const meta = obj(p.metadata);
  const phase = str(status.phase) ?? '';
  let reason = str(status.reason) || phase;

  for (const c of objs(status.conditions)) {
    if (str(c.type) === 'PodScheduled' && str(c.reason) === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initSpecs = new Map<string, Obj>();
  const initList = objs(spec.initContainers);
  let total = objs(spec.containers).length;
  for (const c of initList) {
    const name = str(c.name) ?? '';
    if (!initSpecs.has(name)) initSpecs.set(name, c);
    if (isSidecar(c)) total++;
  }

  let restarts = 0;
  let sidecarRestarts = 0;
  let ready = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let initializing = false;

  const initStatuses = objs(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const sidecar = isSidecar(initSpecs.get(str(cs!.name) ?? ''));
    restarts += int(cs!.restartCount);
    lastRestart = later(lastRestart, lastFinished(cs!));
    if (sidecar) {
      sidecarRestarts += int(cs!.restartCount);
      lastSidecarRestart = later(lastSidecarRestart, lastFinished(cs!));
    }
    const state = obj(cs!.state);
    const terminated = state.terminated !== undefined && state.terminated !== null ? obj(state.terminated) : undefined;
    const waiting = state.waiting !== undefined && state.waiting !== null ? obj(state.waiting) : undefined;
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (sidecar && bool(cs!.started) === true) {
      if (bool(cs!.ready) === true) ready++;
      continue;
    }
    if (terminated) {
      const r = str(terminated.reason) ?? '';
      reason = r.length === 0 ? terminatedExit(terminated, 'Init:') : `Init:${r}`;
    } else if (waiting && (str(waiting.reason) ?? '').length > 0 && str(waiting.reason) !== 'PodInitializing') {
      reason = `Init:${str(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${initList.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(status, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = objs(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += int(cs!.restartCount);
      lastRestart = later(lastRestart, lastFinished(cs!));
      const state = obj(cs!.state);
      const waiting = state.waiting != null ? obj(state.waiting) : undefined;
      const terminated = state.terminated != null ? obj(state.terminated) : undefined;
      const running = state.running != null;
      if (waiting && (str(waiting.reason) ?? '') !== '') {
        reason = str(waiting.reason) as string;
      } else if (terminated && (str(terminated.reason) ?? '') !== '') {
        reason = str(terminated.reason) as string;
      } else if (terminated) {
        reason = terminatedExit(terminated, '');
      } else if (bool(cs!.ready) === true && running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(status, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = meta.deletionTimestamp !== undefined && meta.deletionTimestamp !== null;
  if (deleting && str(status.reason) === 'NodeLost') reason = 'Unknown';
  else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  return {
    // Built from reasons the kubelet (or anyone who can write a Pod's status) chose: sanitized
    // here like every other field, so -o json/yaml and the list never carry its escapes.
    status: sanitize(reason),
    ready: `${ready}/${total}`,
    readyCount: ready,
    totalCount: total,
    restarts,
    lastRestartMs: restarts !== 0 ? lastRestart : undefined,
  };
}
