// Diagnosis: each line names what is wrong and the evidence for it, with a stable code
// that scripts can match on. Worst first; within a severity, in the order found (Pod, then
// containers in start order). Every line is one line, whatever the cluster wrote.

import { containerFindings } from './diagnosisContainers.ts';
import { podFindings } from './diagnosisPod.ts';
import { readinessFindings, sidecarFindings } from './diagnosisProbes.ts';
import { finding } from './finding.ts';
import { obj, str } from './read.ts';
import type { ContainerView, Diagnosis, EventView, PortEntry, VolumeView } from './types.ts';

export interface DiagnosisInput {
  pod: unknown;
  containers: ContainerView[];
  volumes: VolumeView[];
  ports: PortEntry[];
  events: EventView[];
  now: number;
}

// These kinds are read-only by design; a read-only mount of them is expected.
const READ_ONLY_KINDS = new Set(['secret', 'configMap', 'projected', 'downwardAPI', 'image']);

// An emptyDir mounted by one container is a scratch or socket directory, which is normal: not a finding.
export function volumeLines(volumes: VolumeView[]): Diagnosis[] {
  const out: Diagnosis[] = [];
  for (const v of volumes) {
    if (v.shared && v.mounts.every((m) => m.readOnly) && !READ_ONLY_KINDS.has(v.source.kind)) {
      const users = [...new Set(v.mounts.map((m) => m.container))].join(', ');
      out.push(finding('warning', 'SharedVolumeReadOnly', undefined, `volume ${v.name} (${v.summary}) is shared by ${users} but mounted read-only everywhere: nothing can write it`));
    }
    if (v.mounts.length === 0) out.push(finding('info', 'VolumeUnused', undefined, `volume ${v.name} (${v.summary}) is mounted by no container`));
    if (v.source.kind === 'missing') {
      out.push(finding('error', 'VolumeNotDeclared', undefined, `volume ${v.name} is mounted by ${v.mounts.map((m) => m.container).join(', ')} but not declared`));
    }
  }
  return out;
}

// Two containers declaring one port can only both run if they bind it on different addresses
// (one on 127.0.0.1, the other on the Pod IP) or one never listens: when all of them run and
// are ready, the Pod contradicts a conflict and the declaration is only worth a note.
function portLines(ports: PortEntry[], containers: ContainerView[]): Diagnosis[] {
  const fine = (name: string) => containers.some((c) => c.name === name && c.state.state === 'running' && c.ready);
  return ports
    .filter((p) => p.conflict)
    .map((p) =>
      p.containers.every(fine)
        ? finding(
            'info',
            'PortDeclaredTwice',
            undefined,
            `port ${p.port}/${p.protocol} is declared by ${p.containers.join(' and ')}, and all of them run ready: they bind different addresses, or one does not listen`,
          )
        : finding('error', 'PortConflict', undefined, `port ${p.port}/${p.protocol} is declared by ${p.containers.join(' and ')}; only one can bind it`),
    );
}

const ORDER = { error: 0, warning: 1, info: 2 };

export function diagnose(input: DiagnosisInput): Diagnosis[] {
  const p = obj(input.pod);
  const ctx = { now: input.now, restartPolicy: str(obj(p.spec).restartPolicy) || 'Always', phase: str(obj(p.status).phase) ?? '' };
  const lines = [
    ...podFindings(p, input.containers, input.events, input.now),
    ...input.containers.flatMap((c) => containerFindings(c, ctx)),
    ...sidecarFindings(input.containers),
    ...readinessFindings(input.containers, input.events),
    ...portLines(input.ports, input.containers),
    ...volumeLines(input.volumes),
  ];
  return lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => ORDER[a.l.severity] - ORDER[b.l.severity] || a.i - b.i)
    .map((x) => x.l);
}
