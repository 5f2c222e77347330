// A read-only screen of lines: a pinned top, a scrollable body, its own key table (which also
// draws its `?`), esc back and q quit. The replica diff and the volume listing are this shape;
// each passes its own table so their help names what they are.
import { useState } from 'react';
import { Box, useInput } from 'ink';
import { HelpView } from '../help/HelpView.tsx';
import { helpKey } from '../help/helpKeys.ts';
import { dispatchKey, type KeyTable } from '../keys/keyTable.ts';
import { Lines, LineView, type Line } from '../lines.tsx';
import type { Theme } from '../theme.ts';

export type ScrollAction = { type: 'scroll'; by: 'line' | 'page'; step: 1 | -1 } | { type: 'top' } | { type: 'bottom' } | { type: 'back' } | { type: 'help' } | { type: 'quit' };

export interface ScrollScreenProps {
  /** The help's title ("Keys: replica diff"). */
  title: string;
  keys: KeyTable<ScrollAction>;
  pinned: readonly Line[];
  body: readonly Line[];
  width: number;
  height: number;
  theme: Theme;
  onClose(): void;
  onQuit(): void;
}

export function ScrollScreen({ title, keys, pinned, body, width, height, theme, onClose, onQuit }: ScrollScreenProps) {
  const [scroll, setScroll] = useState(0);
  const [help, setHelp] = useState<number | undefined>(undefined);
  const rows = Math.max(1, height - pinned.length);
  const max = Math.max(0, body.length - rows);
  const top = Math.min(scroll, max);
  useInput((input, key) => {
    if (help !== undefined) return helpKey(input, key, setHelp, onQuit);
    const action = dispatchKey(keys, input, key);
    switch (action?.type) {
      case 'back':
        return onClose();
      case 'quit':
        return onQuit();
      case 'help':
        return setHelp(0);
      case 'top':
        return setScroll(0);
      case 'bottom':
        return setScroll(max);
      case 'scroll':
        return setScroll(Math.max(0, Math.min(max, top + action.step * (action.by === 'page' ? Math.max(1, rows - 1) : 1))));
      default:
        return;
    }
  });
  if (help !== undefined) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <HelpView topic={{ title, keys }} theme={theme} height={height} offset={help} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      {pinned.map((line, i) => (
        <LineView key={`p${i}`} line={line} theme={theme} />
      ))}
      <Lines lines={body} offset={top} height={rows} theme={theme} />
    </Box>
  );
}

/** The rows every such screen has; a screen's table adds its own `esc` row with what back means. */
export function scrollRows(): KeyTable<ScrollAction> {
  return [
    { keys: ['j', 'down'], help: 'scroll down', action: { type: 'scroll', by: 'line', step: 1 } },
    { keys: ['k', 'up'], help: 'scroll up', action: { type: 'scroll', by: 'line', step: -1 } },
    { keys: ['pgdn', 'ctrl-f', 'space'], help: 'page down', action: { type: 'scroll', by: 'page', step: 1 } },
    { keys: ['pgup', 'ctrl-b'], help: 'page up', action: { type: 'scroll', by: 'page', step: -1 } },
    { keys: ['g', 'home'], help: 'top', action: { type: 'top' } },
    { keys: ['G', 'end'], help: 'bottom', action: { type: 'bottom' } },
  ];
}
