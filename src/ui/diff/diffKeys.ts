// The replica diff's keys: what each dispatches and what `?` says of it.
import type { KeyTable } from '../keys/keyTable.ts';
import { scrollRows, type ScrollAction } from '../scroll/ScrollScreen.tsx';

export const DIFF_KEYS: KeyTable<ScrollAction> = [
  ...scrollRows(),
  { keys: ['esc'], help: 'back to the Pod view', action: { type: 'back' } },
  { keys: ['?'], help: 'keys of this view', action: { type: 'help' } },
  { keys: ['q', 'ctrl-c'], help: 'quit podview', action: { type: 'quit' } },
];
