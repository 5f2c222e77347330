// A screen as plain data: lines of toned segments. Views build Line[] with pure functions,
// which makes windowing (scrolling, fitting 24 rows) a slice and keeps tests on text.
import React from 'react';
import { Box, Text } from 'ink';
import type { Theme, Tone } from './theme.ts';

export interface Seg {
  text: string;
  tone?: Tone;
}
export type Line = Seg[];

export const seg = (text: string, tone?: Tone): Seg => (tone ? { text, tone } : { text });

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

interface LineViewProps {
  line: Line;
  theme: Theme;
}

/** Joins neighbours that look the same, so a row is a handful of nodes, not one per cell. */
function runs(line: Line, theme: Theme): Seg[] {
  if (!theme.color) return [{ text: lineText(line) }];
  const out: Seg[] = [];
  for (const s of line) {
    const last = out[out.length - 1];
    if (last && (last.tone ?? 'plain') === (s.tone ?? 'plain')) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** One terminal row; anything wider than the terminal is cut, never wrapped onto the next row. */
export const LineView = React.memo(function LineView({ line, theme }: LineViewProps) {
  const parts = runs(line, theme);
  if (parts.length <= 1)
    return (
      <Text wrap="truncate-end" {...theme.props(parts[0]?.tone)}>
        {parts[0]?.text || ' '}
      </Text>
    );
  return (
    <Text wrap="truncate-end">
      {parts.map((s, i) => (
        <Text key={i} {...theme.props(s.tone)}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
});

interface LinesProps {
  lines: readonly Line[];
  theme: Theme;
  /** First line shown. */
  offset?: number;
  /** Rows available; lines beyond are not rendered at all. */
  height: number;
}

export function Lines({ lines, theme, offset = 0, height }: LinesProps) {
  const shown = lines.slice(offset, offset + Math.max(0, height));
  return (
    <Box flexDirection="column" height={Math.max(0, height)} overflow="hidden">
      {shown.map((line, i) => (
        <LineView key={offset + i} line={line} theme={theme} />
      ))}
    </Box>
  );
}
