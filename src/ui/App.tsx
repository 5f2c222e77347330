// The podview TUI: a router over screens (the Pod list, the open Pod, logs, help, the shell
// hand-over), each in its own folder with its own key table, and the status bar beneath.
// No I/O happens here: the store brings data, the services carry requests out.
//
//   render(<App store={store} services={services} context="kind" namespace="default"
//               allNamespaces={false} color={colorWanted(!argv.noColor)} onExit={quit} />)
import React, { useMemo, useState } from 'react';
import { Box, useInput } from 'ink';
import { sanitize } from '../text/sanitize.ts';
import type { AppProps } from './appProps.ts';
import { useCommandPrompt } from './command/useCommandPrompt.tsx';
import { EXEC_BAR_HEIGHT, ExecBar } from './exec/ExecBar.tsx';
import { HelpView } from './help/HelpView.tsx';
import { HELP_KEYS } from './help/helpKeys.ts';
import { HOST_HINT, useHostScreen } from './host/useHostScreen.tsx';
import { useClock } from './hooks/useClock.ts';
import { useExecFlow } from './hooks/useExecFlow.ts';
import { useInitialPod } from './hooks/useInitialPod.ts';
import { useTerminalSize } from './hooks/useTerminalSize.ts';
import { dispatchKey } from './keys/keyTable.ts';
import { LIST_HINT, useListScreen } from './list/useListScreen.tsx';
import { LogViewHost } from './logs/LogViewHost.tsx';
import { runPodAction, type Message } from './podKeys.ts';
import type { LogRequest } from './services.ts';
import { StatusBar } from './StatusBar.tsx';
import { makeTheme } from './theme.ts';

export type { AppProps };

export function App(props: AppProps) {
  const { store, focused, services, color, onExit } = props;
  const now = props.now ?? Date.now;
  const { columns: width, rows: height } = useTerminalSize();
  const theme = useMemo(() => makeTheme(color), [color]);
  const clock = useClock(now);
  const [hostUid, setHostUid] = useState<string | undefined>(undefined);
  const [help, setHelp] = useState<number | undefined>(undefined);
  const [logs, setLogs] = useState<LogRequest | undefined>(undefined);
  const [message, say] = useState<Message | undefined>(props.notice ? { text: sanitize(props.notice), tone: 'warn' } : undefined);
  const exec = useExecFlow(services, props.execDetach ?? 'ctrl-]', say);
  // The status bar (or the debug offer, which may wrap) is always at the bottom.
  const mainHeight = Math.max(1, height - (exec.phase ? EXEC_BAR_HEIGHT : 1));
  const screenInput = { store, clock, width, height: mainHeight, theme };
  const command = useCommandPrompt(props.scope, say);
  const namespace = command.scope ? command.scope.namespace : props.allNamespaces ? undefined : props.namespace;
  const switching = command.scope?.switching;
  const list = useListScreen({ ...screenInput, now, allNamespaces: namespace === undefined || (switching !== undefined && switching.context === undefined && switching.namespace === undefined) });
  const host = useHostScreen({ ...screenInput, uid: hostUid, focused });
  // Opening and leaving a Pod are intents written into its record; cluster/focusFeed serves them.
  const open = (uid: string) => {
    const meta = store.get(uid)?.pod.metadata;
    list.select(uid);
    setHostUid(uid);
    focused.focus({ namespace: meta?.namespace ?? '', name: meta?.name ?? '' });
  };
  useInitialPod(store, props.initialPod, list.version, open, (text) => say({ text, tone: 'error' }));
  const screen = host ?? list;

  // One handler for every key, always listening: no key is lost while a listener re-attaches.
  useInput((input, key) => {
    if (logs !== undefined) return; // the log screen has the keys
    // The debug offer's answer comes through here too, so a key typed the moment it appears
    // is not lost; only y or Y says yes.
    if (exec.phase !== undefined) return exec.phase.kind === 'offer' ? exec.answer(input === 'y' || input === 'Y') : undefined;
    say(undefined);
    if (command.open) return command.onKey(input, key);
    if (help !== undefined) {
      const action = dispatchKey(HELP_KEYS, input, key);
      if (action?.type === 'quit') return onExit();
      if (action?.type === 'close') return setHelp(undefined);
      if (action?.type === 'scroll') return setHelp(Math.max(0, help + action.by));
      return;
    }
    const action = screen.onKey(input, key);
    if (!action) return;
    if (action.type === 'quit') return onExit();
    if (action.type === 'help') return setHelp(0);
    if (action.type === 'command') return command.start();
    if (action.type === 'allNamespaces') return command.allNamespaces();
    if (action.type === 'back') {
      setHostUid(undefined);
      return focused.focus(null);
    }
    if (action.type === 'open') return list.selectedUid !== undefined ? open(list.selectedUid) : undefined;
    const uid = hostUid ?? list.selectedUid;
    const entry = uid === undefined ? undefined : store.get(uid);
    if (entry) runPodAction(action, { pod: entry.pod, host: host?.host, containerIndex: host?.containerIndex ?? 0, now: now(), startShell: exec.start, openLogs: setLogs, say });
  });

  if (logs) {
    const close = () => setLogs(undefined);
    return <LogViewHost request={logs} services={services} onClose={close} onQuit={onExit} columns={width} rows={height} color={color} logColors={props.logColors ?? false} />;
  }
  const stale = store.staleSince;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {/* Vertical clipping only: every line is a Text truncated to the width already, and Ink's
          horizontal clip re-measures and re-slices every line of every frame. */}
      <Box flexDirection="column" height={mainHeight} overflowY="hidden">
        {help !== undefined ? <HelpView topic={screen.help} theme={theme} height={mainHeight} offset={help} /> : screen.body}
      </Box>
      {exec.phase ? (
        <ExecBar phase={exec.phase} theme={theme} onAnswer={exec.answer} />
      ) : command.open ? (
        command.line(width, theme)
      ) : (
        <StatusBar
          context={command.scope?.context ?? props.context}
          namespace={namespace}
          {...(switching ? { switchingTo: switching.context !== undefined ? `context ${switching.context}` : (switching.namespace ?? 'all') } : {})}
          connection={store.connection}
          malformed={store.malformedDropped}
          {...(stale !== undefined ? { stale: { since: stale, now: clock } } : {})}
          shown={list.shown}
          total={list.total}
          hint={host ? HOST_HINT : LIST_HINT}
          {...(message ? { message } : {})}
          theme={theme}
        />
      )}
    </Box>
  );
}
