// The `-o json` contract (documented in README): stable keys that scripts rely on.
// Every key of the contract is always present (null when unknown); more keys may be added,
// none may change meaning.

import type { ContainerView, PodHost, ResourceAmounts } from './types.ts';
import { trafficLine } from './traffic.ts';

export const SNAPSHOT_API_VERSION = 'podview/v1';

export interface SnapshotAmounts {
  cpu: string | null;
  memory: string | null;
  cpuCores: number | null;
  memoryBytes: number | null;
}

function amounts(a: ResourceAmounts | undefined): SnapshotAmounts {
  return { cpu: a?.cpu ?? null, memory: a?.memory ?? null, cpuCores: a?.cpuCores ?? null, memoryBytes: a?.memoryBytes ?? null };
}

function container(c: ContainerView) {
  return {
    name: c.name,
    kind: c.kind,
    order: c.order,
    image: c.image,
    state: c.state.state,
    reason: c.state.reason ?? null,
    exitCode: c.state.exitCode ?? null,
    ready: c.ready,
    started: c.started ?? null,
    restarts: c.restarts,
    lastTermination: c.lastTermination ? { reason: c.lastTermination.reason ?? null, exitCode: c.lastTermination.exitCode ?? null, finishedAt: c.lastTermination.finishedAt ?? null } : null,
    probes: c.probes,
    ports: c.ports.map((p) => ({ containerPort: p.containerPort, protocol: p.protocol, name: p.name ?? null, hostPort: p.hostPort ?? null })),
    requests: amounts(c.requests),
    limits: amounts(c.limits),
    usage: c.usage ? { cpuCores: c.usage.cpuCores ?? null, memoryBytes: c.usage.memoryBytes ?? null } : null,
    env: c.env.map((e) => ({ name: e.name, value: e.value ?? null, source: e.source ?? null })),
    envFrom: c.envFrom.map((e) => ({ kind: e.kind, name: e.name, prefix: e.prefix ?? null, optional: e.optional ?? null })),
  };
}

function pod(h: PodHost) {
  return {
    namespace: h.namespace,
    name: h.name,
    uid: h.uid,
    status: h.status,
    phase: h.phase,
    ready: h.ready,
    restarts: h.restarts,
    ageSeconds: h.ageSeconds ?? null,
    node: h.node ?? null,
    podIP: h.podIP ?? null,
    qos: h.resources.qos,
    qosSource: h.resources.qosSource,
    deleted: h.deleted,
    terminating: h.terminating,
    labels: h.labels,
    owners: h.owners.map((o) => ({ kind: o.kind, name: o.name, resolved: o.resolved })),
    containers: h.containers.map(container),
    volumes: h.volumes.map((v) => ({
      name: v.name,
      source: v.source,
      summary: v.summary,
      shared: v.shared,
      mounts: v.mounts.map((m) => ({ container: m.container, mountPath: m.mountPath, readOnly: m.readOnly, subPath: m.subPath ?? null })),
    })),
    ports: h.ports.map((p) => ({
      port: p.port,
      protocol: p.protocol,
      containers: p.containers,
      names: p.names,
      conflict: p.conflict,
      hostPorts: p.hostPorts ?? [],
      probe: p.probe ?? null,
      listening: p.listening ?? null,
      owners: p.owners ?? null,
    })),
    // The Pod's netstat from a --probe: null when none ran.
    traffic: h.traffic
      ? h.traffic.map((t) => ({
          kind: t.kind,
          protocol: t.protocol,
          container: t.container ?? null,
          peer: t.peer,
          server: t.server ?? null,
          localPort: t.localPort ?? null,
          count: t.count,
          line: trafficLine(t),
        }))
      : null,
    resources: {
      requests: amounts(h.resources.requests),
      limits: amounts(h.resources.limits),
      podLevel: h.resources.podLevel ? { requests: amounts(h.resources.podLevel.requests), limits: amounts(h.resources.podLevel.limits) } : null,
      usage: h.resources.usage ? { cpuCores: h.resources.usage.cpuCores ?? null, memoryBytes: h.resources.usage.memoryBytes ?? null } : null,
    },
    diagnosis: h.diagnosis.map((d) => ({ severity: d.severity, code: d.code, message: d.message, container: d.container ?? null, evidence: d.evidence ?? null })),
    events: h.events.map((e) => ({ type: e.type, reason: e.reason, message: e.message, count: e.count, lastSeen: e.lastSeen ?? null, ageSeconds: e.ageSeconds ?? null })),
  };
}

export type SnapshotPod = ReturnType<typeof pod>;
export interface SnapshotJson {
  apiVersion: string;
  pods: SnapshotPod[];
}

/** A plain JSON-safe object; serialize with JSON.stringify. */
export function toSnapshotJson(hosts: PodHost[]): SnapshotJson {
  return { apiVersion: SNAPSHOT_API_VERSION, pods: (Array.isArray(hosts) ? hosts : []).map(pod) };
}
