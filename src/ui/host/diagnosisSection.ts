// What is wrong, each line with its evidence, worst first. Under a crashed container's line
// come the last lines its previous instance wrote (host.previousLogs), dimmed: the why.
import type { Diagnosis, PodHost, PreviousLogs, Severity } from '../../model/types.ts';
import { seg, type Line } from '../lines.tsx';
import type { Tone } from '../theme.ts';
import { clean } from './format.ts';

const ICON: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };
/** A finding's colour, here and in the list's FINDING column: errors red, warnings yellow, notes grey. */
export const SEVERITY_TONE: Record<Severity, Tone> = { error: 'error', warning: 'warn', info: 'dim' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const INDENT = '      ';

/** The previous instance's lines (or why there are none), one dim row each. */
export function previousLogLines(logs: PreviousLogs): Line[] {
  const out: Line[] = [];
  if (logs.lines.length > 0) {
    out.push([seg(`${INDENT}previous instance, last ${logs.lines.length} line${logs.lines.length === 1 ? '' : 's'}:`, 'dim')]);
    // Tabs would make the terminal's width and ours disagree.
    for (const text of logs.lines) out.push([seg(`${INDENT}│ ${clean(text).replace(/\t/g, '  ')}`, 'dim')]);
  }
  if (logs.error !== undefined) out.push([seg(`${INDENT}previous logs: ${clean(logs.error)}`, 'dim')]);
  return out;
}

function diagnosisLine(d: Diagnosis, selected: boolean): Line {
  return [
    seg(`${selected ? '>' : ' '} ${ICON[d.severity]} `, selected ? 'selected' : SEVERITY_TONE[d.severity]),
    seg(clean(d.code), SEVERITY_TONE[d.severity]),
    seg(d.container ? ` [${clean(d.container)}]` : '', 'dim'),
    seg(`  ${clean(d.message)}`),
  ];
}

/** A restarted container that no diagnosis names still gets a line to hang its lines under. */
function restartLine(host: PodHost, name: string): Line {
  const last = host.containers.find((c) => c.name === name)?.lastTermination;
  const how = last ? `${clean(last.reason) || 'terminated'}${last.exitCode !== undefined ? ` (exit ${last.exitCode})` : ''}` : 'restarted';
  return [seg('  i ', 'dim'), seg('Restarted', 'dim'), seg(` [${clean(name)}]`, 'dim'), seg(`  previous instance ended: ${how}`)];
}

/** The findings in the order the section draws them, worst first: the cursor's order. */
export function sortedFindings(host: PodHost): Diagnosis[] {
  return [...host.diagnosis].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export interface DiagnosisSection {
  lines: Line[];
  /** The line of each finding of sortedFindings, in the section's lines. */
  rows: number[];
}

/** The section, with `>` on the selected finding (none until the cursor is used). */
export function diagnosisSection(host: PodHost, selected?: number): DiagnosisSection {
  const previous = host.previousLogs ?? {};
  const pending = new Set(Object.keys(previous));
  const lines: Line[] = [];
  const rows: number[] = [];
  sortedFindings(host).forEach((d, i) => {
    rows.push(lines.length);
    lines.push(diagnosisLine(d, i === selected));
    // Under the worst line about that container, once.
    if (d.container !== undefined && pending.delete(d.container)) lines.push(...previousLogLines(previous[d.container]!));
  });
  for (const name of pending) lines.push(restartLine(host, name), ...previousLogLines(previous[name]!));
  return { lines: lines.length > 0 ? lines : [[seg('  nothing to report', 'dim')]], rows };
}
