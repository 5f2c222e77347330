// Rows that mean the same on every screen that has them: `?` opens that screen's help, `q`
// and ctrl-c quit (like k9s; `esc` is back, never quit), and the keys that act on a Pod.
import type { Action } from './actions.ts';
import type { KeyBinding } from './keyTable.ts';

export const HELP_ROW: KeyBinding<Action> = { keys: ['?'], help: 'keys of this view', action: { type: 'help' } };
export const QUIT_ROW: KeyBinding<Action> = { keys: ['q', 'ctrl-c'], help: 'quit podview', action: { type: 'quit' } };

export const POD_ROWS: readonly KeyBinding<Action>[] = [
  { keys: ['l'], help: 'logs of the selected (or default) container', action: { type: 'logs' } },
  { keys: ['a'], help: 'logs of all containers, merged; on a filtered or narrowed list, of every listed Pod', action: { type: 'logsAll' } },
  { keys: ['p'], help: 'logs of the previous instance', action: { type: 'logsPrevious' } },
  { keys: ['s'], help: 'shell in the selected (or default) container', action: { type: 'shell' } },
  { keys: ['y'], help: "the Pod's YAML, as the API returns it", action: { type: 'yaml' } },
  { keys: ['ctrl-d'], help: 'restart: delete the Pod (its owner recreates it), after a confirmation', action: { type: 'restart' } },
];

/** F: the active port-forwards, from any screen that has Pods (they outlive the screen that started them). */
export const FORWARDS_ROW: KeyBinding<Action> = { keys: ['F'], help: 'active port-forwards', action: { type: 'forwards' } };
