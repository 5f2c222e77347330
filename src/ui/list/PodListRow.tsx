// One row of the Pod list, as toned text. Memoized: it re-renders only when its row object
// (rebuilt on a new resourceVersion), its selection, its age text or the layout changes.
// The container glyphs get a Text of their own: Ink measures every line of every frame, and
// a line of printable ASCII is measured by its length while one with a single glyph in it is
// split into graphemes (at 20 frames a second, most of the render's time went there).
import React from 'react';
import { Box } from 'ink';
import type { ContainerKind, PodRow } from '../../model/types.ts';
import { sanitize } from '../../text/sanitize.ts';
import { fit, shortAge } from '../fit.ts';
import { SEVERITY_TONE } from '../host/diagnosisSection.ts';
import { GUTTER, type Column } from './listColumns.ts';
import type { UsageCells } from './usageCells.ts';
import { LineView, seg, type Line, type Seg } from '../lines.tsx';
import type { Theme, Tone } from '../theme.ts';

export const KIND_GLYPH: Record<ContainerKind, string> = { init: '▪', sidecar: '◆', app: '●', ephemeral: '◇' };
export const HEALTH_TONE: Record<PodRow['glyphs'][number]['health'], Tone> = { ok: 'ok', waiting: 'warn', failed: 'error', done: 'dim' };

export function statusTone(status: string): Tone {
  if (/^(Running|Completed|Succeeded)$/.test(status)) return 'ok';
  if (/Err|BackOff|Failed|Error|OOMKilled|Evicted|Unknown|Deleted/.test(status)) return 'error';
  return 'warn';
}

/** kubectl's RESTARTS: the count, and "(4m ago)" when the last restart is known and it fits. */
export function restartsText(row: PodRow, width: number, ageShift: number): string {
  const count = String(row.restarts);
  if (row.restarts === 0 || row.lastRestartAgeSeconds === undefined) return count;
  const age = shortAge(row.lastRestartAgeSeconds + ageShift);
  const long = `${count} (${age} ago)`;
  if (long.length <= width) return long;
  // "14 (4m30s ago)" is one cell too many for the column: "14 (4m ago)" says nearly as much.
  const coarse = `${count} (${age.replace(/^(\d+[a-z]+)\d+[a-z]+$/, '$1')} ago)`;
  return coarse.length <= width ? coarse : count;
}

function cell(row: PodRow, column: Column, ageShift: number, usage: UsageCells | undefined): Seg | Seg[] {
  switch (column.key) {
    case 'namespace':
      return seg(fit(sanitize(row.namespace), column.width), 'dim');
    case 'name':
      return seg(fit(sanitize(row.name), column.width));
    case 'ready':
      return seg(fit(row.ready, column.width));
    case 'status': {
      const status = row.deleted ? 'Deleted' : sanitize(row.status);
      return seg(fit(status, column.width), statusTone(status));
    }
    case 'restarts':
      return seg(fit(restartsText(row, column.width, ageShift), column.width, true), row.restarts > 0 ? 'warn' : undefined);
    case 'age':
      return seg(fit(shortAge(row.ageSeconds === undefined ? undefined : row.ageSeconds + ageShift), column.width, true));
    case 'node':
      return seg(fit(sanitize(row.node), column.width), 'dim');
    case 'cpu':
    case 'mem':
      return seg(fit(usage?.[column.key] ?? '', column.width, true));
    case 'finding':
      return seg(fit(row.finding ? sanitize(row.finding.code) : '', column.width), row.finding ? SEVERITY_TONE[row.finding.severity] : undefined);
    case 'containers': {
      const glyphs = row.glyphs.slice(0, column.width).map((g) => seg(KIND_GLYPH[g.kind], HEALTH_TONE[g.health]));
      const pad = column.width - glyphs.length;
      return pad > 0 ? [...glyphs, seg(' '.repeat(pad))] : glyphs;
    }
  }
}

/**
 * The row in two parts: the text columns, and the CONTAINERS column (glyphs) with whatever follows it.
 * A stale row (the server is out of reach) is greyed whole, its status and glyphs included:
 * a green Running would claim what nobody knows now.
 */
export function podRowParts(row: PodRow, columns: readonly Column[], selected: boolean, ageShift: number, stale = false, usage?: UsageCells): [Line, Line] {
  const text: Line = [seg(selected ? '> ' : '  '.slice(0, GUTTER))];
  const glyphs: Line = [];
  columns.forEach((column, i) => {
    const into = column.key === 'containers' || glyphs.length > 0 ? glyphs : text;
    if (i > 0) (glyphs.length > 0 ? glyphs : text).push(seg(' '));
    const c = cell(row, column, ageShift, usage);
    if (Array.isArray(c)) into.push(...c);
    else into.push(c);
  });
  const tone = row.deleted ? 'deleted' : selected ? 'selected' : stale ? 'stale' : undefined;
  if (tone) return [text.map((s) => ({ text: s.text, tone })), glyphs.map((s) => ({ text: s.text, tone }))];
  return [text, glyphs];
}

export function headerLine(columns: readonly Column[]): Line {
  return [seg(' '.repeat(GUTTER)), seg(columns.map((c) => fit(c.header, c.width, c.alignRight)).join(' '), 'header')];
}

interface Props {
  row: PodRow;
  columns: readonly Column[];
  selected: boolean;
  /** Whole seconds added to the row's age since it was computed. */
  ageShift: number;
  /** The server is out of reach: the row is what it said last. */
  stale: boolean;
  theme: Theme;
  /** The CPU and MEM cells, when those columns are laid out (strings, so the memo compares them by value). */
  cpu?: string | undefined;
  mem?: string | undefined;
}

export const PodListRow = React.memo(function PodListRow({ row, columns, selected, ageShift, stale, theme, cpu, mem }: Props) {
  const [text, glyphs] = podRowParts(row, columns, selected, ageShift, stale, cpu === undefined || mem === undefined ? undefined : { cpu, mem });
  if (glyphs.length === 0) return <LineView line={text} theme={theme} />;
  return (
    <Box>
      <LineView line={text} theme={theme} />
      <LineView line={glyphs} theme={theme} />
    </Box>
  );
});
