// The small screens around an exec session: the line shown while it opens (with the detach
// key, so the user knows the way out before entering), and the distroless debug offer, which
// must be confirmed because an ephemeral container stays in the Pod for good. No I/O here.
import type React from 'react';
import { Box, Text, useInput } from 'ink';
import type { Theme } from '../theme.ts';
import { debugOfferLine, openingLine, startingDebugLine } from './execText.ts';

export interface ExecOpeningProps {
  theme: Theme;
  container: string;
  detach: string;
}

export function ExecOpening({ theme, container, detach }: ExecOpeningProps): React.JSX.Element {
  return (
    <Box>
      <Text {...theme.props('accent')}>{openingLine(container, detach)}</Text>
    </Box>
  );
}

export interface DebugOfferProps {
  theme: Theme;
  container: string;
  image: string;
  /** true only for an explicit y/Y; every other key declines (the default is No). */
  onAnswer(start: boolean): void;
  /** false while another view owns the keyboard. */
  active?: boolean;
}

export function DebugOffer({ theme, container, image, onAnswer, active = true }: DebugOfferProps): React.JSX.Element {
  useInput(
    (input) => {
      onAnswer(input === 'y' || input === 'Y');
    },
    { isActive: active },
  );
  return (
    <Box>
      <Text {...theme.props('warn')}>{debugOfferLine(container, image)}</Text>
    </Box>
  );
}

export function DebugStarting({ theme, container, image }: { theme: Theme; container: string; image: string }): React.JSX.Element {
  return (
    <Box>
      <Text {...theme.props('dim')}>{startingDebugLine(image, container)}</Text>
    </Box>
  );
}
