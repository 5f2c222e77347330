// Column fitting for table cells, on top of the shared width helpers.
import { humanDuration } from '../text/age.ts';
import { displayWidth, padEnd, padStart, truncate } from '../text/width.ts';

export const cells = displayWidth;

/** Cuts text to at most `width` cells, ending in "…" when something was cut. */
export const cut = (text: string, width: number): string => truncate(text, width);

/** Exactly `width` cells: cut, then padded with spaces (on the left when alignRight). */
export function fit(text: string, width: number, alignRight = false): string {
  return alignRight ? padStart(text, width) : padEnd(text, width);
}

/** kubectl's AGE text, "?" when unknown. */
export function shortAge(seconds: number | undefined): string {
  return seconds === undefined || !Number.isFinite(seconds) ? '?' : humanDuration(seconds);
}
