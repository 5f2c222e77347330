// The Pod list's keys: what each dispatches and what `?` says of it.
import type { Action } from '../keys/actions.ts';
import { HELP_ROW, POD_ROWS, QUIT_ROW } from '../keys/commonKeys.ts';
import type { KeyTable } from '../keys/keyTable.ts';

export const LIST_KEYS: KeyTable<Action> = [
  { keys: ['j', 'down'], help: 'move down', action: { type: 'down' } },
  { keys: ['k', 'up'], help: 'move up', action: { type: 'up' } },
  { keys: ['pgdn', 'ctrl-f'], help: 'page down', action: { type: 'pageDown' } },
  { keys: ['pgup', 'ctrl-b'], help: 'page up', action: { type: 'pageUp' } },
  { keys: ['g', 'home'], help: 'first Pod', action: { type: 'top' } },
  { keys: ['G', 'end'], help: 'last Pod', action: { type: 'bottom' } },
  { keys: ['/'], help: 'filter: text (name, namespace, status, node, container, image) or a label selector like app=web,tier!=db', action: { type: 'filter' } },
  { keys: ['enter'], help: 'open the Pod as a host', action: { type: 'open' } },
  { keys: ['esc'], help: 'clear the filter', action: { type: 'clearFilter' } },
  { keys: [':'], help: 'command: :ns NAME (tab completes), :ns all, :ns - for the previous namespace, :ctx NAME', action: { type: 'command' } },
  { keys: ['0'], help: 'every namespace (like -A); :- goes back', action: { type: 'allNamespaces' } },
  ...POD_ROWS,
  HELP_ROW,
  QUIT_ROW,
];
