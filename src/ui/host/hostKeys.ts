// The Pod view's keys: what each dispatches and what `?` says of it.
import type { Action } from '../keys/actions.ts';
import { FORWARDS_ROW, HELP_ROW, POD_ROWS, QUIT_ROW } from '../keys/commonKeys.ts';
import type { KeyTable } from '../keys/keyTable.ts';

export const HOST_KEYS: KeyTable<Action> = [
  { keys: ['j', 'down'], help: 'scroll down', action: { type: 'down' } },
  { keys: ['k', 'up'], help: 'scroll up', action: { type: 'up' } },
  { keys: ['pgdn', 'ctrl-f'], help: 'page down', action: { type: 'pageDown' } },
  { keys: ['pgup', 'ctrl-b'], help: 'page up', action: { type: 'pageUp' } },
  { keys: ['g', 'home'], help: 'top', action: { type: 'top' } },
  { keys: ['G', 'end'], help: 'bottom', action: { type: 'bottom' } },
  { keys: ['tab'], help: 'next section', action: { type: 'nextSection' } },
  { keys: ['shift-tab'], help: 'previous section', action: { type: 'prevSection' } },
  { keys: ['1-9'], help: 'jump to section', action: (input) => ({ type: 'section', index: Number(input) - 1 }) },
  { keys: ['right', 'c'], help: 'next container', action: { type: 'nextContainer' } },
  { keys: ['left'], help: 'previous container', action: { type: 'prevContainer' } },
  { keys: ['n'], help: 'next diagnosis line', action: { type: 'nextFinding' } },
  { keys: ['N'], help: 'previous diagnosis line', action: { type: 'prevFinding' } },
  { keys: ['enter'], help: "the selected diagnosis line's evidence (logs, events, ports, volume); in Volumes, the selected volume's files", action: { type: 'evidence' } },
  ...POD_ROWS,
  { keys: ['P'], help: 'probe which localhost ports really listen', action: { type: 'probePorts' } },
  { keys: ['d'], help: 'compare with a healthy sibling of the same owner', action: { type: 'diff' } },
  { keys: ['v'], help: "list the selected volume's files (v goes to Volumes first)", action: { type: 'listVolume' } },
  { keys: [']'], help: 'next volume (Volumes section)', action: { type: 'nextVolume' } },
  { keys: ['['], help: 'previous volume (Volumes section)', action: { type: 'prevVolume' } },
  { keys: ['f'], help: 'port-forward the selected container’s next TCP port to 127.0.0.1', action: { type: 'forward' } },
  FORWARDS_ROW,
  { keys: ['esc'], help: 'back: from evidence to its diagnosis line, else to the list', action: { type: 'back' } },
  HELP_ROW,
  QUIT_ROW,
];
