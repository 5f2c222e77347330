// The shell hand-over's bottom bar, in place of the status bar while it is on screen: the
// debug-container offer (its answer comes through App's key handler) or the debug start.
import { Box } from 'ink';
import type { ExecPhase } from '../hooks/useExecFlow.ts';
import type { Theme } from '../theme.ts';
import { DebugOffer, DebugStarting } from './ExecScreens.tsx';

/** Rows the bar takes: the offer may wrap. */
export const EXEC_BAR_HEIGHT = 3;

export function ExecBar({ phase, theme, onAnswer }: { phase: ExecPhase; theme: Theme; onAnswer(yes: boolean): void }) {
  return (
    <Box height={EXEC_BAR_HEIGHT} overflow="hidden">
      {phase.kind === 'offer' ? (
        <DebugOffer theme={theme} container={phase.request.container} image={phase.image} onAnswer={onAnswer} active={false} />
      ) : (
        <DebugStarting theme={theme} container={phase.request.container} image={phase.image} />
      )}
    </Box>
  );
}
