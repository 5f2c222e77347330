// The replica diff as lines: a pinned title (the verdict, who is compared with whom, whether
// they share an owner), then a side-by-side table of what differs, the rows that differ
// between any two replicas by nature (greyed), and the measured use of each side.
import type { DiffPodRef, DiffRow, PodDiff, UsageRow } from '../../model/diffPods.ts';
import { cells, fit } from '../fit.ts';
import { clean } from '../host/format.ts';
import { seg, type Line } from '../lines.tsx';
import type { Tone } from '../theme.ts';

const NONE = '(none)';
const GAP = '  ';

const side = (value: string | null): string => (value === null ? NONE : clean(value));

function refText(ref: DiffPodRef): string {
  return `${clean(ref.namespace)}/${clean(ref.name)} on ${clean(ref.node ?? '(not scheduled)')}`;
}

export function diffPinned(diff: PodDiff): Line[] {
  const owner = diff.a.owner;
  const same = diff.sameOwner && owner ? `same owner: ${clean(owner.kind)}/${clean(owner.name)}` : 'not the same owner';
  const tone: Tone = diff.verdict === 'differs' ? 'warn' : 'ok';
  // Owner before the two Pods: long node names must not push "same owner" off a narrow screen.
  return [[seg(clean(diff.summary), tone), seg('  ·  '), seg(same, diff.sameOwner ? 'accent' : 'warn')], [seg(`this Pod ${refText(diff.a)}  ·  sibling ${refText(diff.b)}`, 'dim')]];
}

interface Widths {
  section: number;
  container: number;
  field: number;
  value: number;
}

function widths(rows: readonly DiffRow[], width: number): Widths {
  const section = Math.max(7, ...rows.map((r) => cells(r.section)));
  const container = Math.min(18, Math.max(9, ...rows.map((r) => cells(clean(r.container)))));
  const field = Math.min(32, Math.max(5, ...rows.map((r) => cells(clean(r.field)))));
  const rest = width - 2 - section - container - field - GAP.length * 4;
  return { section, container, field, value: Math.max(8, Math.floor(rest / 2)) };
}

function header(w: Widths): Line {
  return [seg(`  ${fit('SECTION', w.section)}${GAP}${fit('CONTAINER', w.container)}${GAP}${fit('FIELD', w.field)}${GAP}${fit('THIS POD', w.value)}${GAP}SIBLING`, 'header')];
}

function row(r: DiffRow, w: Widths, tone: Tone | undefined): Line {
  const lead = `  ${fit(r.section, w.section)}${GAP}${fit(clean(r.container) || '-', w.container)}${GAP}${fit(clean(r.field), w.field)}${GAP}`;
  return [seg(lead, tone ?? 'dim'), seg(fit(side(r.a), w.value), r.a === null ? 'dim' : tone), seg(GAP), seg(side(r.b), r.b === null ? 'dim' : tone)];
}

function usageLines(usage: readonly UsageRow[], w: Widths): Line[] {
  if (usage.length === 0) return [[seg('  no usage (metrics API not available or not yet reported)', 'dim')]];
  const name = w.section + GAP.length + w.container + GAP.length + w.field;
  return usage.map((u) => [
    seg(`  ${fit(clean(u.container), name)}${GAP}`),
    seg(fit(side(u.a), w.value), u.a === null ? 'dim' : undefined),
    seg(GAP),
    seg(side(u.b), u.b === null ? 'dim' : undefined),
  ]);
}

export function diffBody(diff: PodDiff, width: number): Line[] {
  const w = widths([...diff.differences, ...diff.expected], width);
  const lines: Line[] = [[seg('What differs', 'header')]];
  if (diff.differences.length === 0) lines.push([seg(`  ${clean(diff.summary)}`, 'ok')]);
  else lines.push(header(w), ...diff.differences.map((r) => row(r, w, undefined)));
  lines.push([], [seg('Expected to differ between any two replicas', 'dim')]);
  if (diff.expected.length === 0) lines.push([seg('  nothing', 'dim')]);
  else lines.push(...diff.expected.map((r) => row(r, w, 'dim')));
  lines.push([], [seg('Usage (measured, never part of the verdict)', 'header')], ...usageLines(diff.usage, w));
  return lines;
}
