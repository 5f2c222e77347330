// Pure kubelet transitions for the sim's control API and churn: each returns a NEW Pod (the input
// is never touched) with container statuses changed and phase/conditions re-derived to match.
import type { V1Container, V1ContainerStatus, V1EphemeralContainer, V1Pod } from '@kubernetes/client-node';
import type { Rng } from './rng.ts';
import { containerID, imageID, qualifiedImage } from './builders.ts';
import { ts } from './meta.ts';
import { settleStatus } from './podStatus.ts';

type StatusList = 'containerStatuses' | 'initContainerStatuses' | 'ephemeralContainerStatuses';
const LISTS: StatusList[] = ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses'];

function locate(pod: V1Pod, container: string): StatusList {
  const list = LISTS.find((l) => pod.status?.[l]?.some((s) => s.name === container));
  if (!list) throw new Error(`container ${container} not found in pod ${pod.metadata?.namespace}/${pod.metadata?.name}`);
  return list;
}

/** Copies the Pod along the path that changes and applies `change` to one container's status. */
function withContainer(pod: V1Pod, container: string, nowMs: number, change: (s: V1ContainerStatus) => V1ContainerStatus): V1Pod {
  const list = locate(pod, container);
  const statuses = pod.status![list]!.map((s) => (s.name === container ? change(structuredClone(s)) : s));
  const next: V1Pod = { ...pod, status: { ...pod.status, [list]: statuses } };
  return { ...next, status: settleStatus(next, nowMs) };
}

const uidOf = (pod: V1Pod): string => pod.metadata?.uid ?? `${pod.metadata?.namespace}/${pod.metadata?.name}`;

function lastFrom(s: V1ContainerStatus, reason: string, exitCode: number, nowMs: number): V1ContainerStatus['lastState'] {
  const startedAt = s.state?.running?.startedAt ?? s.state?.terminated?.startedAt ?? ts(nowMs - 1000);
  return { terminated: { exitCode, reason, startedAt, finishedAt: ts(nowMs), containerID: s.containerID ?? '' } };
}

function readinessProbed(pod: V1Pod, name: string): boolean {
  const spec = containerSpec(pod, name);
  return !!spec && 'readinessProbe' in spec && !!spec.readinessProbe;
}

/** The container died (reason/exitCode) and the kubelet started it again at nowMs. */
export function restartContainer(pod: V1Pod, container: string, opts: { reason: string; exitCode: number; nowMs: number }): V1Pod {
  return withContainer(pod, container, opts.nowMs, (s) => {
    const restartCount = s.restartCount + 1;
    return {
      ...s,
      lastState: lastFrom(s, opts.reason, opts.exitCode, opts.nowMs),
      restartCount,
      state: { running: { startedAt: ts(opts.nowMs) } },
      containerID: containerID(uidOf(pod), s.name, restartCount),
      started: true,
      // Without a readiness probe a running container is ready at once; with one, not until it passes.
      ready: !readinessProbed(pod, s.name),
    };
  });
}

