// The list of active port-forwards (F): its keys, what each dispatches and what `?` says of it.
import type { KeyTable } from '../keys/keyTable.ts';

export type ForwardsAction = { type: 'up' } | { type: 'down' } | { type: 'stop' } | { type: 'back' } | { type: 'help' } | { type: 'quit' };

export const FORWARD_KEYS: KeyTable<ForwardsAction> = [
  { keys: ['j', 'down'], help: 'next forward', action: { type: 'down' } },
  { keys: ['k', 'up'], help: 'previous forward', action: { type: 'up' } },
  { keys: ['x', 'd'], help: 'stop the selected forward', action: { type: 'stop' } },
  { keys: ['esc'], help: 'back (the forwards keep running)', action: { type: 'back' } },
  { keys: ['?'], help: 'keys of this view', action: { type: 'help' } },
  { keys: ['q', 'ctrl-c'], help: 'quit podview (stops every forward)', action: { type: 'quit' } },
];
