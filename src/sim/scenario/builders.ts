// Builds Pods the way they look once stored and run: API-server defaults in the spec, the
// service-account token volume the admission plugin adds, and a kubelet-written status.
import type { CoreV1Event, V1Container, V1ContainerState, V1ContainerStatus, V1OwnerReference, V1Pod, V1Volume } from '@kubernetes/client-node';
import { nameSuffix, objectMeta, podManagedFields, sha256Hex, ts, uidFor } from './meta.ts';
import { podConditions, podPhase, qosClass } from './podStatus.ts';

export type Run =
  | { state: 'running'; sinceMs: number; ready?: boolean }
  | { state: 'waiting'; reason: string; message?: string }
  | { state: 'terminated'; reason: string; exitCode: number; startedMs: number; finishedMs: number };

export interface LastRun {
  reason: string;
  exitCode: number;
  startedMs: number;
  finishedMs: number;
}

export interface ContainerPlan {
  spec: V1Container;
  run: Run;
  restarts?: number;
  last?: LastRun;
}

/** Fully qualified image reference as containerd reports it (docker.io/library/nginx:1.27). */
export function qualifiedImage(image: string): string {
  const withTag = /[:@]/.test(image.split('/').pop()!) ? image : `${image}:latest`;
  const first = withTag.split('/')[0];
  if (withTag.includes('/') && (first!.includes('.') || first!.includes(':') || first === 'localhost')) return withTag;
  return withTag.includes('/') ? `docker.io/${withTag}` : `docker.io/library/${withTag}`;
}

const digests = new Map<string, string>();
export function imageID(image: string): string {
  const q = qualifiedImage(image);
  let id = digests.get(q);
  if (!id) {
    id = `${q.replace(/:[^:/]+$/, '')}@sha256:${sha256Hex(q)}`;
    digests.set(q, id);
  }
  return id;
}

/** Fields the API server defaults on every container. */
export function withContainerDefaults(c: V1Container, tokenMount?: string): V1Container {
  const latest = !/:[^/]+$/.test(c.image ?? '') || c.image!.endsWith(':latest');
  return {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? (latest ? 'Always' : 'IfNotPresent'),
    ports: c.ports?.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
    volumeMounts: tokenMount ? [...(c.volumeMounts ?? []), { name: tokenMount, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] : c.volumeMounts,
  };
}

/** The projected volume the ServiceAccount admission plugin injects (kube-api-access-xxxxx). */
export function tokenVolume(name: string): V1Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

function stateOf(run: Run): V1ContainerState {
  switch (run.state) {
    case 'running':
      return { running: { startedAt: ts(run.sinceMs) } };
    case 'waiting':
      return { waiting: { reason: run.reason, ...(run.message ? { message: run.message } : {}) } };
    case 'terminated':
      return { terminated: { exitCode: run.exitCode, reason: run.reason, startedAt: ts(run.startedMs), finishedAt: ts(run.finishedMs), containerID: '' } };
  }
}

export function containerID(podUid: string, name: string, restarts: number): string {
  return `containerd://${sha256Hex(`${podUid}/${name}/${restarts}`)}`;
}

export function containerStatus(podUid: string, plan: ContainerPlan): V1ContainerStatus {
  const { spec, run } = plan;
  const restarts = plan.restarts ?? 0;
  const neverRan = run.state === 'waiting' && !plan.last;
  const id = containerID(podUid, spec.name, restarts);
  const state = stateOf(run);
  if (state.terminated) state.terminated.containerID = id;
  const status: V1ContainerStatus = {
    name: spec.name,
    image: qualifiedImage(spec.image!),
    imageID: neverRan ? '' : imageID(spec.image!),
    ...(neverRan ? {} : { containerID: id }),
    ready: run.state === 'running' ? (run.ready ?? true) : false,
    started: run.state === 'running',
    restartCount: restarts,
    state,
    lastState: plan.last
      ? {
          terminated: {
            exitCode: plan.last.exitCode,
            reason: plan.last.reason,
            startedAt: ts(plan.last.startedMs),
            finishedAt: ts(plan.last.finishedMs),
            containerID: containerID(podUid, spec.name, Math.max(0, restarts - 1)),
          },
        }
      : {},
    volumeMounts: (spec.volumeMounts ?? []).map((m) => ({
      name: m.name,
      mountPath: m.mountPath,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    })),
  };
  return status;
}

export interface PodPlan {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: V1OwnerReference;
  createdMs: number;
  nodeName: string;
  hostIP: string;
  podIP?: string;
  initContainers?: ContainerPlan[];
  containers: ContainerPlan[];
  volumes?: V1Volume[];
  serviceAccountName?: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  deletionMs?: number;
  /** Extra spec fields (securityContext, hostNetwork, subdomain...). */
  spec?: Record<string, unknown>;
}

export function podFor(plan: PodPlan): V1Pod {
  const uid = uidFor('Pod', plan.namespace, plan.name);
  const token = `kube-api-access-${nameSuffix(uid, 5)}`;
  const generateName = plan.owner ? plan.name.replace(/[^-]+$/, '') : undefined;
  const scheduledMs = plan.createdMs + 1000;
  const containers = plan.containers.map((c) => ({ ...c, spec: withContainerDefaults(c.spec, token) }));
  const inits = (plan.initContainers ?? []).map((c) => ({ ...c, spec: withContainerDefaults(c.spec, token) }));
  const lastStatusMs = Math.max(scheduledMs + 2000, ...[...containers, ...inits].map((c) => (c.run.state === 'running' ? c.run.sinceMs : scheduledMs)));
  const pod: V1Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: objectMeta({
      kind: 'Pod',
      namespace: plan.namespace,
      name: plan.name,
      generateName,
      createdMs: plan.createdMs,
      labels: plan.labels,
      annotations: plan.annotations,
      owner: plan.owner,
      deletionMs: plan.deletionMs,
      managedFields: podManagedFields(
        plan.owner ? `kube-controller-manager` : 'kubectl-client-side-apply',
        Object.keys(plan.labels),
        plan.containers.map((c) => c.spec.name),
        plan.createdMs,
        lastStatusMs,
      ),
    }),
    spec: {
      ...(inits.length ? { initContainers: inits.map((c) => c.spec) } : {}),
      containers: containers.map((c) => c.spec),
      volumes: [...(plan.volumes ?? []), tokenVolume(token)],
      restartPolicy: plan.restartPolicy ?? 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: plan.serviceAccountName ?? 'default',
      serviceAccount: plan.serviceAccountName ?? 'default',
      nodeName: plan.nodeName,
      securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      ...plan.spec,
    },
    status: {
      hostIP: plan.hostIP,
      hostIPs: [{ ip: plan.hostIP }],
      ...(plan.podIP ? { podIP: plan.podIP, podIPs: [{ ip: plan.podIP }] } : {}),
      startTime: ts(scheduledMs),
      ...(inits.length ? { initContainerStatuses: inits.map((c) => containerStatus(uid, c)) } : {}),
      containerStatuses: containers.map((c) => containerStatus(uid, c)),
      qosClass: qosClass([...containers, ...inits].map((c) => c.spec)),
    },
  };
  const phase = podPhase(pod);
  pod.status!.phase = phase;
  pod.status!.conditions = podConditions(pod, phase, lastStatusMs, scheduledMs);
  return pod;
}

