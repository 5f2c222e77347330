// The legend of the list's FINDING column, for its `?`: what the code is, where it comes from,
// and what only the host view can say.
import type { Severity } from '../../model/types.ts';
import { SEVERITY_TONE } from '../host/diagnosisSection.ts';
import { seg, type Line } from '../lines.tsx';

const SEVERITY_TEXT: Record<Severity, string> = { error: 'red: an error (the Pod fails or cannot run)', warning: 'yellow: a warning', info: 'grey: a note' };

export function findingLegend(): Line[] {
  const lines: Line[] = [
    [seg('FINDING column', 'header'), seg("   the code of the worst line the host view's diagnosis gives, e.g. CrashLoopBackOff", 'dim')],
    [seg('  read from the Pod object alone, when the watch last brought it: findings that need events,')],
    [seg('  metrics or the probe (NearMemoryLimit, a readiness failure only an event tells, port and')],
    [seg("  traffic findings) are the host view's alone (enter on the Pod)")],
  ];
  for (const severity of Object.keys(SEVERITY_TEXT) as Severity[]) lines.push([seg('  ■  ', SEVERITY_TONE[severity]), seg(SEVERITY_TEXT[severity])]);
  return lines;
}
