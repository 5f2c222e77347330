// `?`: every key, from the same table the key handler uses.
import { KEY_HELP } from '../keymap.ts';
import { fit } from '../fit.ts';
import { Lines, seg, type Line } from '../lines.tsx';
import type { Theme } from '../theme.ts';

export function helpLines(): Line[] {
  const lines: Line[] = [[seg('Keys', 'header'), seg('   (esc, ? or q closes this help)', 'dim')], []];
  for (const k of KEY_HELP) {
    const where = k.modes.includes('list') && k.modes.includes('host') ? '' : k.modes.includes('host') ? ' [Pod view]' : k.modes.includes('list') ? ' [list]' : '';
    lines.push([seg(fit(k.keys, 16), 'accent'), seg(k.what), seg(where, 'dim')]);
  }
  return lines;
}

export function HelpView({ theme, height, offset = 0 }: { theme: Theme; height: number; offset?: number }) {
  return <Lines lines={helpLines()} theme={theme} height={height} offset={offset} />;
}
