// Cutting a coloured line to a width: SGR sequences take no cells and must not be cut in half.

import { charWidth, displayWidth, graphemes } from '../../text/width.ts';

const SGR_ALL = /\u001b\[[0-9;]*m/g;
// Splits a line into text and SGR sequences (the sequences at odd indexes).
const SGR_SPLIT = /(\u001b\[[0-9;]*m)/;

export function visibleWidth(line: string): number {
  return displayWidth(line.replace(SGR_ALL, ''));
}

/** Cuts to `width` cells with an ellipsis, keeping colour codes whole and resetting at the cut. */
export function truncateColored(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  const room = Math.max(0, width - 1);
  let out = '';
  let cells = 0;
  const parts = line.split(SGR_SPLIT);
  cut: for (let p = 0; p < parts.length; p++) {
    const part = parts[p] as string;
    if (p % 2 === 1) {
      out += part;
      continue;
    }
    // Whole clusters only: an emoji sequence or an accented letter is one character on screen.
    for (const ch of graphemes(part)) {
      const w = charWidth(ch);
      if (cells + w > room) break cut;
      out += ch;
      cells += w;
    }
  }
  return `${out}${width > 0 ? '…' : ''}\u001b[0m`;
}
