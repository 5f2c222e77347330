// The podview TUI: a router over screens (the Pod list, the open Pod, logs, help, the shell
// hand-over), each in its own folder with its own key table, and the status bar beneath.
// No I/O happens here: the store brings data, the services carry requests out. Which screen a
// key goes to, and what its action does, is useAppKeys.ts.
//
//   render(<App store={store} services={services} context="kind" namespace="default"
//               allNamespaces={false} color={colorWanted(!argv.noColor)} onExit={quit} />)
import { useMemo, useState } from 'react';
import { Box } from 'ink';
import { sanitize } from '../text/sanitize.ts';
import type { AppProps } from './appProps.ts';
import { appStatus, BottomBar, listsAllNamespaces } from './BottomBar.tsx';
import { useCommandPrompt } from './command/useCommandPrompt.tsx';
import { EXEC_BAR_HEIGHT } from './exec/ExecBar.tsx';
import { forwardedPorts } from './forwards/forwardTarget.ts';
import { useForwardStart } from './forwards/useForwardStart.ts';
import { FORWARDS_HINT, useForwardsScreen } from './forwards/useForwardsScreen.tsx';
import { HelpView } from './help/HelpView.tsx';
import { HOST_HINT, useHostScreen } from './host/useHostScreen.tsx';
import { useClock } from './hooks/useClock.ts';
import { useExecFlow } from './hooks/useExecFlow.ts';
import { useForwards } from './hooks/useForwards.ts';
import { initialPodUid, useInitialPod } from './hooks/useInitialPod.ts';
import { useTerminalSize } from './hooks/useTerminalSize.ts';
import { LIST_HINT, useListScreen } from './list/useListScreen.tsx';
import { usePodOverlays } from './overlays/usePodOverlays.tsx';
import type { Message } from './podKeys.ts';
import { RESTART_BAR_HEIGHT } from './restart/RestartBar.tsx';
import { useRestartFlow } from './restart/useRestartFlow.ts';
import { makeTheme } from './theme.ts';
import { useAppKeys } from './useAppKeys.ts';

export type { AppProps };

export function App(props: AppProps) {
  const { store, focused, services, color } = props;
  const now = props.now ?? Date.now;
  const { columns: width, rows: height } = useTerminalSize();
  const theme = useMemo(() => makeTheme(color), [color]);
  const clock = useClock(now);
  const [hostUid, setHostUid] = useState<string | undefined>(() => initialPodUid(store, props.initialPod));
  const [help, setHelp] = useState<number | undefined>(undefined);
  const [message, say] = useState<Message | undefined>(props.notice ? { text: sanitize(props.notice), tone: 'warn' } : undefined);
  const exec = useExecFlow(services, props.execDetach ?? 'ctrl-]', say);
  const restart = useRestartFlow(services, say);
  // The status bar (or the debug offer, which may wrap, or the restart question) is always at the bottom.
  const mainHeight = Math.max(1, height - (exec.phase ? EXEC_BAR_HEIGHT : restart.question ? RESTART_BAR_HEIGHT : 1));
  const screenInput = { store, clock, width, height: mainHeight, theme };
  // `:sort` reaches the list, made below, only on a key press, after this render.
  const command = useCommandPrompt(props.scope, say, (sort) => list.sortBy(sort));
  const list = useListScreen({ ...screenInput, now, allNamespaces: listsAllNamespaces(props, command), usage: props.usage });
  const allForwards = useForwards(props.forwards);
  const openMeta = hostUid === undefined ? undefined : store.get(hostUid)?.pod.metadata;
  const forwarded = useMemo(() => forwardedPorts(allForwards, openMeta?.namespace, openMeta?.name), [allForwards, openMeta?.namespace, openMeta?.name]);
  const host = useHostScreen({ ...screenInput, uid: hostUid, focused, forwarded });
  const overlays = usePodOverlays({ props, hostOpen: host !== undefined, width, height, clock, theme });
  // Opening and leaving a Pod are intents written into its record; cluster/focusFeed serves them.
  const open = (uid: string | undefined) => {
    const meta = uid === undefined ? undefined : store.get(uid)?.pod.metadata;
    if (uid !== undefined) list.select(uid);
    setHostUid(uid);
    overlays.closePodViews();
    focused.focus(uid === undefined ? null : { namespace: meta?.namespace ?? '', name: meta?.name ?? '' });
  };
  useInitialPod(store, props.initialPod, list.version, open, (text) => say({ text, tone: 'error' }));
  // F: the active forwards, over whichever screen was open (esc goes back to it).
  const [forwardsOpen, setForwardsOpen] = useState(false);
  const forwardsScreen = useForwardsScreen({ forwards: props.forwards, theme, height: mainHeight });
  const startForward = useForwardStart(props.forwards, allForwards, services, say);
  const screen = forwardsOpen ? forwardsScreen : (host ?? list);
  const forwards = { open: forwardsOpen, setOpen: setForwardsOpen, screen: forwardsScreen, start: startForward };
  useAppKeys({ props, now, list, host, hostUid, openMeta, overlays, exec, restart, command, help, setHelp, forwards, open, say });

  if (overlays.view) return overlays.view;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {/* Vertical clipping only: every line is a Text truncated to the width already, and Ink's
          horizontal clip re-measures and re-slices every line of every frame. */}
      <Box flexDirection="column" height={mainHeight} overflowY="hidden">
        {help !== undefined ? <HelpView topic={screen.help} theme={theme} height={mainHeight} offset={help} /> : screen.body}
      </Box>
      <BottomBar
        exec={exec}
        restart={restart}
        command={command}
        width={width}
        theme={theme}
        status={appStatus({ props, command, store, list, clock, message, hint: forwardsOpen ? FORWARDS_HINT : host ? HOST_HINT : LIST_HINT })}
      />
    </Box>
  );
}