/** The container exited with an error and the kubelet is backing off before the next start. */
export function crashLoop(pod: V1Pod, container: string, opts: { exitCode: number; nowMs: number }): V1Pod {
  return withContainer(pod, container, opts.nowMs, (s) => ({
    ...s,
    lastState: lastFrom(s, 'Error', opts.exitCode, opts.nowMs),
    restartCount: s.restartCount + 1,
    state: {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${Math.min(300, 10 * 2 ** Math.min(5, s.restartCount))}s restarting failed container=${s.name} pod=${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`,
      },
    },
    ready: false,
    started: false,
  }));
}

/** Killed by the kernel OOM killer (137) and restarted. */
export function oomKill(pod: V1Pod, container: string, nowMs: number): V1Pod {
  return restartContainer(pod, container, { reason: 'OOMKilled', exitCode: 137, nowMs });
}

export function setReady(pod: V1Pod, container: string, ready: boolean, nowMs: number = Date.now()): V1Pod {
  return withContainer(pod, container, nowMs, (s) => ({ ...s, ready: ready && !!s.state?.running }));
}

/** Deletion requested: deletionTimestamp = now + grace period; containers keep running until then. */
export function markTerminating(pod: V1Pod, nowMs: number, graceSeconds = pod.spec?.terminationGracePeriodSeconds ?? 30): V1Pod {
  if (pod.metadata?.deletionTimestamp) return pod;
  return { ...pod, metadata: { ...pod.metadata, deletionTimestamp: ts(nowMs + graceSeconds * 1000), deletionGracePeriodSeconds: graceSeconds } };
}

/** `kubectl debug`: the spec gains an ephemeral container and the kubelet reports it waiting. */
export function addEphemeralContainer(pod: V1Pod, spec: V1EphemeralContainer, nowMs: number): V1Pod {
  const container: V1EphemeralContainer = { imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {}, ...spec };
  const status: V1ContainerStatus = {
    name: spec.name,
    image: qualifiedImage(spec.image!),
    imageID: '',
    ready: false,
    restartCount: 0,
    state: { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
  };
  const next: V1Pod = {
    ...pod,
    spec: { ...pod.spec!, ephemeralContainers: [...(pod.spec?.ephemeralContainers ?? []), container] },
    status: { ...pod.status, ephemeralContainerStatuses: [...(pod.status?.ephemeralContainerStatuses ?? []), status] },
  };
  return { ...next, status: settleStatus(next, nowMs) };
}

export function ephemeralRunning(pod: V1Pod, name: string, nowMs: number): V1Pod {
  const spec = pod.spec?.ephemeralContainers?.find((c) => c.name === name);
  return withContainer(pod, name, nowMs, (s) => ({
    ...s,
    imageID: imageID(spec?.image ?? s.image),
    containerID: containerID(uidOf(pod), name, 0),
    state: { running: { startedAt: ts(nowMs) } },
    started: true,
  }));
}

const runningContainers = (pod: V1Pod): V1ContainerStatus[] => (pod.status?.containerStatuses ?? []).filter((s) => s.state?.running);

/** One plausible thing a kubelet might report next, for churn: restarts, readiness flaps, recoveries. */
export function randomStatusChange(pod: V1Pod, rng: Rng, nowMs: number): V1Pod {
  const statuses = pod.status?.containerStatuses ?? [];
  if (!statuses.length || pod.metadata?.deletionTimestamp) return pod;
  const target = rng.pick(statuses);
  const roll = rng.next();
  if (target.state?.waiting) {
    // Recovery: the back-off ended and the container came up.
    return withContainer(pod, target.name, nowMs, (s) => ({
      ...s,
      state: { running: { startedAt: ts(nowMs) } },
      started: true,
      ready: true,
      containerID: s.containerID ?? containerID(uidOf(pod), s.name, s.restartCount),
      imageID: s.imageID || imageID(s.image),
    }));
  }
  if (!target.state?.running) return pod;
  if (roll < 0.5) return setReady(pod, target.name, !target.ready, nowMs);
  if (roll < 0.75) return restartContainer(pod, target.name, { reason: 'Error', exitCode: rng.pick([1, 2, 143]), nowMs });
  if (roll < 0.9) return runningContainers(pod).length ? oomKill(pod, target.name, nowMs) : pod;
  return crashLoop(pod, target.name, { exitCode: 1, nowMs });
}

/** The container spec by name among containers, init containers and ephemeral containers. */
export function containerSpec(pod: V1Pod, name: string): V1Container | V1EphemeralContainer | undefined {
  const spec = pod.spec;
  return spec?.containers.find((c) => c.name === name) ?? spec?.initContainers?.find((c) => c.name === name) ?? spec?.ephemeralContainers?.find((c) => c.name === name);
}
