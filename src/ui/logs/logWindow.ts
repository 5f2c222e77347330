// Which lines the log view draws: the filter applied to the buffer, then only the rows that
// fit above the bottom line (wrapped or cut), so the cost follows the screen, not the buffer.
import type { LogBuffer, LogLine } from '../../store/logBuffer.ts';
import { sanitize } from '../../text/sanitize.ts';
import { stripSgr } from './sgr.ts';
import { cutCells, dropCells, expandTabs, highlight, wrapCells, type Piece } from './logText.ts';

export interface ViewFilter {
  include?: RegExp;
  exclude?: RegExp;
}

/** The held lines that pass the filter, oldest first. */
export function filterLines(buffer: LogBuffer, filter: ViewFilter): LogLine[] {
  const all = buffer.slice();
  if (!filter.include && !filter.exclude) return all;
  return all.filter((l) => l.notice || ((!filter.include || filter.include.test(stripSgr(l.text))) && !filter.exclude?.test(stripSgr(l.text))));
}

export interface RowPiece extends Piece {
  /** Container prefix colour, or 'dim' for timestamps and notices. */
  tone?: 'dim' | 'notice' | { container: string };
}

export interface WindowOptions {
  width: number;
  height: number;
  wrap: boolean;
  timestamps: boolean;
  /** Merged mode: prefix width (0: no prefix). */
  prefixWidth: number;
  search?: RegExp;
  /** Keep SGR colours in the text (only when no search highlight is on the line). */
  logColors: boolean;
  /** Cells of each line scrolled out to the left (only without wrap). */
  shift?: number;
}

/** The prefix and the text of one line as plain strings. */
function parts(line: LogLine, o: WindowOptions): { prefix: RowPiece[]; body: string } {
  const prefix: RowPiece[] = [];
  if (o.prefixWidth > 0) {
    const name = (line.container ?? '').padEnd(o.prefixWidth);
    prefix.push({ text: `${name} │ `, tone: line.container ? { container: line.container } : 'dim' });
  }
  if (o.timestamps && line.ts) prefix.push({ text: `${line.ts} `, tone: 'dim' });
  // The buffer holds sanitized text already; sanitizing again costs little and guards the frame.
  const text = expandTabs(sanitize(line.text, { keepColors: o.logColors && !o.search }));
  return { prefix, body: text };
}

/** Rows for lines[..bottom] (inclusive) that fit in height, top to bottom. */
export function windowRows(lines: LogLine[], bottom: number, o: WindowOptions): RowPiece[][] {
  const rows: RowPiece[][] = [];
  for (let i = Math.min(bottom, lines.length - 1); i >= 0 && rows.length < o.height; i--) {
    const line = lines[i];
    const { prefix, body } = parts(line!, o);
    const prefixCells = prefix.reduce((n, p) => n + p.text.length, 0);
    const room = Math.max(1, o.width - prefixCells);
    const bodyTone = line!.notice ? 'notice' : undefined;
    const pieces = (t: string): RowPiece[] => (line!.notice ? [{ text: t, tone: bodyTone }] : highlight(t, o.search));
    let lineRows: RowPiece[][];
    if (o.wrap) {
      const chunks = wrapCells(body, room);
      lineRows = chunks.map((c, k) => (k === 0 ? [...prefix, ...pieces(c)] : [{ text: ' '.repeat(Math.min(prefixCells, o.width - 1)) }, ...pieces(c)]));
    } else {
      const shift = o.shift ?? 0;
      // A leading "…" says that the line goes on to the left.
      const shown = shift > 0 && body !== '' ? `…${dropCells(body, shift + 1)}` : body;
      lineRows = [[...prefix, ...pieces(cutCells(shown, room))]];
    }
    // Lines are collected bottom-up; keep only the rows of the top line that still fit.
    const fit = lineRows.slice(Math.max(0, lineRows.length - (o.height - rows.length)));
    rows.unshift(...fit);
  }
  return rows;
}
