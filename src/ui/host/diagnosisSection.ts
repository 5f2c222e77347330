// What is wrong, each line with its evidence, worst first.
import type { PodHost, Severity } from '../../model/types.ts';
import { seg, type Line } from '../lines.tsx';
import type { Tone } from '../theme.ts';
import { clean } from './format.ts';

const ICON: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };
const TONE: Record<Severity, Tone> = { error: 'error', warning: 'warn', info: 'dim' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function diagnosisLines(host: PodHost): Line[] {
  if (host.diagnosis.length === 0) return [[seg('  nothing to report', 'dim')]];
  return [...host.diagnosis]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .map((d) => [
      seg(`  ${ICON[d.severity]} `, TONE[d.severity]),
      seg(clean(d.code), TONE[d.severity]),
      seg(d.container ? ` [${clean(d.container)}]` : '', 'dim'),
      seg(`  ${clean(d.message)}`),
    ]);
}
