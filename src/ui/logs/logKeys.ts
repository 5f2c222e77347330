// The log view's keys: what each dispatches, what `?` says of it, and the footer's hint.
import type { KeyTable } from '../keys/keyTable.ts';

export type LogAction =
  | { type: 'prompt'; kind: PromptKind }
  | { type: 'hit'; step: 1 | -1 }
  | { type: 'pause' }
  | { type: 'follow' }
  | { type: 'first' }
  | { type: 'scroll'; by: 'line' | 'page'; step: 1 | -1 }
  | { type: 'shift'; step: 1 | -1 }
  | { type: 'timestamps' }
  | { type: 'wrap' }
  | { type: 'save' }
  | { type: 'help' }
  | { type: 'back' }
  | { type: 'quit' };

export const LOG_KEYS: KeyTable<LogAction> = [
  { keys: ['/'], help: 'search (highlight every match)', action: { type: 'prompt', kind: 'search' } },
  { keys: ['n'], help: 'next match', action: { type: 'hit', step: 1 } },
  { keys: ['N'], help: 'previous match', action: { type: 'hit', step: -1 } },
  { keys: ['f'], help: 'show only lines matching', action: { type: 'prompt', kind: 'include' } },
  { keys: ['F'], help: 'hide lines matching', action: { type: 'prompt', kind: 'exclude' } },
  { keys: ['space'], help: 'pause / follow again', action: { type: 'pause' } },
  { keys: ['G', 'end'], help: 'follow the end', action: { type: 'follow' } },
  { keys: ['g', 'home'], help: 'oldest line kept', action: { type: 'first' } },
  { keys: ['k', 'up'], help: 'line up (pauses)', action: { type: 'scroll', by: 'line', step: -1 } },
  { keys: ['j', 'down'], help: 'line down', action: { type: 'scroll', by: 'line', step: 1 } },
  { keys: ['pgup'], help: 'page up (pauses)', action: { type: 'scroll', by: 'page', step: -1 } },
  { keys: ['pgdn'], help: 'page down', action: { type: 'scroll', by: 'page', step: 1 } },
  { keys: ['right'], help: 'scroll right (not when wrapping)', action: { type: 'shift', step: 1 } },
  { keys: ['left'], help: 'scroll left', action: { type: 'shift', step: -1 } },
  { keys: ['t'], help: 'timestamps on / off', action: { type: 'timestamps' } },
  { keys: ['W'], help: 'wrap long lines on / off', action: { type: 'wrap' } },
  { keys: ['w'], help: 'save the lines kept to a file', action: { type: 'save' } },
  { keys: ['esc'], help: 'back to where the logs were opened', action: { type: 'back' } },
  { keys: ['?'], help: 'keys of this view', action: { type: 'help' } },
  { keys: ['q', 'ctrl-c'], help: 'quit podview', action: { type: 'quit' } },
];

export const LOG_KEY_HINT = '/ search · n/N next/prev · f only · F hide · space pause · t timestamps · W wrap · w save · esc back · ? help · q quit';

export type PromptKind = 'search' | 'include' | 'exclude';

export const PROMPT_LABEL: Record<PromptKind, string> = { search: '/', include: 'only: ', exclude: 'hide: ' };
