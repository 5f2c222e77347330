// Pure text helpers for the log view: patterns typed by the user, tabs, wrapping, and
// search highlights, all measured in terminal cells and cut between grapheme clusters (an
// emoji sequence or an accented letter is one character on screen).
import { charWidth, displayWidth, graphemes } from '../../text/width.ts';

/** The user's pattern as a case-insensitive regex; a pattern that is not valid regex is taken literally. */
export function toPattern(source: string): { regex: RegExp; literal: boolean } | undefined {
  if (source === '') return undefined;
  try {
    return { regex: new RegExp(source, 'i'), literal: false };
  } catch {
    return { regex: new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), literal: true };
  }
}

export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  for (const ch of text) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}

/** Splits text into pieces of at most `width` cells (at least one piece). */
export function wrapCells(text: string, width: number): string[] {
  if (width <= 0) return [text];
  const rows: string[] = [];
  let row = '';
  let w = 0;
  for (const ch of graphemes(text)) {
    const cw = charWidth(ch);
    if (w + cw > width) {
      rows.push(row);
      row = '';
      w = 0;
    }
    row += ch;
    w += cw;
  }
  rows.push(row);
  return rows;
}

/** Text without its first `cells` cells (a wide character that straddles the edge goes too). */
export function dropCells(text: string, cells: number): string {
  if (cells <= 0) return text;
  let w = 0;
  let i = 0;
  for (const ch of graphemes(text)) {
    if (w >= cells) break;
    w += charWidth(ch);
    i += ch.length;
  }
  return text.slice(i);
}

/** The first `width` cells of text, with "…" when cut. */
export function cutCells(text: string, width: number): string {
  let w = 0;
  let out = '';
  for (const ch of graphemes(text)) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) {
      // Does the rest fit exactly?
      const restWidth = displayWidth(text.slice(out.length));
      return w + restWidth <= width ? text : `${out}…`;
    }
    out += ch;
    w += cw;
  }
  return out;
}

export interface Piece {
  text: string;
  hit?: boolean;
}

/** Text split into pieces where the search pattern matches (hit) and does not. */
export function highlight(text: string, pattern: RegExp | undefined): Piece[] {
  if (!pattern) return [{ text }];
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(global)) {
    if (m[0] === '') continue;
    const start = m.index ?? 0;
    if (start > at) pieces.push({ text: text.slice(at, start) });
    pieces.push({ text: m[0], hit: true });
    at = start + m[0].length;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at) });
  return pieces;
}
