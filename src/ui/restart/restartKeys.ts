// The restart confirmation's keys. Only y or enter deletes; any key it does not name is ignored
// rather than taken as an answer, so a stray key never deletes a Pod nor loses the question.
import type { KeyTable } from '../keys/keyTable.ts';

export type ConfirmAction = { type: 'confirm' } | { type: 'cancel' } | { type: 'quit' };

export const RESTART_CONFIRM_KEYS: KeyTable<ConfirmAction> = [
  { keys: ['y', 'enter'], help: 'delete the Pod', action: { type: 'confirm' } },
  { keys: ['n', 'esc'], help: 'keep it', action: { type: 'cancel' } },
  { keys: ['ctrl-c'], help: 'quit podview', action: { type: 'quit' } },
];
