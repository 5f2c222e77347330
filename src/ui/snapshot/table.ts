// Plain-text tables for the snapshot: columns sized to their content, each cell capped so
// one long value cannot push the rest off the line.

import { displayWidth, padEnd, truncate } from '../../text/width.ts';

export const CELL_MAX = 48;

export function table(rows: string[][], indent = '  ', cellMax = CELL_MAX): string[] {
  if (rows.length === 0) return [];
  const columns = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) widths.push(Math.min(cellMax, Math.max(...rows.map((r) => displayWidth(r[c] ?? '')))));
  return rows.map((r) => {
    const cells = widths.map((w, c) => (c === columns - 1 ? truncate(r[c] ?? '', w) : padEnd(r[c] ?? '', w)));
    return (indent + cells.join('  ')).trimEnd();
  });
}
