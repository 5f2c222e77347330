// The `:` prompt as a hook for the router: whether it is open, its keys, the line it draws in
// the status bar's place, and the scope it writes the wish into (store/scopeSwitch). `:sort`
// needs no cluster: it goes to the list (sortList) with or without a scope store.
import { type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';
import type { Key } from 'ink';
import type { ScopeState, ScopeStore } from '../../store/scopeSwitch.ts';
import { sanitize } from '../../text/sanitize.ts';
import { filterKey } from '../list/FilterInput.tsx';
import type { Message } from '../podKeys.ts';
import type { Theme } from '../theme.ts';
import type { SortSpec } from '../../store/sortOrder.ts';
import { completeCommand, knownNamespace, namespaceCandidates, parseCommand } from './commandLine.ts';
import { sortCandidates } from './sortCommand.ts';
import { CommandPrompt } from './CommandPrompt.tsx';

const NO_SCOPE: ScopeState = { context: '', namespace: undefined, recent: [], names: [] };
const noSubscribe = () => () => {};

export interface CommandPromptState {
  /** The scope as the cluster layer last wrote it; undefined without a scope store (tests, --once). */
  scope: ScopeState | undefined;
  open: boolean;
  /** Opens the prompt, with the text typed ahead of it if any (run at once if it held the enter). */
  start(typed?: string): void;
  /** `0` on the list: every namespace at once, no prompt. */
  allNamespaces(): void;
  /** A key while the prompt is open. */
  onKey(input: string, key: Key): void;
  line(width: number, theme: Theme): ReactNode;
}

const NO_KEY = {} as Key;
const NEEDS_CLUSTER: Message = { text: 'switching namespace needs a live cluster', tone: 'warn' };

export function useCommandPrompt(store: ScopeStore | undefined, say: (m: Message | undefined) => void, sortList: (sort: SortSpec) => void): CommandPromptState {
  const scope = useSyncExternalStore(store ? (f) => store.subscribe(f) : noSubscribe, () => store?.state ?? NO_SCOPE);
  const [value, setValue] = useState<string | undefined>(undefined);
  const error = store ? scope.error : undefined;
  // A switch that failed says so once, in one line; the old namespace is still shown.
  useEffect(() => {
    if (error !== undefined) say({ text: sanitize(error), tone: 'error' });
  }, [error, say]);
  function run(text: string): void {
    setValue(undefined);
    const command = parseCommand(text, scope.recent);
    if (command.kind === 'error') return say({ text: command.message, tone: 'error' });
    if (command.kind === 'sort') return sortList(command.sort);
    if (!store) return say(NEEDS_CLUSTER);
    if (command.kind === 'ctx') return store.askContext(command.context);
    if (command.namespace !== undefined && !knownNamespace(command.namespace, scope.names)) {
      return say({ text: `namespace "${command.namespace}" not found (tab completes)`, tone: 'error' });
    }
    store.ask(command.namespace);
  }

  return {
    scope: store ? scope : undefined,
    open: value !== undefined,
    start(typed = '') {
      store?.askNames();
      const ahead = filterKey('', typed, NO_KEY);
      if (ahead?.type === 'accept') return run(ahead.value);
      setValue(ahead?.type === 'change' ? ahead.value : '');
    },
    allNamespaces() {
      if (!store) return say(NEEDS_CLUSTER);
      store.ask(undefined);
    },
    onKey(input, key) {
      if (value === undefined) return;
      if (key.tab) return setValue(completeCommand(value, scope.names));
      const result = filterKey(value, input, key);
      if (result?.type === 'cancel') return setValue(undefined);
      if (result?.type === 'change') return setValue(result.value);
      if (result?.type === 'accept') run(result.value);
    },
    line(width, theme) {
      if (value === undefined) return null;
      return <CommandPrompt value={value} candidates={[...namespaceCandidates(value, scope.names, scope.recent), ...sortCandidates(value)]} recent={scope.recent} width={width} theme={theme} />;
    },
  };
}
