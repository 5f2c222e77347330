// The parts of Pod status the kubelet derives from its containers: phase, the five conditions and
// the QoS class. Shared by the scenario builders and the kubelet transitions so both agree.
import type { V1Container, V1ContainerStatus, V1Pod, V1PodCondition, V1PodStatus } from '@kubernetes/client-node';
import { ts } from './meta.ts';

const isSidecar = (c: V1Container): boolean => c.restartPolicy === 'Always';

/** kubelet's getPhase: waiting without a previous run keeps the Pod Pending. */
export function podPhase(pod: V1Pod): string {
  const spec = pod.spec!;
  const status = pod.status ?? {};
  if (!initDone(pod)) return 'Pending';
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  const regular = status.containerStatuses ?? [];
  for (const c of spec.containers) {
    const s = regular.find((x) => x.name === c.name);
    if (!s || s.state?.waiting) {
      if (s?.lastState?.terminated) stopped++;
      else waiting++;
    } else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    const policy = spec.restartPolicy ?? 'Always';
    if (policy === 'Always') return 'Running';
    return stopped === succeeded ? 'Succeeded' : policy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

/** Regular init containers exited 0 and every sidecar before them has started. */
function initDone(pod: V1Pod): boolean {
  const statuses = pod.status?.initContainerStatuses ?? [];
  return (pod.spec!.initContainers ?? []).every((c) => {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) return false;
    return isSidecar(c) ? s.started === true : s.state?.terminated?.exitCode === 0;
  });
}

function pendingInit(pod: V1Pod): string[] {
  const statuses = pod.status?.initContainerStatuses ?? [];
  return (pod.spec!.initContainers ?? [])
    .filter((c) => {
      const s = statuses.find((x) => x.name === c.name);
      return !s || (isSidecar(c) ? s.started !== true : s.state?.terminated?.exitCode !== 0);
    })
    .map((c) => c.name);
}

function unready(pod: V1Pod): string[] {
  const find = (list: V1ContainerStatus[] | undefined, name: string) => list?.find((s) => s.name === name);
  const sidecars = (pod.spec!.initContainers ?? []).filter(isSidecar).filter((c) => !find(pod.status?.initContainerStatuses, c.name)?.ready);
  const regular = pod.spec!.containers.filter((c) => !find(pod.status?.containerStatuses, c.name)?.ready);
  return [...sidecars, ...regular].map((c) => c.name);
}

/** Conditions as the kubelet writes them; a condition keeps its lastTransitionTime while its status holds. */
export function podConditions(pod: V1Pod, phase: string, nowMs: number, scheduledMs: number): V1PodCondition[] {
  const previous = new Map((pod.status?.conditions ?? []).map((c) => [c.type, c]));
  const make = (type: string, ok: boolean, reason?: string, message?: string): V1PodCondition => {
    const before = previous.get(type);
    const status = ok ? 'True' : 'False';
    const since = before && before.status === status ? before.lastTransitionTime : ts(type === 'PodScheduled' ? scheduledMs : nowMs);
    return { type, status, lastProbeTime: null as unknown as Date, lastTransitionTime: since, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
  };
  const done = phase === 'Succeeded' || phase === 'Failed';
  const sandbox = !done;
  const waitingInit = pendingInit(pod);
  const notReady = unready(pod);
  const list = (names: string[]) => `[${names.join(' ')}]`;
  const initialized = done
    ? make('Initialized', true, phase === 'Succeeded' ? 'PodCompleted' : undefined)
    : waitingInit.length
      ? make('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: ${list(waitingInit)}`)
      : make('Initialized', true);
  const readyOk = !done && notReady.length === 0;
  const readyReason = done ? 'PodCompleted' : 'ContainersNotReady';
  const readyMessage = done ? undefined : `containers with unready status: ${list(notReady)}`;
  return [
    make('PodReadyToStartContainers', sandbox),
    initialized,
    readyOk ? make('Ready', true) : make('Ready', false, readyReason, readyMessage),
    readyOk ? make('ContainersReady', true) : make('ContainersReady', false, readyReason, readyMessage),
    make('PodScheduled', true),
  ];
}

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

/** Guaranteed when every container limits cpu and memory with requests equal to limits; BestEffort with none at all. */
export function qosClass(containers: readonly { resources?: Resources }[]): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const { requests = {}, limits = {} } = c.resources ?? {};
    for (const r of ['cpu', 'memory']) {
      if (requests[r] !== undefined || limits[r] !== undefined) any = true;
      const request = requests[r] ?? limits[r];
      if (limits[r] === undefined || request !== limits[r]) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Recomputes phase and conditions after container statuses changed; returns a new status. */
export function settleStatus(pod: V1Pod, nowMs: number): V1PodStatus {
  const phase = podPhase(pod);
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.lastTransitionTime;
  const scheduledMs = scheduled ? Date.parse(String(scheduled)) : nowMs;
  return { ...pod.status, phase, conditions: podConditions(pod, phase, nowMs, scheduledMs) };
}
