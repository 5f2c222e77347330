// The legend of the list's CTRS column, for its `?`: built from the same glyph and tone
// tables the rows are drawn with.
import type { ContainerKind } from '../../model/types.ts';
import { seg, type Line } from '../lines.tsx';
import { HEALTH_TONE, KIND_GLYPH } from './PodListRow.tsx';

const KIND_TEXT: Record<ContainerKind, string> = { init: 'init container', sidecar: 'sidecar (native or by convention)', app: 'app container', ephemeral: 'ephemeral (debug) container' };
const HEALTH_TEXT: Record<keyof typeof HEALTH_TONE, string> = { ok: 'running (and ready)', waiting: 'waiting, starting or not ready', failed: 'failing (back-off, error, non-zero exit)', done: 'exited 0' };

export function ctrsLegend(): Line[] {
  const lines: Line[] = [[seg('CTRS column', 'header'), seg('   one glyph per container, in Pod order', 'dim')]];
  for (const kind of Object.keys(KIND_GLYPH) as ContainerKind[]) lines.push([seg(`  ${KIND_GLYPH[kind]}  `), seg(KIND_TEXT[kind])]);
  lines.push([seg('  colour: ', 'dim'), ...(Object.keys(HEALTH_TONE) as (keyof typeof HEALTH_TONE)[]).flatMap((h, i) => [seg(i === 0 ? '' : ' · ', 'dim'), seg(`${KIND_GLYPH.app} ${HEALTH_TEXT[h]}`, HEALTH_TONE[h])])]);
  lines.push([seg('  without colour, STATUS and READY say the same', 'dim')]);
  return lines;
}
