// The Pod list's keys: what each dispatches and what `?` says of it.
import type { Action } from '../keys/actions.ts';
import { FORWARDS_ROW, HELP_ROW, POD_ROWS, QUIT_ROW } from '../keys/commonKeys.ts';
import type { KeyTable } from '../keys/keyTable.ts';

export const LIST_KEYS: KeyTable<Action> = [
  { keys: ['j', 'down'], help: 'move down', action: { type: 'down' } },
  { keys: ['k', 'up'], help: 'move up', action: { type: 'up' } },
  { keys: ['pgdn', 'ctrl-f'], help: 'page down', action: { type: 'pageDown' } },
  { keys: ['pgup', 'ctrl-b'], help: 'page up', action: { type: 'pageUp' } },
  { keys: ['g', 'home'], help: 'first Pod', action: { type: 'top' } },
  { keys: ['G', 'end'], help: 'last Pod', action: { type: 'bottom' } },
  { keys: ['/'], help: 'filter, all words must hold: web status:Crash node: container: image: ns: finding: restarts>3 label:app=web', action: { type: 'filter' } },
  { keys: ['enter'], help: 'open the Pod as a host', action: { type: 'open' } },
  { keys: ['esc'], help: 'clear the filter', action: { type: 'clearFilter' } },
  // k9s's sort keys; pressing the same one again reverses the order.
  { keys: ['N'], help: 'sort by NAME (namespace, name); again reverses', action: { type: 'sort', column: 'name' } },
  { keys: ['A'], help: 'sort by AGE, youngest first; again reverses', action: { type: 'sort', column: 'age' } },
  { keys: ['T'], help: 'sort by RESTARTS, most first; again reverses', action: { type: 'sort', column: 'restarts' } },
  { keys: ['R'], help: 'sort by READY, least ready first; again reverses', action: { type: 'sort', column: 'ready' } },
  { keys: ['S'], help: 'sort by STATUS; again reverses', action: { type: 'sort', column: 'status' } },
  { keys: ['O'], help: 'sort by NODE; again reverses', action: { type: 'sort', column: 'node' } },
  { keys: ['C'], help: 'sort by CPU use, busiest first (where metrics are served); again reverses', action: { type: 'sort', column: 'cpu' } },
  { keys: ['M'], help: 'sort by MEM use, largest first (where metrics are served); again reverses', action: { type: 'sort', column: 'mem' } },
  { keys: ['!'], help: 'problems first: failing, then not yet well, each by restarts', action: { type: 'sort', column: 'problems' } },
  { keys: [':'], help: 'command: :ns NAME (tab completes), :ns all, :ns - for the previous namespace, :ctx NAME', action: { type: 'command' } },
  { keys: ['0'], help: 'every namespace (like -A); :- goes back', action: { type: 'allNamespaces' } },
  ...POD_ROWS,
  FORWARDS_ROW,
  HELP_ROW,
  QUIT_ROW,
];
