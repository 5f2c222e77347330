// The Pod a controller creates from its template, and the kubelet's start of it: created with its
// containers waiting in ContainerCreating (kubectl: Pending / ContainerCreating), then running and
// ready. Built by the scenario's own builders, so a replacement looks like the scenario's Pods.
import { randomUUID } from 'node:crypto';
import type { CoreV1Event, V1Container, V1OwnerReference, V1Pod, V1PodTemplateSpec } from '@kubernetes/client-node';
import { containerID, imageID, podFor, startupEvents, type ContainerPlan } from './scenario/builders.ts';
import { settleStatus } from './scenario/podStatus.ts';
import { ts } from './scenario/meta.ts';

/** Where the old Pod ran: the replacement goes to the same node (the sim has no scheduler). */
export interface Placement {
  nodeName: string;
  hostIP: string;
}

export interface ReplacementInput {
  namespace: string;
  name: string;
  owner: V1OwnerReference;
  template: V1PodTemplateSpec;
  placement: Placement;
  nowMs: number;
}

const isToken = (name: string) => name.startsWith('kube-api-access-');
// The token volume and its mounts are the admission plugin's: podFor adds fresh ones, so a
// template taken from a stored Pod must not bring the old ones along.
const creating = (spec: V1Container): ContainerPlan => ({
  spec: { ...spec, volumeMounts: spec.volumeMounts?.filter((m) => !isToken(m.name)) },
  run: { state: 'waiting', reason: 'ContainerCreating' },
});

/** The new Pod as the API server stores it on create, with the kubelet's first status (Pending). */
export function pendingPod(input: ReplacementInput): V1Pod {
  const { containers, initContainers, volumes, restartPolicy, ...rest } = input.template.spec!;
  const pod = podFor({
    namespace: input.namespace,
    name: input.name,
    labels: { ...input.template.metadata?.labels },
    annotations: input.template.metadata?.annotations,
    owner: input.owner,
    createdMs: input.nowMs,
    nodeName: input.placement.nodeName,
    hostIP: input.placement.hostIP,
    containers: containers.map(creating),
    initContainers: initContainers?.map(creating),
    volumes: volumes?.filter((v) => !isToken(v.name)),
    restartPolicy: restartPolicy as 'Always' | 'OnFailure' | 'Never' | undefined,
    spec: rest,
  });
  // podFor's uid is derived from the name, and a StatefulSet's Pod comes back under the same one.
  pod.metadata!.uid = randomUUID();
  // podFor dates the start a second after creation, as a scheduler would; a live Pod cannot
  // report the future.
  pod.status!.startTime = ts(input.nowMs);
  pod.status!.conditions = pod.status!.conditions?.map((c) => ({ ...c, lastTransitionTime: ts(input.nowMs) }));
  return pod;
}

/**
 * The kubelet made the Pod's sandbox (its IP) and pulled, created and started every container:
 * init containers completed, the rest running and ready.
 */
export function startedPod(pod: V1Pod, nowMs: number, podIP: string): V1Pod {
  const uid = pod.metadata!.uid!;
  const run = (name: string, image: string) => ({ containerID: containerID(uid, name, 0), imageID: imageID(image), started: true });
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const next: V1Pod = {
    ...pod,
    status: {
      ...pod.status,
      podIP,
      podIPs: [{ ip: podIP }],
      initContainerStatuses: pod.status?.initContainerStatuses?.map((s) =>
        // A native sidecar (an init container that restarts Always) keeps running beside the app.
        sidecars.has(s.name)
          ? { ...s, ...run(s.name, s.image), ready: true, state: { running: { startedAt: ts(nowMs) } } }
          : {
              ...s,
              ...run(s.name, s.image),
              started: false,
              ready: true,
              state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ts(nowMs), finishedAt: ts(nowMs), containerID: containerID(uid, s.name, 0) } },
            },
      ),
      containerStatuses: pod.status?.containerStatuses?.map((s) => ({ ...s, ...run(s.name, s.image), ready: true, state: { running: { startedAt: ts(nowMs) } } })),
    },
  };
  if (!next.status!.initContainerStatuses) delete next.status!.initContainerStatuses;
  return { ...next, status: settleStatus(next, nowMs) };
}

/** Scheduled (at creation), then Pulled, Created and Started per container (once started). */
export function replacementEvents(pod: V1Pod, createdMs: number, startedMs: number): { scheduled: CoreV1Event; started: CoreV1Event[] } {
  const [scheduled, ...started] = startupEvents(pod, createdMs - 1000);
  for (const e of started) e.firstTimestamp = e.lastTimestamp = e.metadata!.creationTimestamp = ts(startedMs);
  return { scheduled: scheduled!, started };
}
