// A Pod's worst finding from the moment it arrives on, until it changes again. Most findings
// hold while the Pod does, but two rules weigh an age against `now`: a termination is news for
// RECENT_SECONDS after it finished (Restarted, CompletedRestarting, an OOM kill), and a Pending
// Pod starting for STUCK_START_SECONDS is stuck (InitStuck, ContainerCreatingStuck). A Pod that
// does not change still moves across those lines, so the store keeps, beside the finding at
// `now`, the findings it will have when each such age is reached: the list then shows at any
// later moment what the host view (the rules run at that moment) shows.
//
//   findingTimeline(restartedFourMinutesAgo, now)
//     -> { finding: Restarted, findingLater: [{ from: finishedAt + 3,601 s, finding: undefined }] }
//
// The instants are every time such a rule could measure from (each container's last
// termination; for a Pending Pod its start, its creation and each running container's start),
// past `now`: a few more than the rules may use, which only costs a look at the (memoized)
// projection; the steps keep only the instants where the worst finding really changes.
// test/model/findingTimeline.test.ts holds the timeline read at t (store/podFinding.ts findingAt)
// equal to the rules run at t.
import { timestampMs } from '../text/age.ts';
import { recentUntil, stuckFrom } from './finding.ts';
import { isObj, text } from './read.ts';
import { type StatusFinding, worstStatusFinding } from './statusFindings.ts';

/** From `from` (ms) on, the worst finding is `finding` (undefined: none). */
export interface FindingStep {
  readonly from: number;
  readonly finding: StatusFinding | undefined;
}

/** The worst finding now, and the later ones in time order (absent when age alone never changes it). */
export interface FindingTimeline {
  readonly finding?: StatusFinding | undefined;
  readonly findingLater?: readonly FindingStep[] | undefined;
}

const STATUS_LISTS = ['initContainerStatuses', 'containerStatuses', 'ephemeralContainerStatuses'] as const;

/** The instants (ms) a timestamp field moves a rule at: the raw time and, where sanitizing changes the text, the text's. */
function addInstants(out: number[], field: unknown, shift: (at: number) => number, now: number): void {
  const at = timestampMs(field);
  if (at !== undefined && shift(at) > now) out.push(shift(at));
  if (typeof field !== 'string') return;
  const clean = timestampMs(text(field));
  if (clean !== undefined && clean !== at && shift(clean) > now) out.push(shift(clean));
}

/** The instants after `now` at which an age the rules weigh crosses its line, in order, each once. */
export function findingChangeInstants(pod: unknown, now: number): number[] {
  const out: number[] = [];
  const p = isObj(pod) ? pod : {};
  const status = isObj(p.status) ? p.status : {};
  const pending = status.phase === 'Pending';
  for (const list of STATUS_LISTS) {
    const statuses = status[list];
    if (!Array.isArray(statuses)) continue;
    for (const s of statuses) {
      if (!isObj(s)) continue;
      const last = isObj(s.lastState) && isObj(s.lastState.terminated) ? s.lastState.terminated : undefined;
      if (last) addInstants(out, last.finishedAt, recentUntil, now);
      const running = pending && isObj(s.state) && isObj(s.state.running) ? s.state.running : undefined;
      if (running) addInstants(out, running.startedAt, stuckFrom, now);
    }
  }
  if (pending) {
    addInstants(out, status.startTime, stuckFrom, now);
    addInstants(out, isObj(p.metadata) ? p.metadata.creationTimestamp : undefined, stuckFrom, now);
  }
  if (out.length < 2) return out;
  out.sort((a, b) => a - b);
  return out.filter((t, i) => i === 0 || t !== out[i - 1]);
}

/** The Pod's worst finding at `now` and at each later instant age alone changes it. */
export function findingTimeline(pod: unknown, now: number): FindingTimeline {
  const finding = worstStatusFinding(pod, now);
  const instants = findingChangeInstants(pod, now);
  let later: FindingStep[] | undefined;
  let last = finding;
  for (const from of instants) {
    const next = worstStatusFinding(pod, from);
    if (next === last) continue; // interned: the same code and severity is the same object
    (later ??= []).push({ from, finding: next });
    last = next;
  }
  return { finding, findingLater: later };
}
