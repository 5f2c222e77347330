// The part of the diagnosis the Pod object alone gives: every rule of diagnose() run on the
// Pod's spec and status at `now`, with no events, no metrics and no live probe. The host view
// adds to these (NearMemoryLimit from metrics, a readiness failure only an event tells, the
// probe's port and traffic findings) and may word a line's evidence better, but every code
// here is one the host view gives for the same Pod at the same moment: the list's FINDING
// column shows the worst of them, so the list and the host view never disagree.
//
//   worstStatusFinding(crashLoopingPod, now) -> { severity: 'error', code: 'CrashLoopBackOff' }
//   worstStatusFinding(healthyPod, now)      -> undefined
import { containerViews } from './containers.ts';
import { diagnose } from './diagnosis.ts';
import { portMap } from './ports.ts';
import type { Diagnosis, Severity } from './types.ts';
import { volumeViews } from './volumes.ts';

/** A finding as the list keeps it: its code and how bad it is. */
export interface StatusFinding {
  readonly severity: Severity;
  readonly code: string;
}

/** The findings of the Pod object alone, worst first (diagnose's order). */
export function statusDiagnosis(pod: unknown, now: number): Diagnosis[] {
  const containers = containerViews(pod, undefined, false);
  return diagnose({ pod, containers, volumes: volumeViews(pod), ports: portMap(containers), events: [], now });
}

// A few dozen codes and three severities: one frozen object for each pair, so 100,000 Pods
// hold a pointer each, not an object each.
const interned = new Map<string, StatusFinding>();

function intern(severity: Severity, code: string): StatusFinding {
  const key = `${severity}|${code}`;
  let known = interned.get(key);
  if (!known) {
    known = Object.freeze({ severity, code });
    // Codes come from the rules (a waiting reason among them, from a fixed set): bounded anyway.
    if (interned.size < 1024) interned.set(key, known);
  }
  return known;
}

/** The worst finding the Pod object shows (the first of statusDiagnosis), or undefined for a Pod with none. */
export function worstStatusFinding(pod: unknown, now: number): StatusFinding | undefined {
  const worst = statusDiagnosis(pod, now)[0];
  return worst ? intern(worst.severity, worst.code) : undefined;
}
