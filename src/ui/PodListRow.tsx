// One row of the Pod list, as toned text. Memoized: it re-renders only when its row object
// (rebuilt on a new resourceVersion), its selection, its age text or the layout changes.
import React from 'react';
import type { ContainerKind, PodRow } from '../model/types.ts';
import { sanitize } from '../text/sanitize.ts';
import { fit, shortAge } from './fit.ts';
import { GUTTER, type Column } from './listColumns.ts';
import { LineView, seg, type Line, type Seg } from './lines.tsx';
import type { Theme, Tone } from './theme.ts';

const KIND_GLYPH: Record<ContainerKind, string> = { init: '▪', sidecar: '◆', app: '●', ephemeral: '◇' };
const HEALTH_TONE: Record<PodRow['glyphs'][number]['health'], Tone> = { ok: 'ok', waiting: 'warn', failed: 'error', done: 'dim' };

export function statusTone(status: string): Tone {
  if (/^(Running|Completed|Succeeded)$/.test(status)) return 'ok';
  if (/Err|BackOff|Failed|Error|OOMKilled|Evicted|Unknown|Deleted/.test(status)) return 'error';
  return 'warn';
}

function cell(row: PodRow, column: Column, ageShift: number): Seg | Seg[] {
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
      return seg(fit(String(row.restarts), column.width, true), row.restarts > 0 ? 'warn' : undefined);
    case 'age':
      return seg(fit(shortAge(row.ageSeconds === undefined ? undefined : row.ageSeconds + ageShift), column.width, true));
    case 'node':
      return seg(fit(sanitize(row.node), column.width), 'dim');
    case 'containers': {
      const glyphs = row.glyphs.slice(0, column.width).map((g) => seg(KIND_GLYPH[g.kind], HEALTH_TONE[g.health]));
      const pad = column.width - glyphs.length;
      return pad > 0 ? [...glyphs, seg(' '.repeat(pad))] : glyphs;
    }
  }
}

export function podRowLine(row: PodRow, columns: readonly Column[], selected: boolean, ageShift: number): Line {
  const line: Line = [seg(selected ? '> ' : '  '.slice(0, GUTTER))];
  columns.forEach((column, i) => {
    if (i > 0) line.push(seg(' '));
    const c = cell(row, column, ageShift);
    if (Array.isArray(c)) line.push(...c);
    else line.push(c);
  });
  if (row.deleted) return line.map((s) => ({ text: s.text, tone: 'deleted' }));
  if (selected) return line.map((s) => ({ text: s.text, tone: 'selected' }));
  return line;
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
  theme: Theme;
}

export const PodListRow = React.memo(function PodListRow({ row, columns, selected, ageShift, theme }: Props) {
  return <LineView line={podRowLine(row, columns, selected, ageShift)} theme={theme} />;
});
