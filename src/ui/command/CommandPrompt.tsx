// The `:` prompt at the bottom, in the status bar's place: what is typed, then the namespaces it
// could complete to (tab), or the previous ones when nothing is typed yet.
import { LineView, seg } from '../lines.tsx';
import type { Theme } from '../theme.ts';
import { cut } from '../fit.ts';

export interface CommandPromptProps {
  value: string;
  candidates: readonly string[];
  width: number;
  theme: Theme;
}

export function CommandPrompt({ value, candidates, width, theme }: CommandPromptProps) {
  const hint = candidates.length > 0 ? `   ${candidates.slice(0, 12).join('  ')}` : '   :ns NAME · :ns all · :ns - (previous) · tab completes';
  return <LineView line={[seg(':', 'accent'), seg(value), seg('_', 'dim'), seg(cut(hint, Math.max(1, width - value.length - 2)), 'dim')]} theme={theme} />;
}
