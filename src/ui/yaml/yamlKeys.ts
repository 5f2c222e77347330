// The YAML screen's keys: what each dispatches, what `?` says of it, and the footer's hint.
import type { KeyTable } from '../keys/keyTable.ts';

export type YamlAction =
  | { type: 'scroll'; by: 'line' | 'page'; step: 1 | -1 }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'search' }
  | { type: 'hit'; step: 1 | -1 }
  | { type: 'managedFields' }
  | { type: 'save' }
  | { type: 'back' }
  | { type: 'help' }
  | { type: 'quit' };

export const YAML_KEYS: KeyTable<YamlAction> = [
  { keys: ['j', 'down'], help: 'line down', action: { type: 'scroll', by: 'line', step: 1 } },
  { keys: ['k', 'up'], help: 'line up', action: { type: 'scroll', by: 'line', step: -1 } },
  { keys: ['pgdn', 'ctrl-f'], help: 'page down', action: { type: 'scroll', by: 'page', step: 1 } },
  { keys: ['pgup', 'ctrl-b'], help: 'page up', action: { type: 'scroll', by: 'page', step: -1 } },
  { keys: ['g', 'home'], help: 'top', action: { type: 'top' } },
  { keys: ['G', 'end'], help: 'bottom', action: { type: 'bottom' } },
  { keys: ['/'], help: 'search (highlight every match)', action: { type: 'search' } },
  { keys: ['n'], help: 'next match', action: { type: 'hit', step: 1 } },
  { keys: ['N'], help: 'previous match', action: { type: 'hit', step: -1 } },
  { keys: ['m'], help: 'managedFields shown / folded', action: { type: 'managedFields' } },
  { keys: ['w'], help: 'save the YAML shown to a new file', action: { type: 'save' } },
  { keys: ['esc'], help: 'back to where the YAML was opened', action: { type: 'back' } },
  { keys: ['?'], help: 'keys of this view', action: { type: 'help' } },
  { keys: ['q', 'ctrl-c'], help: 'quit podview', action: { type: 'quit' } },
];

export const YAML_KEY_HINT = 'j/k scroll · / search · n/N next/prev · m managedFields · w save · esc back · ? help · q quit';
