// The log view's keys, in one place so the help line and the handler agree.
export const LOG_KEYS: [string, string][] = [
  ['/', 'search'],
  ['n/N', 'next/prev hit'],
  ['f', 'only matching'],
  ['F', 'hide matching'],
  ['space', 'pause'],
  ['G', 'end'],
  ['t', 'timestamps'],
  ['W', 'wrap'],
  ['←/→', 'scroll'],
  ['w', 'save'],
  ['esc', 'back'],
];

export const LOG_KEY_HINT = LOG_KEYS.map(([k, what]) => `${k} ${what}`).join(' · ');

export type PromptKind = 'search' | 'include' | 'exclude';

export const PROMPT_LABEL: Record<PromptKind, string> = { search: '/', include: 'only: ', exclude: 'hide: ' };
