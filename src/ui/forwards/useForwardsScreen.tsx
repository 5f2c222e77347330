// The list of active port-forwards (F) as a screen: its selection and its key table. Stopping
// is an ask written into store/forwards (the feed stops the forward and removes it); back,
// help and quit go to the router.
import type React from 'react';
import { useState } from 'react';
import type { Key } from 'ink';
import type { ForwardStore } from '../../store/forwards.ts';
import type { HelpTopic } from '../help/HelpView.tsx';
import { useForwards } from '../hooks/useForwards.ts';
import { dispatchKey } from '../keys/keyTable.ts';
import { Lines } from '../lines.tsx';
import type { Theme } from '../theme.ts';
import { FORWARD_KEYS, type ForwardsAction } from './forwardKeys.ts';
import { forwardLines } from './forwardLines.ts';

export const FORWARDS_HINT = 'esc back · j/k select · x stop · ? help · q quit';
const FORWARDS_HELP: HelpTopic = { title: 'port-forwards', keys: FORWARD_KEYS };

export interface ForwardsScreen {
  body: React.ReactNode;
  help: HelpTopic;
  /** A key press: handled here (undefined), or back/help/quit for the router. */
  onKey(input: string, key: Key): Exclude<ForwardsAction, { type: 'up' | 'down' | 'stop' }> | undefined;
}

export function useForwardsScreen({ forwards, theme, height }: { forwards: ForwardStore; theme: Theme; height: number }): ForwardsScreen {
  const all = useForwards(forwards);
  const [cursor, setCursor] = useState(0);
  const selected = Math.max(0, Math.min(all.length - 1, cursor));
  const onKey: ForwardsScreen['onKey'] = (input, key) => {
    const action = dispatchKey(FORWARD_KEYS, input, key);
    switch (action?.type) {
      case 'down':
        return void setCursor(Math.min(all.length - 1, selected + 1));
      case 'up':
        return void setCursor(Math.max(0, selected - 1));
      case 'stop': {
        const forward = all[selected];
        return forward ? void forwards.stop(forward.id) : undefined;
      }
      default:
        return action;
    }
  };
  return { body: <Lines lines={forwardLines(all, selected)} theme={theme} height={height} />, help: FORWARDS_HELP, onKey };
}
