// Diagnosis: each line names what is wrong and the evidence for it, with a stable code
// that scripts can match on.

import { formatMemory } from '../text/quantity.ts';
import { humanDuration, timestampMs } from '../text/age.ts';
import { obj, str, text } from './read.ts';
import type { ContainerView, Diagnosis, EventView, PortEntry, VolumeView } from './types.ts';

export interface DiagnosisInput {
  pod: unknown;
  containers: ContainerView[];
  volumes: VolumeView[];
  ports: PortEntry[];
  events: EventView[];
  now: number;
}

const PULL_ERRORS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
const START_ERRORS = new Set(['CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'PreStartHookError', 'PostStartHookError']);
// These kinds are read-only by design; a read-only mount of them is expected.
const READ_ONLY_KINDS = new Set(['secret', 'configMap', 'projected', 'downwardAPI', 'image']);
const NEAR_LIMIT = 0.9;

function withMessage(base: string, message: string | undefined): string {
  return message ? `${base}: ${message}` : base;
}

function containerLines(c: ContainerView): Diagnosis[] {
  const out: Diagnosis[] = [];
  const reason = c.state.reason ?? '';
  const limit = c.limits.memoryBytes;
  const usage = c.usage?.memoryBytes;
  const oom = c.lastTermination?.reason === 'OOMKilled' || (c.state.state === 'terminated' && reason === 'OOMKilled');
  if (oom) {
    const evidence = [limit !== undefined ? `memory limit ${c.limits.memory ?? formatMemory(limit)}` : 'no memory limit, so the node ran short'];
    if (usage !== undefined) evidence.push(`last usage ${formatMemory(usage)}`);
    const when = c.state.state === 'terminated' && reason === 'OOMKilled' ? '' : ` (${c.restarts} restarts)`;
    out.push({ severity: 'error', code: 'OOMKilled', container: c.name, message: `${c.name} was OOMKilled${when}: ${evidence.join(', ')}` });
  } else if (usage !== undefined && limit !== undefined && limit > 0 && usage / limit >= NEAR_LIMIT) {
    out.push({
      severity: 'warning',
      code: 'NearMemoryLimit',
      container: c.name,
      message: `${c.name} uses ${formatMemory(usage)} of its ${c.limits.memory ?? formatMemory(limit)} memory limit (${Math.round((usage / limit) * 100)}%)`,
    });
  }
  if (c.state.state === 'waiting' && reason === 'CrashLoopBackOff') {
    const last = c.lastTermination;
    const exit = last ? `, last exit code ${last.exitCode ?? '?'}${last.reason ? ` (${last.reason})` : ''}` : '';
    out.push({ severity: 'error', code: 'CrashLoopBackOff', container: c.name, message: `${c.name} is crash-looping: ${c.restarts} restarts${exit}` });
  }
  if (c.state.state === 'waiting' && PULL_ERRORS.has(reason)) {
    out.push({ severity: 'error', code: reason, container: c.name, message: withMessage(`${c.name} cannot pull image ${c.image}`, c.state.message) });
  }
  if (c.state.state === 'waiting' && START_ERRORS.has(reason)) {
    out.push({ severity: 'error', code: reason, container: c.name, message: withMessage(`${c.name} cannot start`, c.state.message) });
  }
  if (c.state.state === 'terminated' && c.kind === 'init' && (c.state.exitCode ?? 0) !== 0 && reason !== 'OOMKilled') {
    out.push({
      severity: 'error',
      code: 'InitContainerFailed',
      container: c.name,
      message: `init container ${c.name} exited with code ${c.state.exitCode}${reason ? ` (${reason})` : ''}`,
    });
  }
  return out;
}

function sidecarLines(containers: ContainerView[]): Diagnosis[] {
  // Only apps that have not started yet wait on sidecars; a crash-looping app already started.
  const appsWaiting = containers.some(
    (c) => c.kind === 'app' && (c.state.state === 'unknown' || (c.state.state === 'waiting' && (c.state.reason ?? 'PodInitializing') === 'PodInitializing')),
  );
  if (!appsWaiting) return [];
  return containers
    .filter((c) => c.kind === 'sidecar' && !c.ready)
    .map((c) => ({
      severity: 'warning' as const,
      code: 'SidecarNotReady',
      container: c.name,
      message: `native sidecar ${c.name} is not ${c.started ? 'ready' : 'started'} (${c.state.reason ?? c.state.state}); app containers wait for it`,
    }));
}

function readinessLines(containers: ContainerView[], events: EventView[]): Diagnosis[] {
  const out: Diagnosis[] = [];
  const failed = events.filter((e) => e.reason === 'Unhealthy' && /^Readiness probe/i.test(e.message));
  const named = new Set<string>();
  for (const c of containers) {
    const probe = c.probes.find((p) => p.startsWith('readiness '));
    if (c.state.state !== 'running' || c.ready || !probe) continue;
    named.add(c.name);
    const evidence = failed[0] ? `${failed[0].message} (${failed[0].count}x)` : probe;
    out.push({ severity: 'warning', code: 'ReadinessProbeFailing', container: c.name, message: `${c.name} is running but not ready: ${evidence}` });
  }
  if (out.length === 0 && failed.length > 0) {
    out.push({ severity: 'warning', code: 'ReadinessProbeFailing', message: `${failed[0].message} (${failed[0].count}x)` });
  }
  return out;
}

function podLines(pod: unknown, now: number): Diagnosis[] {
  const p = obj(pod);
  const meta = obj(p.metadata);
  const status = obj(p.status);
  const out: Diagnosis[] = [];
  if (str(status.reason) === 'Evicted') {
    out.push({ severity: 'error', code: 'Evicted', message: withMessage('Pod was evicted', text(status.message)) });
  }
  if (meta.deletionTimestamp != null) {
    const deadline = timestampMs(meta.deletionTimestamp);
    const grace = typeof meta.deletionGracePeriodSeconds === 'number' ? meta.deletionGracePeriodSeconds : undefined;
    let evidence = '';
    if (deadline !== undefined && grace !== undefined && Number.isFinite(now)) {
      evidence = ` for ${humanDuration(Math.floor((now - (deadline - grace * 1000)) / 1000))} (grace period ${grace}s)`;
    } else if (deadline !== undefined && Number.isFinite(now)) {
      evidence = now > deadline ? `, ${humanDuration(Math.floor((now - deadline) / 1000))} past its deadline` : '';
    }
    const finalizers = Array.isArray(meta.finalizers) ? meta.finalizers.filter((f) => typeof f === 'string') : [];
    const held = finalizers.length ? `; finalizers: ${finalizers.map((f) => text(f)).join(', ')}` : '';
    out.push({ severity: 'warning', code: 'Terminating', message: `Pod is terminating${evidence}${held}` });
  }
  return out;
}

function volumeLines(volumes: VolumeView[], containers: ContainerView[]): Diagnosis[] {
  const out: Diagnosis[] = [];
  const running = containers.filter((c) => c.kind !== 'ephemeral').length;
  for (const v of volumes) {
    if (v.shared && v.mounts.every((m) => m.readOnly) && !READ_ONLY_KINDS.has(v.source.kind)) {
      out.push({
        severity: 'warning',
        code: 'SharedVolumeReadOnly',
        message: `volume ${v.name} (${v.summary}) is shared by ${[...new Set(v.mounts.map((m) => m.container))].join(', ')} but mounted read-only everywhere: nothing can write it`,
      });
    }
    if (v.source.kind === 'emptyDir' && running >= 2 && new Set(v.mounts.map((m) => m.container)).size === 1) {
      out.push({ severity: 'info', code: 'EmptyDirNotShared', message: `emptyDir ${v.name} is mounted only by ${v.mounts[0].container}; no other container sees it` });
    }
    if (v.mounts.length === 0) out.push({ severity: 'info', code: 'VolumeUnused', message: `volume ${v.name} (${v.summary}) is mounted by no container` });
    if (v.source.kind === 'missing') {
      out.push({ severity: 'error', code: 'VolumeNotDeclared', message: `volume ${v.name} is mounted by ${v.mounts.map((m) => m.container).join(', ')} but not declared` });
    }
  }
  return out;
}

function portLines(ports: PortEntry[]): Diagnosis[] {
  return ports
    .filter((p) => p.conflict)
    .map((p) => ({ severity: 'error' as const, code: 'PortConflict', message: `port ${p.port}/${p.protocol} is declared by ${p.containers.join(' and ')}; only one can bind it` }));
}

const ORDER = { error: 0, warning: 1, info: 2 };

export function diagnose(input: DiagnosisInput): Diagnosis[] {
  const lines = [
    ...podLines(input.pod, input.now),
    ...input.containers.flatMap(containerLines),
    ...sidecarLines(input.containers),
    ...readinessLines(input.containers, input.events),
    ...portLines(input.ports),
    ...volumeLines(input.volumes, input.containers),
  ];
  return lines.map((l, i) => ({ l, i })).sort((a, b) => ORDER[a.l.severity] - ORDER[b.l.severity] || a.i - b.i).map((x) => x.l);
}
