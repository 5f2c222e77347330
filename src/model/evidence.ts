// Where the evidence for a finding lives, one row per finding code: the terminated instance's
// logs for a crash, the Pod's events for scheduling and probes, the port map for ports, the
// volume's row for mounts. The Pod view's `enter` on a diagnosis line follows this table.
//
//   evidenceFor('OOMKilled')     -> { kind: 'termination' }
//   evidenceFor('Unschedulable') -> { kind: 'events', reasons: ['FailedScheduling'] }
import type { ContainerState, Diagnosis, EventView } from './types.ts';

export type EvidenceRule =
  /** The logs of the instance that ended (see terminatedInstanceIsPrevious). */
  | { kind: 'termination' }
  /** The Pod's events; those with these reasons are the ones that matter. */
  | { kind: 'events'; reasons: readonly string[] }
  | { kind: 'ports' }
  /** The row of the volume the finding names. */
  | { kind: 'volume' }
  | { kind: 'resources' };

const TERMINATION: EvidenceRule = { kind: 'termination' };
const PORTS: EvidenceRule = { kind: 'ports' };
const VOLUME: EvidenceRule = { kind: 'volume' };
const events = (...reasons: string[]): EvidenceRule => ({ kind: 'events', reasons });
const START_EVENTS = ['Failed', 'FailedMount', 'FailedAttachVolume', 'FailedCreatePodSandBox', 'BackOff', 'ErrImagePull', 'InspectFailed'];

/** Every code src/model emits (test/model/evidence.test.ts reads the sources to keep this whole). */
export const EVIDENCE_BY_CODE: Readonly<Record<string, EvidenceRule>> = {
  CrashLoopBackOff: TERMINATION,
  OOMKilled: TERMINATION,
  ContainerExited: TERMINATION,
  ContainerFailed: TERMINATION,
  InitContainerFailed: TERMINATION,
  Restarted: TERMINATION,
  CompletedRestarting: TERMINATION,
  Unschedulable: events('FailedScheduling'),
  SchedulingGated: events('FailedScheduling', 'SchedulingGated'),
  Evicted: events('Evicted', 'Preempted', 'Killing'),
  ReadinessProbeFailing: events('Unhealthy', 'ProbeWarning'),
  SidecarNotReady: events('Unhealthy', 'ProbeWarning', 'BackOff'),
  ContainerCreatingStuck: events(...START_EVENTS),
  InitStuck: events(...START_EVENTS, 'Unhealthy'),
  Terminating: events('Killing', 'FailedKillPod', 'FailedPreStopHook'),
  PortConflict: PORTS,
  PortDeclaredTwice: PORTS,
  VolumeNotDeclared: VOLUME,
  VolumeUnused: VOLUME,
  SharedVolumeReadOnly: VOLUME,
  VolumeOverSizeLimit: VOLUME,
  VolumeNearSizeLimit: VOLUME,
  NearMemoryLimit: { kind: 'resources' },
};

/** A code this table does not know yet still leads somewhere: the Pod's warnings. */
const UNKNOWN: EvidenceRule = events();

export function evidenceFor(code: string): EvidenceRule {
  return Object.hasOwn(EVIDENCE_BY_CODE, code) ? EVIDENCE_BY_CODE[code]! : UNKNOWN;
}

/**
 * Whether the instance that ended is the previous one (the container was started again and is
 * waiting or running) rather than the current one (terminated for good, or not restarted yet).
 */
export function terminatedInstanceIsPrevious(state: ContainerState): boolean {
  return state.state !== 'terminated';
}

/** The events that back a finding: those with its reasons, or every warning when none has them. */
export function matchingEvents(rule: EvidenceRule, all: readonly EventView[]): Set<number> {
  const reasons = rule.kind === 'events' ? rule.reasons : [];
  const hits = new Set<number>();
  all.forEach((e, i) => {
    if (reasons.includes(e.reason)) hits.add(i);
  });
  if (hits.size === 0) {
    all.forEach((e, i) => {
      if (e.type === 'Warning') hits.add(i);
    });
  }
  return hits;
}

/** The volume a volume finding names ("volume NAME …" or "emptyDir NAME …"), among the Pod's volumes. */
export function volumeNamed(d: Diagnosis, names: readonly string[]): string | undefined {
  const words = d.message.split(/\s+/);
  for (let i = 0; i + 1 < words.length; i++) {
    if ((words[i] === 'volume' || words[i] === 'emptyDir') && names.includes(words[i + 1]!)) return words[i + 1];
  }
  return undefined;
}
