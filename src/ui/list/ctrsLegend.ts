// The legend of the list's CTRS column, for its `?`: built from the same glyph and tone
// tables the rows are drawn with.
import type { ContainerKind } from '../../model/types.ts';
import { seg, type Line } from '../lines.tsx';
import type { Tone } from '../theme.ts';
import { HEALTH_TONE, KIND_GLYPH } from './PodListRow.tsx';

const KIND_TEXT: Record<ContainerKind, string> = { init: 'init container', sidecar: 'sidecar (native or by convention)', app: 'app container', ephemeral: 'ephemeral (debug) container' };
const HEALTH_TEXT: Record<keyof typeof HEALTH_TONE, string> = {
  ok: 'running (and ready)',
  waiting: 'waiting, starting or not ready',
  failed: 'failing (back-off, error, non-zero exit)',
  done: 'exited 0',
};

/** The colour each tone is drawn in (theme.ts), named for a terminal without colour. */
const COLOUR_WORD: Partial<Record<Tone, string>> = { ok: 'green', warn: 'yellow', error: 'red', dim: 'grey' };

export function ctrsLegend(): Line[] {
  const lines: Line[] = [[seg('CTRS column', 'header'), seg('   one glyph per container, in Pod order', 'dim')]];
  for (const kind of Object.keys(KIND_GLYPH) as ContainerKind[]) lines.push([seg(`  ${KIND_GLYPH[kind]}  `), seg(KIND_TEXT[kind])]);
  for (const health of Object.keys(HEALTH_TONE) as (keyof typeof HEALTH_TONE)[]) {
    const tone = HEALTH_TONE[health];
    lines.push([seg(`  ${KIND_GLYPH.app}  `, tone), seg(`${COLOUR_WORD[tone] ?? tone}: `.padEnd(9), 'dim'), seg(HEALTH_TEXT[health])]);
  }
  return lines;
}
