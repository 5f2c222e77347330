import type { Key } from 'ink';
import { dispatchKey } from './keys/keyTable.ts';
import { RESTART_CONFIRM_KEYS } from './restart/restartKeys.ts';
import type { useCommandPrompt } from './command/useCommandPrompt.tsx';
import { ExecBar } from './exec/ExecBar.tsx';
import type { useExecFlow } from './hooks/useExecFlow.ts';
import { RestartBar } from './restart/RestartBar.tsx';
import type { useRestartFlow } from './restart/useRestartFlow.ts';
import { StatusBar, type StatusBarProps } from './StatusBar.tsx';
import type { PodStore } from '../store/podStore.ts';
import type { AppProps } from './appProps.ts';
import type { Message } from './podKeys.ts';
import type { Theme } from './theme.ts';

interface BottomBarProps {
  exec: ReturnType<typeof useExecFlow>;
  restart: ReturnType<typeof useRestartFlow>;
  command: ReturnType<typeof useCommandPrompt>;
  status: Omit<StatusBarProps, 'theme'>;
  width: number;
  theme: Theme;
}

export function BottomBar({ exec, restart, command, status, width, theme }: BottomBarProps) {
  if (exec.phase) return <ExecBar phase={exec.phase} theme={theme} onAnswer={exec.answer} />;
  if (restart.question) return <RestartBar question={restart.question} theme={theme} />;
  if (command.open) return command.line(width, theme);
  return <StatusBar {...status} theme={theme} />;
}

interface StatusInput {
  props: AppProps;
  command: ReturnType<typeof useCommandPrompt>;
  store: PodStore;
  list: { shown: number; total: number; filter?: string; sortLabel?: string | undefined };
  clock: number;
  message: Message | undefined;
  hint: string;
}

/** The status bar's facts: where podview looks (context, namespace, a switch under way), how the watch is, the list's count, filter and sort. */
export function appStatus({ props, command, store, list, clock, message, hint }: StatusInput): Omit<StatusBarProps, 'theme'> {
  const switching = command.scope?.switching;
  const stale = store.staleSince;
  return {
    context: command.scope?.context ?? props.context,
    namespace: command.scope ? command.scope.namespace : props.allNamespaces ? undefined : props.namespace,
    ...(switching ? { switchingTo: switching.context !== undefined ? `context ${switching.context}` : (switching.namespace ?? 'all') } : {}),
    connection: store.connection,
    malformed: store.malformedDropped,
    ...(stale !== undefined ? { stale: { since: stale, now: clock } } : {}),
    shown: list.shown,
    total: list.total,
    ...(list.filter !== undefined ? { filter: list.filter } : {}),
    ...(list.sortLabel !== undefined ? { sort: list.sortLabel } : {}),
    hint,
    ...(message ? { message } : {}),
  };
}

/**
 * While the bottom bar asks something (the debug offer, the restart question), it has the keys:
 * true when it took this one. The offer's answer comes through here too, so a key typed the
 * moment it appears is not lost; only y or Y says yes.
 */
export function bottomBarTakesKey(bar: Pick<BottomBarProps, 'exec' | 'restart'>, input: string, key: Key, onExit: () => void): boolean {
  const { exec, restart } = bar;
  if (exec.phase !== undefined) {
    if (exec.phase.kind === 'offer') exec.answer(input === 'y' || input === 'Y');
    return true;
  }
  if (!restart.question) return false;
  const answer = dispatchKey(RESTART_CONFIRM_KEYS, input, key);
  if (answer?.type === 'quit') onExit();
  else if (answer) restart.answer(answer.type === 'confirm');
  return true;
}

/** Whether the list shows every namespace: asked with -A or :ns all, or while switching to all. */
export function listsAllNamespaces(props: AppProps, command: ReturnType<typeof useCommandPrompt>): boolean {
  const namespace = command.scope ? command.scope.namespace : props.allNamespaces ? undefined : props.namespace;
  const switching = command.scope?.switching;
  return namespace === undefined || (switching !== undefined && switching.context === undefined && switching.namespace === undefined);
}
