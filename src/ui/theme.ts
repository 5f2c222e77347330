// Colours as semantic tones, so every view asks for "error" or "shared" rather than a colour,
// and a single switch (NO_COLOR, --no-color) turns every escape sequence off at once.
import type { TextProps } from 'ink';

export type Tone = 'plain' | 'ok' | 'warn' | 'error' | 'dim' | 'accent' | 'header' | 'selected' | 'shared' | 'deleted' | 'stale' | 'badge';

export interface Theme {
  readonly color: boolean;
  /** Ink Text props for a tone; {} when colour is off, so no ESC[ sequence is ever written. */
  props(tone: Tone | undefined): TextProps;
}

const TONES: Record<Tone, TextProps> = {
  plain: {},
  ok: { color: 'green' },
  warn: { color: 'yellow' },
  error: { color: 'red' },
  dim: { color: 'gray' },
  accent: { color: 'cyan' },
  header: { bold: true },
  selected: { inverse: true },
  shared: { color: 'magenta', bold: true },
  deleted: { color: 'gray', strikethrough: true },
  /** What the server said before the connection was lost: greyed, still readable. */
  stale: { color: 'gray' },
  badge: { color: 'blue' },
};

const NONE: TextProps = {};

export function makeTheme(color: boolean): Theme {
  return {
    color,
    props: (tone) => (color && tone ? TONES[tone] : NONE),
  };
}

/**
 * Colour is on unless the user said otherwise: NO_COLOR set to anything non-empty
 * (https://no-color.org) or the caller's flag (e.g. --no-color).
 */
export function colorWanted(flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const noColor = env.NO_COLOR;
  return flag && (noColor === undefined || noColor === '');
}
