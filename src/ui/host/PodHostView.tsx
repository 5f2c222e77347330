// The Pod drawn as a host: pinned header, a section bar, and a scrollable body. The caller
// builds the screen (buildHostScreen) so it also knows where sections start for tab jumps.
import { Box } from 'ink';
import { SECTION_NAMES, type HostScreen } from './hostScreen.ts';
import { Lines, LineView, seg, type Line } from '../lines.tsx';
import type { Theme } from '../theme.ts';

export interface PodHostViewProps {
  screen: HostScreen;
  /** First body line shown (clamped here). */
  scroll: number;
  width: number;
  /** Rows for the whole view. */
  height: number;
  theme: Theme;
}

/** The section whose title is at or above the first visible body line. */
export function currentSection(screen: HostScreen, scroll: number): number {
  let current = 0;
  screen.sectionStarts.forEach((start, i) => {
    if (start <= scroll) current = i;
  });
  return current;
}

export function bodyHeight(screen: HostScreen, height: number): number {
  return Math.max(1, height - screen.pinned.length - 1);
}

export function maxScroll(screen: HostScreen, height: number): number {
  return Math.max(0, screen.body.length - bodyHeight(screen, height));
}

function sectionBar(active: number, width: number): Line {
  const short = width < 100;
  const line: Line = [];
  SECTION_NAMES.forEach((name, i) => {
    const label = short ? name.split(/[ &]/)[0]! : name;
    line.push(seg(`${i + 1} ${label}`, i === active ? 'selected' : 'dim'), seg(' '));
  });
  return line;
}

export function PodHostView({ screen, scroll, width, height, theme }: PodHostViewProps) {
  const rows = bodyHeight(screen, height);
  const top = Math.min(Math.max(0, scroll), maxScroll(screen, height));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {screen.pinned.map((line, i) => (
        <LineView key={`p${i}`} line={line} theme={theme} />
      ))}
      <LineView line={sectionBar(currentSection(screen, top), width)} theme={theme} />
      <Lines lines={screen.body} offset={top} height={rows} theme={theme} />
    </Box>
  );
}
