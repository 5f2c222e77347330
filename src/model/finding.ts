// One diagnosis line: what is wrong, then the evidence, never more than one line; and the
// clock arithmetic every finding shares (ages measured from the `now` passed in).

import { humanDuration, timestampMs } from '../text/age.ts';
import type { Diagnosis, Severity } from './types.ts';

/** A termination or event older than this is history, not a diagnosis. */
export const RECENT_SECONDS = 3600;
/** Longer than a normal start (image pulls included): past this a Pod that is still starting is stuck. */
export const STUCK_START_SECONDS = 300;

/**
 * Collapses line breaks and runs of blanks so a finding stays one line. The sanitizer already
 * drops control characters from cluster strings (leaving the blanks around a line break): this
 * keeps the line whole for any text that reaches a finding another way.
 */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function finding(severity: Severity, code: string, container: string | undefined, summary: string, evidence?: string): Diagnosis {
  const ev = evidence ? oneLine(evidence) : '';
  const out: Diagnosis = { severity, code, message: oneLine(ev ? `${summary}: ${ev}` : summary) };
  if (container !== undefined) out.container = container;
  if (ev) out.evidence = ev;
  return out;
}

/** Seconds from a timestamp to now, or undefined when either is unknown. */
export function ageSeconds(timestamp: unknown, now: number): number | undefined {
  const at = timestampMs(timestamp);
  if (at === undefined || !Number.isFinite(now)) return undefined;
  return Math.floor((now - at) / 1000);
}

/** The first instant (ms) at which a termination at `at` (ms) is no longer recent: isRecent's age passes RECENT_SECONDS (whole seconds, floored). */
export function recentUntil(at: number): number {
  return at + (RECENT_SECONDS + 1) * 1000;
}

/** The first instant (ms) at which a start at `at` (ms) is STUCK_START_SECONDS old (whole seconds, floored): stuck if still starting. */
export function stuckFrom(at: number): number {
  return at + STUCK_START_SECONDS * 1000;
}

/** Unknown times count as recent: without a clock or a timestamp, showing it is the safe side. */
export function isRecent(timestamp: unknown, now: number): boolean {
  const age = ageSeconds(timestamp, now);
  return age === undefined || age <= RECENT_SECONDS;
}

/** ", 3m ago" for a known time, "" otherwise. */
export function ago(timestamp: unknown, now: number): string {
  const age = ageSeconds(timestamp, now);
  return age === undefined ? '' : `, ${humanDuration(Math.max(0, age))} ago`;
}
