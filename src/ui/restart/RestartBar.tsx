// The restart confirmation, in place of the status bar while it is asked: the question naming
// the Pod, its owner, and what happens after the delete (a bare Pod is gone for good, in red).
import { Box, Text } from 'ink';
import { sanitize } from '../../text/sanitize.ts';
import type { Theme } from '../theme.ts';
import type { RestartQuestion } from './useRestartFlow.ts';

/** Rows the bar takes: question, owner, consequence. */
export const RESTART_BAR_HEIGHT = 3;

export function RestartBar({ question, theme }: { question: RestartQuestion; theme: Theme }) {
  const c = question.confirmation;
  const lasting = c.fate === 'gone' && !c.alreadyTerminating;
  return (
    <Box height={RESTART_BAR_HEIGHT} flexDirection="column" overflow="hidden">
      <Text wrap="truncate-end">
        <Text {...theme.props('warn')} bold={theme.color}>
          {sanitize(c.question)}
        </Text>
        <Text {...theme.props('dim')}>{'   y/enter delete · n/esc keep it'}</Text>
      </Text>
      <Text wrap="truncate-end">{`  owner: ${sanitize(c.owner)}`}</Text>
      <Text wrap="truncate-end" {...theme.props(lasting ? 'error' : 'plain')}>
        {`  then:  ${sanitize(c.consequence)}`}
      </Text>
    </Box>
  );
}
