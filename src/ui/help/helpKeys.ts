// The help screen's own keys, listed in its first line.
import type { KeyTable } from '../keys/keyTable.ts';

export type HelpAction = { type: 'close' } | { type: 'scroll'; by: number } | { type: 'quit' };

export const HELP_KEYS: KeyTable<HelpAction> = [
  { keys: ['esc', '?'], help: 'close', action: { type: 'close' } },
  { keys: ['j', 'down'], help: 'scroll', action: { type: 'scroll', by: 1 } },
  { keys: ['k', 'up'], help: 'scroll back', action: { type: 'scroll', by: -1 } },
  { keys: ['q', 'ctrl-c'], help: 'quit podview', action: { type: 'quit' } },
];
