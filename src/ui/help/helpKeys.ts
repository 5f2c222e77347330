// The help screen's own keys, listed in its first line.
import type { Key } from 'ink';
import { dispatchKey, type KeyTable } from '../keys/keyTable.ts';

export type HelpAction = { type: 'close' } | { type: 'scroll'; by: number } | { type: 'quit' };

export const HELP_KEYS: KeyTable<HelpAction> = [
  { keys: ['esc', '?'], help: 'close', action: { type: 'close' } },
  { keys: ['j', 'down'], help: 'scroll', action: { type: 'scroll', by: 1 } },
  { keys: ['k', 'up'], help: 'scroll back', action: { type: 'scroll', by: -1 } },
  { keys: ['q', 'ctrl-c'], help: 'quit podview', action: { type: 'quit' } },
];

/** The help page's scroll offset while it is shown, undefined while it is not; React's state setter fits. */
export type SetHelp = (next: number | undefined | ((offset: number | undefined) => number | undefined)) => void;

/**
 * A key while help is shown: it scrolls, closes (`undefined`) or quits. The scroll is an update
 * of the offset, not a new value, so several keys read in one chunk before a render all count.
 */
export function helpKey(input: string, key: Key, setHelp: SetHelp, onExit: () => void): void {
  const action = dispatchKey(HELP_KEYS, input, key);
  if (action?.type === 'quit') onExit();
  else if (action?.type === 'close') setHelp(undefined);
  else if (action?.type === 'scroll') setHelp((offset) => Math.max(0, (offset ?? 0) + action.by));
}
