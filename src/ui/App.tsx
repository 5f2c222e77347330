// The podview TUI: a router over screens (the Pod list, the open Pod, logs, help, the shell
// hand-over), each in its own folder with its own key table, and the status bar beneath.
// No I/O happens here: the store brings data, the services carry requests out.
//
//   render(<App store={store} services={services} context="kind" namespace="default"
//               allNamespaces={false} color={colorWanted(!argv.noColor)} onExit={quit} />)
import React, { useEffect, useMemo, useState } from 'react';
import { Box, useInput } from 'ink';
import { sanitize } from '../text/sanitize.ts';
import type { AppProps } from './appProps.ts';
import { useCommandPrompt } from './command/useCommandPrompt.tsx';
import { EXEC_BAR_HEIGHT, ExecBar } from './exec/ExecBar.tsx';
import { forwardedPorts, pickForward } from './forwards/forwardTarget.ts';
import { FORWARDS_HINT, useForwardsScreen } from './forwards/useForwardsScreen.tsx';
import { HelpView } from './help/HelpView.tsx';
import { HELP_KEYS } from './help/helpKeys.ts';
import { HOST_HINT, useHostScreen } from './host/useHostScreen.tsx';
import { DiffView } from './diff/DiffView.tsx';
import { useClock } from './hooks/useClock.ts';
import { useExecFlow } from './hooks/useExecFlow.ts';
import { useForwards } from './hooks/useForwards.ts';
import { useInitialPod } from './hooks/useInitialPod.ts';
import { useTerminalSize } from './hooks/useTerminalSize.ts';
import { dispatchKey } from './keys/keyTable.ts';
import { LIST_HINT, useListScreen } from './list/useListScreen.tsx';
import { LogViewHost } from './logs/LogViewHost.tsx';
import { runPodAction, type Message } from './podKeys.ts';
import { RESTART_BAR_HEIGHT, RestartBar } from './restart/RestartBar.tsx';
import { RESTART_CONFIRM_KEYS } from './restart/restartKeys.ts';
import { useRestartFlow } from './restart/useRestartFlow.ts';
import type { LogRequest } from './services.ts';
import type { PodKey } from '../store/types.ts';
import { StatusBar } from './StatusBar.tsx';
import { makeTheme } from './theme.ts';
import { YamlView } from './yaml/YamlView.tsx';
import { VolumeView } from './volume/VolumeView.tsx';
import type { VolumeListRequest } from '../store/actionRequests.ts';

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
  const [yaml, setYaml] = useState<PodKey | undefined>(undefined);
  // The Pod view's own screens: the replica diff (d) and a volume's listing (enter on a volume).
  const [diff, setDiff] = useState(false);
  const [volume, setVolume] = useState<VolumeListRequest | undefined>(undefined);
  const [message, say] = useState<Message | undefined>(props.notice ? { text: sanitize(props.notice), tone: 'warn' } : undefined);
  const exec = useExecFlow(services, props.execDetach ?? 'ctrl-]', say);
  const restart = useRestartFlow(services, say);
  // The status bar (or the debug offer, which may wrap, or the restart question) is always at the bottom.
  const mainHeight = Math.max(1, height - (exec.phase ? EXEC_BAR_HEIGHT : restart.question ? RESTART_BAR_HEIGHT : 1));
  const screenInput = { store, clock, width, height: mainHeight, theme };
  const command = useCommandPrompt(props.scope, say);
  const namespace = command.scope ? command.scope.namespace : props.allNamespaces ? undefined : props.namespace;
  const switching = command.scope?.switching;
  const list = useListScreen({ ...screenInput, now, allNamespaces: namespace === undefined || (switching !== undefined && switching.context === undefined && switching.namespace === undefined) });
  const allForwards = useForwards(props.forwards);
  const openMeta = hostUid === undefined ? undefined : store.get(hostUid)?.pod.metadata;
  const forwarded = useMemo(() => forwardedPorts(allForwards, openMeta?.namespace, openMeta?.name), [allForwards, openMeta?.namespace, openMeta?.name]);
  const host = useHostScreen({ ...screenInput, uid: hostUid, focused, forwarded });
  // Opening and leaving a Pod are intents written into its record; cluster/focusFeed serves them.
  const open = (uid: string) => {
    const meta = store.get(uid)?.pod.metadata;
    list.select(uid);
    setHostUid(uid);
    setDiff(false);
    setVolume(undefined);
    focused.focus({ namespace: meta?.namespace ?? '', name: meta?.name ?? '' });
  };
  useInitialPod(store, props.initialPod, list.version, open, (text) => say({ text, tone: 'error' }));
  // Over the Pod view only: should the Pod go away under them, the keys return to the router.
  const diffOpen = diff && host !== undefined;
  const volumeOpen = volume !== undefined && host !== undefined;
  // F: the active forwards, over whichever screen was open (esc goes back to it).
  const [forwardsOpen, setForwardsOpen] = useState(false);
  const forwardsScreen = useForwardsScreen({ forwards: props.forwards, theme, height: mainHeight });
  // The forward `f` just asked for: announced (and its address copied) once it listens, or its failure said.
  const [announce, setAnnounce] = useState<number | undefined>(undefined);
  const announced = announce === undefined ? undefined : allForwards.find((f) => f.id === announce);
  useEffect(() => {
    if (announce === undefined || announced?.state === 'starting') return;
    setAnnounce(undefined);
    if (announced?.state === 'failed') return say({ text: `port-forward ${announced.pod}:${announced.remotePort}: ${announced.lastEvent ?? 'failed'}`, tone: 'error' });
    if (announced?.state !== 'active' || !announced.localAddress) return;
    const copied = services.copyText?.(announced.localAddress) ?? false;
    say({ text: `forwarding ${announced.localAddress} -> ${announced.pod}:${announced.remotePort}${copied ? ' (address copied)' : ''} · F lists forwards`, tone: 'ok' });
  }, [announce, announced, services]);
  const screen = forwardsOpen ? forwardsScreen : host ?? list;

  // One handler for every key, always listening: no key is lost while a listener re-attaches.
  useInput((input, key) => {
    if (logs !== undefined || yaml !== undefined || diffOpen || volumeOpen) return; // that screen has the keys
    // The debug offer's answer comes through here too, so a key typed the moment it appears
    // is not lost; only y or Y says yes.
    if (exec.phase !== undefined) return exec.phase.kind === 'offer' ? exec.answer(input === 'y' || input === 'Y') : undefined;
    if (restart.question) {
      const answer = dispatchKey(RESTART_CONFIRM_KEYS, input, key);
      if (answer?.type === 'quit') return onExit();
      return answer ? restart.answer(answer.type === 'confirm') : undefined;
    }
    say(undefined);
    if (command.open) return command.onKey(input, key);
    if (help !== undefined) {
      const action = dispatchKey(HELP_KEYS, input, key);
      if (action?.type === 'quit') return onExit();
      if (action?.type === 'close') return setHelp(undefined);
      if (action?.type === 'scroll') return setHelp(Math.max(0, help + action.by));
      return;
    }
    if (forwardsOpen) {
      const action = forwardsScreen.onKey(input, key);
      if (action?.type === 'quit') return onExit();
      if (action?.type === 'help') return setHelp(0);
      if (action?.type === 'back') return setForwardsOpen(false);
      return;
    }
    const action = (host ?? list).onKey(input, key);
    if (!action) return;
    if (action.type === 'quit') return onExit();
    if (action.type === 'help') return setHelp(0);
    if (action.type === 'forwards') return setForwardsOpen(true);
    if (action.type === 'command') return command.start();
    if (action.type === 'allNamespaces') return command.allNamespaces();
    if (action.type === 'back') {
      setHostUid(undefined);
      setDiff(false);
      setVolume(undefined);
      return focused.focus(null);
    }
    if (action.type === 'open') return list.selectedUid !== undefined ? open(list.selectedUid) : undefined;
    if (action.type === 'diff') return host ? setDiff(true) : undefined;
    if (action.type === 'openVolume') {
      const meta = hostUid === undefined ? undefined : store.get(hostUid)?.pod.metadata;
      return meta ? setVolume({ namespace: meta.namespace ?? '', name: meta.name ?? '', volume: action.volume }) : undefined;
    }
    const uid = hostUid ?? list.selectedUid;
    const entry = uid === undefined ? undefined : store.get(uid);
    if (action.type === 'forward') {
      if (!host || !entry) return;
      const pick = pickForward(host.host, host.containerIndex, entry.pod.metadata?.namespace ?? '', entry.pod.metadata?.name ?? '', allForwards);
      if (!pick.ok) return say({ text: pick.reason, tone: 'warn' });
      say({ text: `port-forward: starting ${pick.target.pod}:${pick.target.remotePort}…`, tone: 'dim' });
      return setAnnounce(props.forwards.start(pick.target));
    }
    // The open Pod's owners as the focus feed resolved them; from the list, its ownerReferences.
    const owners = host ? focused.current?.details?.owners : undefined;
    const startRestart = (key: PodKey) => restart.start(key, owners);
    if (entry) runPodAction(action, { pod: entry.pod, host: host?.host, containerIndex: host?.containerIndex ?? 0, now: now(), startShell: exec.start, openLogs: setLogs, openYaml: setYaml, restart: startRestart, say });
  });

  if (logs) {
    const close = () => setLogs(undefined);
    return <LogViewHost request={logs} services={services} onClose={close} onQuit={onExit} columns={width} rows={height} color={color} logColors={props.logColors ?? false} />;
  }
  if (yaml) {
    return <YamlView pod={yaml} services={services} onClose={() => setYaml(undefined)} onQuit={onExit} width={width} height={height} color={color} />;
  }
  if (diffOpen) {
    const record = focused.current;
    return <DiffView pod={record?.pod} usage={record?.details?.usage} services={services} now={clock} width={width} height={height} theme={theme} onClose={() => setDiff(false)} onQuit={onExit} />;
  }
  if (volumeOpen) return <VolumeView request={volume} services={services} width={width} height={height} theme={theme} onClose={() => setVolume(undefined)} onQuit={onExit} />;
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
      ) : restart.question ? (
        <RestartBar question={restart.question} theme={theme} />
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
          filter={list.filter}
          {...(list.sortLabel !== undefined ? { sort: list.sortLabel } : {})}
          hint={forwardsOpen ? FORWARDS_HINT : host ? HOST_HINT : LIST_HINT}
          {...(message ? { message } : {})}
          theme={theme}
        />
      )}
    </Box>
  );
}
