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
import { diagnose, volumeLines } from './diagnosis.ts';
import { findingProjection, PROJECTION_NOW } from './findingProjection.ts';
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

function worstOf(findings: Diagnosis[]): StatusFinding | undefined {
  const worst = findings[0];
  return worst ? intern(worst.severity, worst.code) : undefined;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The worse of two findings; the first on a tie (it comes first in the diagnosis). */
function worse(a: StatusFinding | undefined, b: StatusFinding | undefined): StatusFinding | undefined {
  if (!a || !b) return a ?? b;
  return ORDER[b.severity] < ORDER[a.severity] ? b : a;
}

// The worst finding by projection (model/findingProjection.ts): most Pods of a cluster project
// alike (20,000 Pods of the 100k sim: 46 projections, 235 under churn), so the rules run on a
// few small Pods, not on each arriving one. Bounded (a key is 0.5-1 KB, so a full table holds
// ~4 MB): a full table starts over. null: the projection has no finding.
const PROJECTION_LIMIT = 4096;

class Memo {
  private readonly known = new Map<string, StatusFinding | null>();
  constructor(private readonly work: (key: string) => StatusFinding | undefined) {}
  get(key: string): StatusFinding | undefined {
    let found = this.known.get(key);
    if (found === undefined) {
      found = this.work(key) ?? null;
      if (this.known.size >= PROJECTION_LIMIT) this.known.clear();
      this.known.set(key, found);
    }
    return found ?? undefined;
  }
}

// The volume lines come last in the diagnosis: the rest's worst wins a tie.
const byPod = new Memo((pod) => worstOf(statusDiagnosis(JSON.parse(pod), PROJECTION_NOW)));
// volumeLines gives its lines in the order found, not sorted as diagnose sorts them.
const byVolumes = new Memo((volumes) => volumeLines(volumeViews(JSON.parse(volumes))).reduce<StatusFinding | undefined>((w, d) => worse(w, intern(d.severity, d.code)), undefined));

/** The worst finding the Pod object shows (the first of statusDiagnosis), or undefined for a Pod with none. */
export function worstStatusFinding(pod: unknown, now: number): StatusFinding | undefined {
  const projection = findingProjection(pod, now);
  if (projection === undefined) return worstOf(statusDiagnosis(pod, now));
  return worse(byPod.get(projection.pod), byVolumes.get(projection.volumes));
}