export interface EventInput {
  type?: 'Normal' | 'Warning';
  reason: string;
  message: string;
  atMs: number;
  /** e.g. "spec.containers{user-msvc}" */
  fieldPath?: string;
  count?: number;
  firstMs?: number;
  source?: 'kubelet' | 'default-scheduler';
}

/** A core/v1 Event about a Pod, as the kubelet or scheduler records it. */
export function podEvent(pod: V1Pod, e: EventInput): CoreV1Event {
  const m = pod.metadata!;
  const component = e.source ?? 'kubelet';
  const name = `${m.name}.${sha256Hex(`${m.uid}${e.reason}${e.fieldPath ?? ''}`).slice(0, 16)}`;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: m.namespace, uid: uidFor('Event', m.namespace!, name), creationTimestamp: ts(e.firstMs ?? e.atMs) },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: m.name, namespace: m.namespace, uid: m.uid, ...(e.fieldPath ? { fieldPath: e.fieldPath } : {}) },
    reason: e.reason,
    message: e.message,
    type: e.type ?? 'Normal',
    count: e.count ?? 1,
    firstTimestamp: ts(e.firstMs ?? e.atMs),
    lastTimestamp: ts(e.atMs),
    source: component === 'kubelet' ? { component, host: pod.spec!.nodeName } : { component },
    reportingComponent: component,
    reportingInstance: component === 'kubelet' ? pod.spec!.nodeName! : '',
    eventTime: null as unknown as Date,
  };
}

/** The usual start-up story: Scheduled, then Pulled/Created/Started per container. */
export function startupEvents(pod: V1Pod, createdMs: number): CoreV1Event[] {
  const node = pod.spec!.nodeName;
  const out = [
    podEvent(pod, { reason: 'Scheduled', source: 'default-scheduler', atMs: createdMs + 1000, message: `Successfully assigned ${pod.metadata!.namespace}/${pod.metadata!.name} to ${node}` }),
  ];
  const all = [...(pod.spec!.initContainers ?? []).map((c) => ['initContainers', c] as const), ...pod.spec!.containers.map((c) => ['containers', c] as const)];
  all.forEach(([kind, c], i) => {
    const fieldPath = `spec.${kind}{${c.name}}`;
    const at = createdMs + 2000 + i * 1000;
    out.push(podEvent(pod, { reason: 'Pulled', fieldPath, atMs: at, message: `Container image "${c.image}" already present on machine` }));
    out.push(podEvent(pod, { reason: 'Created', fieldPath, atMs: at, message: `Created container: ${c.name}` }));
    out.push(podEvent(pod, { reason: 'Started', fieldPath, atMs: at, message: `Started container ${c.name}` }));
  });
  return out;
}
