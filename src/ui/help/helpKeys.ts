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

/** A key while help is shown: it scrolls (`setHelp(offset)`), closes (`setHelp(undefined)`) or quits. */
export function helpKey(offset: number, input: string, key: Key, setHelp: (offset: number | undefined) => void, onExit: () => void): void {
  const action = dispatchKey(HELP_KEYS, input, key);
  if (action?.type === 'quit') onExit();
  else if (action?.type === 'close') setHelp(undefined);
  else if (action?.type === 'scroll') setHelp(Math.max(0, offset + action.by));
}
