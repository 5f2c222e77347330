// Cutting a coloured line to a width: SGR sequences take no cells and must not be cut in half.

import { charWidth, displayWidth } from '../../text/width.ts';

const SGR_ALL = /\u001b\[[0-9;]*m/g;
const SGR_AT = /^\u001b\[[0-9;]*m/;

export function visibleWidth(line: string): number {
  return displayWidth(line.replace(SGR_ALL, ''));
}

/** Cuts to `width` cells with an ellipsis, keeping colour codes whole and resetting at the cut. */
export function truncateColored(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  const room = Math.max(0, width - 1);
  let out = '';
  let cells = 0;
  for (let i = 0; i < line.length; ) {
    const sgr = line[i] === '\u001b' ? SGR_AT.exec(line.slice(i)) : null;
    if (sgr) {
      out += sgr[0];
      i += sgr[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i) ?? 0);
    const w = charWidth(ch);
    if (cells + w > room) break;
    out += ch;
    cells += w;
    i += ch.length;
  }
  return `${out}${width > 0 ? '…' : ''}\u001b[0m`;
}
