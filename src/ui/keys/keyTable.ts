// One key table per screen: each row names its keys, the action they dispatch and the help
// text. The same rows both dispatch a key press (dispatchKey) and draw the screen's `?`
// (keyHelpLines), so help cannot list a key the screen ignores or miss one it answers.
//
//   const LIST_KEYS: KeyTable<ListAction> = [
//     { keys: ['j', 'down'], help: 'move down', action: { type: 'down' } },
//     { keys: ['1-9'], help: 'jump to section', action: (input) => ({ type: 'section', index: Number(input) - 1 }) },
//   ];
//   dispatchKey(LIST_KEYS, input, key)   -> the action, or undefined for a key the screen ignores
//
// Key names: a printable character ('j', 'G', '/', '?'), 'space', 'enter', 'esc', 'tab',
// 'shift-tab', 'up', 'down', 'left', 'right', 'pgup', 'pgdn', 'home', 'end', 'ctrl-<c>',
// and '1-9' for any digit 1 to 9.
import type { Key } from 'ink';

export interface KeyBinding<A> {
  readonly keys: readonly string[];
  readonly help: string;
  /** The action, or how to make it from the character typed (for '1-9'). */
  readonly action: A | ((input: string) => A);
}

export type KeyTable<A> = readonly KeyBinding<A>[];

type Match = (input: string, key: Key) => boolean;

const NAMED: Record<string, { label: string; match: Match; sample: Partial<Key> }> = {
  space: { label: 'space', match: (i, k) => i === ' ' && !k.ctrl && !k.meta, sample: {} },
  enter: { label: 'enter', match: (_, k) => k.return, sample: { return: true } },
  esc: { label: 'esc', match: (_, k) => k.escape, sample: { escape: true } },
  tab: { label: 'tab', match: (_, k) => k.tab && !k.shift, sample: { tab: true } },
  'shift-tab': { label: 'shift-tab', match: (_, k) => k.tab && k.shift, sample: { tab: true, shift: true } },
  up: { label: '↑', match: (_, k) => k.upArrow, sample: { upArrow: true } },
  down: { label: '↓', match: (_, k) => k.downArrow, sample: { downArrow: true } },
  left: { label: '←', match: (_, k) => k.leftArrow, sample: { leftArrow: true } },
  right: { label: '→', match: (_, k) => k.rightArrow, sample: { rightArrow: true } },
  pgup: { label: 'PgUp', match: (_, k) => k.pageUp, sample: { pageUp: true } },
  pgdn: { label: 'PgDn', match: (_, k) => k.pageDown, sample: { pageDown: true } },
  home: { label: 'Home', match: (_, k) => k.home, sample: { home: true } },
  end: { label: 'End', match: (_, k) => k.end, sample: { end: true } },
  '1-9': { label: '1-9', match: (i, k) => /^[1-9]$/.test(i) && !k.ctrl && !k.meta, sample: {} },
};

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

function ctrlChar(name: string): string | undefined {
  return /^ctrl-.$/.test(name) ? name.slice(5) : undefined;
}

/** Whether a key press is the key with this name. */
export function keyMatches(name: string, input: string, key: Key): boolean {
  const named = NAMED[name];
  if (named) return named.match(input, key);
  const ctrl = ctrlChar(name);
  if (ctrl !== undefined) return key.ctrl && input === ctrl;
  if (name.length !== 1) throw new Error(`unknown key name "${name}"`);
  return input === name && !key.ctrl && !key.meta;
}

/** How help shows a key. */
export function keyLabel(name: string): string {
  return NAMED[name]?.label ?? name;
}

/** One key press that is this key, as Ink reports it (for tests that walk the tables). */
export function keySample(name: string): [string, Key] {
  const named = NAMED[name];
  if (named) return [name === 'space' ? ' ' : name === '1-9' ? '3' : '', { ...NO_KEY, ...named.sample }];
  const ctrl = ctrlChar(name);
  if (ctrl !== undefined) return [ctrl, { ...NO_KEY, ctrl: true }];
  return [name, { ...NO_KEY, shift: name !== name.toLowerCase() }];
}

/** The row a key press belongs to: the first whose keys match. */
export function bindingFor<A>(table: KeyTable<A>, input: string, key: Key): KeyBinding<A> | undefined {
  return table.find((b) => b.keys.some((name) => keyMatches(name, input, key)));
}

/** The action a key press dispatches on this screen, or undefined for a key it ignores. */
export function dispatchKey<A>(table: KeyTable<A>, input: string, key: Key): A | undefined {
  const binding = bindingFor(table, input, key);
  if (!binding) return undefined;
  return typeof binding.action === 'function' ? (binding.action as (input: string) => A)(input) : binding.action;
}

/** "j / ↓": the keys of a row as help shows them. */
export function keysText(binding: KeyBinding<unknown>): string {
  return binding.keys.map(keyLabel).join(' / ');
}
