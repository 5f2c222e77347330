// The `/` prompt. Typed text filters live; enter keeps it, esc drops it. A selector that
// does not parse says why instead of silently showing nothing. Keys reach it through App's
// single input handler (filterKey), so nothing typed right after `/` can be lost.
import type { Key } from 'ink';
import { sanitize } from '../../text/sanitize.ts';
import { LineView, seg } from '../lines.tsx';
import type { Theme } from '../theme.ts';

/** `accept` carries the text as accepted: text and its enter can come in one chunk. */
export type FilterKeyResult = { type: 'change'; value: string } | { type: 'accept'; value: string } | { type: 'cancel' } | undefined;

const CONTROL = /[\u0000-\u001f\u007f]/g;

export function filterKey(value: string, input: string, key: Key): FilterKeyResult {
  if (key.escape) return { type: 'cancel' };
  if (key.return) return { type: 'accept', value };
  // Text and its enter in one chunk (pasted, or typed faster than the terminal is read, as
  // tmux send-keys does): the text is kept and the enter is honoured, not dropped with the
  // other control characters.
  const enter = input.length > 1 ? input.search(/[\r\n]/) : -1;
  if (enter >= 0 && !key.ctrl && !key.meta) return { type: 'accept', value: value + input.slice(0, enter).replace(CONTROL, '') };
  if (key.backspace || key.delete) return { type: 'change', value: value.slice(0, -1) };
  if (key.ctrl && input === 'u') return { type: 'change', value: '' };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return undefined;
  // Pasted text arrives as one string; keep it on one line.
  const text = input.replace(CONTROL, '');
  return text ? { type: 'change', value: value + text } : undefined;
}

export interface FilterInputProps {
  value: string;
  /** How the text is being read: plain substring, or a label selector. */
  kind: 'all' | 'substring' | 'selector';
  error?: string;
  theme: Theme;
}

export function FilterInput({ value, kind, error, theme }: FilterInputProps) {
  const note = error ? `  ${sanitize(error)}` : kind === 'selector' ? '  (label selector)' : '';
  return <LineView line={[seg('/', 'accent'), seg(value), seg('_', 'dim'), seg(note, error ? 'error' : 'dim')]} theme={theme} />;
}
