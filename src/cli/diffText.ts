// `--diff` as text: plain lines that read well pasted into an incident ticket (no colours, no
// box drawing, nothing cut: a truncated image digest would hide the very difference asked for).
import type { DiffRow, PodDiff, UsageRow } from '../model/diffPods.ts';

const ABSENT = '(none)';
const MAX_COLUMN = 60;

const cell = (v: string | null): string => v ?? ABSENT;

function heading(row: DiffRow): string {
  if (row.container) return `container ${row.container}`;
  if (row.section === 'container') return 'by container';
  return { pod: 'pod', container: 'container', volume: 'volumes', label: 'labels', annotation: 'annotations' }[row.section];
}

function table(rows: readonly DiffRow[], headerA: string, headerB: string): string[] {
  const fieldWidth = Math.min(MAX_COLUMN, Math.max(4, ...rows.map((r) => r.field.length + 2)));
  const widthA = Math.min(MAX_COLUMN, Math.max(headerA.length, ...rows.map((r) => cell(r.a).length)));
  const line = (field: string, a: string, b: string): string => `${field.padEnd(fieldWidth)}  ${a.padEnd(widthA)}  ${b}`.trimEnd();
  const out = [line('', headerA, headerB)];
  let group = '';
  for (const row of rows) {
    const title = heading(row);
    if (title !== group) {
      out.push(title);
      group = title;
    }
    out.push(line(`  ${row.field}`, cell(row.a), cell(row.b)));
  }
  return out;
}

/** Usage drawn with the table's layout, one row per container under a "by container" heading. */
function usageLines(rows: readonly UsageRow[], headerA: string, headerB: string): string[] {
  return table(
    rows.map((r) => ({ section: 'container', container: '', field: r.container, a: r.a, b: r.b })),
    headerA,
    headerB,
  );
}

function ownerText(diff: PodDiff): string {
  const { a, b } = diff;
  if (!a.owner) return 'owner: none (bare Pod)';
  const name = `${a.owner.kind}/${a.owner.name}`;
  if (diff.sameOwner) return `owner: ${name} (both)`;
  return `owner: ${name} vs ${b.owner ? `${b.owner.kind}/${b.owner.name}` : 'none (bare Pod)'} (not replicas of one owner)`;
}

export function renderDiffText(diff: PodDiff): string {
  const { a, b } = diff;
  const out = [`podview diff: ${a.namespace}/${a.name}  vs  ${b.namespace}/${b.name}`, ownerText(diff), `result: ${diff.summary}`];
  if (diff.differences.length > 0) out.push('', ...table(diff.differences, a.name, b.name));
  if (diff.expected.length > 0) out.push('', 'expected to differ between any two replicas:', ...table(diff.expected, a.name, b.name));
  if (diff.usage.length > 0) out.push('', 'measured use (not compared):', ...usageLines(diff.usage, a.name, b.name));
  return `${out.join('\n')}\n`;
}
