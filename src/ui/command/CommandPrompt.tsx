// The `:` prompt at the bottom, in the status bar's place: what is typed, then the namespaces it
// could complete to (tab), or the previous ones when nothing is typed yet.
import type { Namespace } from '../../store/scopeSwitch.ts';
import { LineView, seg } from '../lines.tsx';
import type { Theme } from '../theme.ts';
import { cut } from '../fit.ts';

export interface CommandPromptProps {
  value: string;
  candidates: readonly string[];
  /** Shown while nothing matches yet: `:-` goes to the first. */
  recent: readonly Namespace[];
  width: number;
  theme: Theme;
}

export function CommandPrompt({ value, candidates, recent, width, theme }: CommandPromptProps) {
  const previous = recent.length > 0 ? `   recent: ${recent.map((n) => n ?? 'all').join(' ')} (- for ${recent[0] ?? 'all'})` : '';
  const hint = candidates.length > 0 ? `   ${candidates.slice(0, 12).join('  ')}` : `   ns NAME · ns all · ctx NAME · sort COLUMN · tab completes${previous}`;
  return <LineView line={[seg(':', 'accent'), seg(value), seg('_', 'dim'), seg(cut(hint, Math.max(1, width - value.length - 2)), 'dim')]} theme={theme} />;
}
