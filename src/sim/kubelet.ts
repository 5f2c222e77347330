// What a kubelet writes into a Pod's status when a container dies: pure functions from a Pod to
// the next Pod, used by the control API, the live scenario and the churn generator.
import type { KObject } from './objectStore.ts';

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export interface Termination {
  reason?: string;
  exitCode?: number;
}

function clone(pod: KObject): KObject {
  return structuredClone(pod);
}

function findStatus(pod: KObject, container: string): KObject | undefined {
  const st = pod.status ?? {};
  return [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? [])].find((c: KObject) => c.name === container);
}

function nextContainerId(cs: KObject, restarts: number): string {
  const base = (cs.containerID ?? `containerd://${cs.name}`).replace(/-r\d+$/, '');
  return `${base}-r${restarts}`;
}

/** Recomputes the Ready and ContainersReady conditions from the containers' ready flags. */
export function refreshReadiness(pod: KObject, nowMs: number): void {
  const st = pod.status ?? (pod.status = {});
  const statuses: KObject[] = st.containerStatuses ?? [];
  const ready = statuses.length > 0 && statuses.every((c) => c.ready);
  const value = ready ? 'True' : 'False';
  for (const type of ['Ready', 'ContainersReady']) {
    const conds: KObject[] = st.conditions ?? (st.conditions = []);
    let c = conds.find((x) => x.type === type);
    if (!c) conds.push((c = { type, status: value, lastProbeTime: null, lastTransitionTime: iso(nowMs) }));
    if (c.status !== value) {
      c.status = value;
      c.lastTransitionTime = iso(nowMs);
      if (ready) {
        delete c.reason;
        delete c.message;
      } else {
        c.reason = 'ContainersNotReady';
        c.message = `containers with unready status: [${statuses.filter((s) => !s.ready).map((s) => s.name).join(' ')}]`;
      }
    }
  }
}

function terminate(cs: KObject, nowMs: number, t: Termination): void {
  const startedAt = cs.state?.running?.startedAt ?? cs.lastState?.terminated?.finishedAt ?? iso(nowMs - 60_000);
  cs.lastState = { terminated: { exitCode: t.exitCode ?? 1, reason: t.reason ?? 'Error', startedAt, finishedAt: iso(nowMs), containerID: cs.containerID } };
  cs.restartCount = (cs.restartCount ?? 0) + 1;
  cs.containerID = nextContainerId(cs, cs.restartCount);
}

/** The container died and was started again at once: running, restartCount + 1, lastState kept. */
export function restartContainer(pod: KObject, container: string, nowMs: number, t: Termination = {}): KObject | undefined {
  const next = clone(pod);
  const cs = findStatus(next, container);
  if (!cs) return undefined;
  terminate(cs, nowMs, t);
  cs.state = { running: { startedAt: iso(nowMs) } };
  cs.ready = true;
  cs.started = true;
  refreshReadiness(next, nowMs);
  return next;
}

/** The container died and the kubelet is backing off: waiting in CrashLoopBackOff, not ready. */
export function crashLoop(pod: KObject, container: string, nowMs: number, t: Termination = {}): KObject | undefined {
  const next = clone(pod);
  const cs = findStatus(next, container);
  if (!cs) return undefined;
  terminate(cs, nowMs, { reason: t.reason ?? 'Error', exitCode: t.exitCode ?? 1 });
  const backoff = Math.min(300, 10 * 2 ** Math.min(5, cs.restartCount - 1));
  const md = next.metadata ?? {};
  cs.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${backoff >= 60 ? `${backoff / 60}m0s` : `${backoff}s`} restarting failed container=${container} pod=${md.name}_${md.namespace}(${md.uid})` } };
  cs.ready = false;
  cs.started = false;
  refreshReadiness(next, nowMs);
  return next;
}

/** Killed by the kernel for exceeding its memory limit, then restarted: lastState OOMKilled 137. */
export function oomKill(pod: KObject, container: string, nowMs: number): KObject | undefined {
  return restartContainer(pod, container, nowMs, { reason: 'OOMKilled', exitCode: 137 });
}

/** Flips a running container's readiness, as a failing then passing readiness probe does. */
export function toggleReady(pod: KObject, container: string, nowMs: number): KObject | undefined {
  const next = clone(pod);
  const cs = findStatus(next, container);
  if (!cs?.state?.running) return undefined;
  cs.ready = !cs.ready;
  refreshReadiness(next, nowMs);
  return next;
}
