// Keys like k9s: one table maps a key press in a mode to an action, and the same table
// is what the help screen prints, so help can never drift from behaviour.
import type { Key } from 'ink';

export type Mode = 'list' | 'host' | 'help';

export type Action =
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'pageUp' }
  | { type: 'pageDown' }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'filter' }
  | { type: 'clearFilter' }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'logs' }
  | { type: 'logsAll' }
  | { type: 'logsPrevious' }
  | { type: 'shell' }
  | { type: 'probePorts' }
  | { type: 'nextSection' }
  | { type: 'prevSection' }
  | { type: 'section'; index: number }
  | { type: 'nextContainer' }
  | { type: 'prevContainer' };

export interface KeyHelp {
  keys: string;
  what: string;
  modes: readonly Mode[];
}

const LIST_HOST: readonly Mode[] = ['list', 'host'];

/** Every key podview answers to, in the order help lists them. */
export const KEY_HELP: readonly KeyHelp[] = [
  { keys: 'j / ↓', what: 'move down (list) / scroll down (Pod)', modes: LIST_HOST },
  { keys: 'k / ↑', what: 'move up (list) / scroll up (Pod)', modes: LIST_HOST },
  { keys: 'PgDn / ctrl-f', what: 'page down', modes: LIST_HOST },
  { keys: 'PgUp / ctrl-b', what: 'page up', modes: LIST_HOST },
  { keys: 'g / Home', what: 'first row / top', modes: LIST_HOST },
  { keys: 'G / End', what: 'last row / bottom', modes: LIST_HOST },
  { keys: '/', what: 'filter: text, or a label selector like app=web,tier!=db', modes: ['list'] },
  { keys: 'enter', what: 'open the Pod as a host (or accept the filter)', modes: ['list'] },
  { keys: 'esc', what: 'clear the filter / back to the list / close help', modes: ['list', 'host', 'help'] },
  { keys: 'tab / shift-tab', what: 'next / previous section', modes: ['host'] },
  { keys: '1-7', what: 'jump to section', modes: ['host'] },
  { keys: '← → / c', what: 'select container', modes: ['host'] },
  { keys: 'l', what: 'logs of the selected (or default) container', modes: LIST_HOST },
  { keys: 'a', what: 'logs of all containers, merged', modes: LIST_HOST },
  { keys: 'p', what: 'logs of the previous instance', modes: LIST_HOST },
  { keys: 's', what: 'shell in the selected container', modes: LIST_HOST },
  { keys: 'P', what: 'probe which localhost ports really listen', modes: ['host'] },
  { keys: '?', what: 'this help', modes: ['list', 'host', 'help'] },
  { keys: 'q / ctrl-c', what: 'quit (q in help closes help)', modes: ['list', 'host', 'help'] },
];

/** Maps a key press to an action; undefined for keys this mode ignores. */
export function actionFor(mode: Mode, input: string, key: Key): Action | undefined {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (mode === 'help') {
    if (key.escape || input === '?' || input === 'q') return { type: 'back' };
    return undefined;
  }
  if (key.downArrow || input === 'j') return { type: 'down' };
  if (key.upArrow || input === 'k') return { type: 'up' };
  if (key.pageDown || (key.ctrl && input === 'f')) return { type: 'pageDown' };
  if (key.pageUp || (key.ctrl && input === 'b')) return { type: 'pageUp' };
  if (key.home || input === 'g') return { type: 'top' };
  if (key.end || input === 'G') return { type: 'bottom' };
  if (input === '?') return { type: 'help' };
  if (input === 'q') return { type: 'quit' };
  if (input === 'l') return { type: 'logs' };
  if (input === 'a') return { type: 'logsAll' };
  if (input === 'p') return { type: 'logsPrevious' };
  if (input === 's') return { type: 'shell' };
  if (mode === 'list') {
    if (input === '/') return { type: 'filter' };
    if (key.escape) return { type: 'clearFilter' };
    if (key.return) return { type: 'open' };
    return undefined;
  }
  if (key.escape) return { type: 'back' };
  if (key.tab) return key.shift ? { type: 'prevSection' } : { type: 'nextSection' };
  if (/^[1-9]$/.test(input)) return { type: 'section', index: Number(input) - 1 };
  if (key.rightArrow || input === 'c') return { type: 'nextContainer' };
  if (key.leftArrow) return { type: 'prevContainer' };
  if (input === 'P') return { type: 'probePorts' };
  return undefined;
}
