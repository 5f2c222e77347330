// The podview TUI: the Pod list, the Pod-as-host view, help, filter and the status bar,
// wired to a PodStore (data) and PodviewServices (logs, exec, probes). No I/O happens here.
//
//   render(<App store={store} services={services} context="kind" namespace="default"
//               allNamespaces={false} color={colorWanted(!argv.noColor)} onExit={quit}
//               renderLogs={(p) => <LogView {...p} />} />)
import React, { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, useInput } from 'ink';
import { toPodRow } from '../model/podRow.ts';
import type { PodStore } from '../store/podStore.ts';
import type { PodKey } from '../store/types.ts';
import { FilterInput, filterKey } from './list/FilterInput.tsx';
import { HelpView } from './help/HelpView.tsx';
import { buildHostScreen } from './host/hostScreen.ts';
import { useClock } from './hooks/useClock.ts';
import { useHostView } from './hooks/useHostView.ts';
import { usePodList } from './hooks/usePodList.ts';
import { useTerminalSize } from './hooks/useTerminalSize.ts';
import { actionFor, type Action } from './keymap.ts';
import { listColumns, sameColumns, type Column } from './list/listColumns.ts';
import { navReducer } from './list/listNav.ts';
import { windowStart } from './list/listWindow.ts';
import { withProbe } from './probeMerge.ts';
import type { RenderLogs } from './plugins.ts';
import { DebugOffer, DebugStarting } from './exec/ExecScreens.tsx';
import { useExecFlow } from './hooks/useExecFlow.ts';
import { PodHostView, bodyHeight, maxScroll } from './host/PodHostView.tsx';
import { PodList } from './list/PodList.tsx';
import { runPodAction, type Message, type ProbeState, type Overlay } from './podKeys.ts';
import type { LogRequest, PodviewServices } from './services.ts';
import { StatusBar } from './StatusBar.tsx';
import { makeTheme, type Theme } from './theme.ts';
import { LineView, seg } from './lines.tsx';
import { sanitize } from '../text/sanitize.ts';

export interface AppProps {
  store: PodStore;
  services: PodviewServices;
  /** `kubectl podview POD`: open straight on this Pod once the store has it. */
  initialPod?: PodKey;
  /** -A: show the NAMESPACE column and "all" in the status bar. */
  allNamespaces: boolean;
  context: string;
  namespace: string;
  /** false for NO_COLOR / --no-color: no escape sequence is written at all. */
  color: boolean;
  /** Clock for ages (ms); Date.now by default. */
  now?: () => number;
  /** q or ctrl-c. The caller unmounts and restores the terminal. */
  onExit(): void;
  /** The log view, shown full screen for l / a / p; without it those keys say so. */
  renderLogs?: RenderLogs;
  /** How the shell session is left, as the exec layer reads it (shown before it starts). */
  execDetach?: string;
  /** A start-up notice (e.g. -A was forbidden, showing one namespace), shown until the first key. */
  notice?: string;
}

const LIST_HINT = 'enter open · / filter · l logs · s shell · ? help · q quit';
const HOST_HINT = 'esc back · tab section · ←→ container · l logs · s shell · P probe · ?';

export function App(props: AppProps) {
  const { store, services, allNamespaces, color, onExit, renderLogs } = props;
  const now = props.now ?? Date.now;
  const { columns: width, rows: height } = useTerminalSize();
  const theme = useMemo(() => makeTheme(color), [color]);
  const clock = useClock(now);

  const [filter, setFilter] = useState('');
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [hostUid, setHostUid] = useState<string | undefined>(undefined);
  const [hostScroll, setHostScroll] = useState(0);
  const [hostContainer, setHostContainer] = useState(0);
  const [helpScroll, setHelpScroll] = useState(0);
  const [logs, setLogs] = useState<LogRequest | undefined>(undefined);
  const [probe, setProbe] = useState<ProbeState | undefined>(undefined);
  const [message, setMessage] = useState<Message | undefined>(props.notice ? { text: sanitize(props.notice), tone: 'warn' } : undefined);
  const exec = useExecFlow(services, props.execDetach ?? 'ctrl-]', setMessage);
  const [nav, dispatch] = useReducer(navReducer, { uid: undefined, index: 0 });
  const listStart = useRef(0);
  const pendingInitial = useRef(props.initialPod);

  const list = usePodList(store, filter, toPodRow, now);
  const { uids } = list;
  const index = nav.uid !== undefined && uids.at(nav.index) === nav.uid ? nav.index : navReducer(nav, { type: 'move', delta: 0, uids }).index;
  const selectedUid = uids.at(index);
  // Remember where the selection is now, so that if its Pod leaves, the next one takes its place.
  useEffect(() => {
    if (uids.length > 0 && (nav.uid !== selectedUid || nav.index !== index)) dispatch({ type: 'to', index, uids });
  }, [uids, index, selectedUid, nav]);

  // Layout: everything fits the terminal exactly; the status bar (or the debug offer, which
  // may wrap) is always at the bottom.
  const bottomHeight = exec.phase ? 3 : 1;
  const mainHeight = Math.max(1, height - bottomHeight);
  const filterShown = overlay === 'filter' || filter !== '';
  const listHeight = Math.max(1, mainHeight - 1 - (filterShown ? 1 : 0));
  const start = windowStart(index, listStart.current, listHeight, uids.length);
  listStart.current = start;
  const visible = useMemo(() => {
    const out = [];
    for (const uid of uids.slice(start, start + listHeight)) {
      const row = list.rows.row(uid);
      if (row) out.push(row);
    }
    return out;
    // list.version: rows are rebuilt when the store changes, not only when the window moves.
  }, [uids, start, listHeight, list.rows, list.version]);
  // The visible rows change on every store frame, the layout almost never: keep the previous
  // columns array when nothing moved, so each memoized row re-renders only if its Pod changed.
  const lastCols = useRef<readonly Column[]>([]);
  const cols = useMemo(() => {
    const next = listColumns(width, visible, allNamespaces);
    if (!sameColumns(next, lastCols.current)) lastCols.current = next;
    return lastCols.current;
  }, [width, visible, allNamespaces]);

  const hostState = useHostView(store, hostUid, clock, services);
  const screen = useMemo(() => {
    if (!hostState) return undefined;
    const host = withProbe(hostState.host, probe, hostUid);
    const note = probe?.uid === hostUid ? probe?.note : undefined;
    return buildHostScreen(host, { width, selectedContainer: hostContainer, deleted: hostState.deleted, notes: hostState.notes, ...(note ? { probeNote: note } : {}) });
  }, [hostState, probe, hostUid, width, hostContainer]);
  const hostHeight = mainHeight;

  const openHost = useCallback((uid: string) => {
    setHostUid(uid);
    setHostScroll(0);
    setHostContainer(0);
  }, []);

  // `kubectl podview POD`: open it as soon as the store knows it.
  useEffect(() => {
    const wanted = pendingInitial.current;
    if (!wanted) return;
    const entry = store.find(wanted.namespace, wanted.name);
    if (entry) {
      pendingInitial.current = undefined;
      const uid = entry.pod.metadata?.uid ?? `${wanted.namespace}/${wanted.name}`;
      dispatch({ type: 'select', uid, uids });
      openHost(uid);
    } else if (store.connection.kind === 'live') {
      pendingInitial.current = undefined;
      setMessage({ text: `Pod ${wanted.namespace}/${wanted.name} not found`, tone: 'error' });
    }
  }, [list.version, store, uids, openHost]);

  // The cluster layer keeps events, owners and usage fresh for the Pod being looked at.
  const focusKey = hostState ? `${hostState.host.namespace}/${hostState.host.name}` : '';
  useEffect(() => {
    if (!focusKey || !hostState) {
      services.focus(null);
      return;
    }
    services.focus({ namespace: hostState.host.namespace, name: hostState.host.name });
    // hostState changes every frame; only the Pod's identity matters here.
  }, [focusKey, services]);

  const act = (action: Action): void => {
    setMessage(undefined);
    const page = overlay === 'help' ? hostHeight : hostUid !== undefined && screen ? bodyHeight(screen, hostHeight) : listHeight;
    if (action.type === 'quit') return onExit();
    if (overlay === 'help') {
      if (action.type === 'back') setOverlay('none');
      return;
    }
    if (action.type === 'help') return setOverlay('help');
    if (hostUid !== undefined && screen) {
      const max = maxScroll(screen, hostHeight);
      const scrollBy = (d: number) => setHostScroll((s) => Math.max(0, Math.min(max, Math.min(s, max) + d)));
      const count = hostState?.host.containers.length ?? 0;
      switch (action.type) {
        case 'down': return scrollBy(1);
        case 'up': return scrollBy(-1);
        case 'pageDown': return scrollBy(page - 1);
        case 'pageUp': return scrollBy(-(page - 1));
        case 'top': return setHostScroll(0);
        case 'bottom': return setHostScroll(max);
        case 'back':
          dispatch({ type: 'select', uid: hostUid, uids });
          setProbe(undefined);
          return setHostUid(undefined);
        case 'section':
        case 'nextSection':
        case 'prevSection': {
          const starts = screen.sectionStarts;
          const here = starts.reduce((at, s, i) => (s <= Math.min(hostScroll, max) ? i : at), 0);
          const target = action.type === 'section' ? action.index : here + (action.type === 'nextSection' ? 1 : -1);
          const i = Math.max(0, Math.min(starts.length - 1, target));
          return setHostScroll(Math.min(max, starts[i]!));
        }
        case 'nextContainer': return setHostContainer((c) => (count === 0 ? 0 : (c + 1) % count));
        case 'prevContainer': return setHostContainer((c) => (count === 0 ? 0 : (c - 1 + count) % count));
      }
    } else {
      switch (action.type) {
        case 'down': return dispatch({ type: 'move', delta: 1, uids });
        case 'up': return dispatch({ type: 'move', delta: -1, uids });
        case 'pageDown': return dispatch({ type: 'move', delta: page, uids });
        case 'pageUp': return dispatch({ type: 'move', delta: -page, uids });
        case 'top': return dispatch({ type: 'to', index: 0, uids });
        case 'bottom': return dispatch({ type: 'to', index: uids.length - 1, uids });
        case 'filter': return setOverlay('filter');
        case 'clearFilter': return setFilter('');
        case 'open':
          if (selectedUid !== undefined) openHost(selectedUid);
          return;
      }
    }
    const uid = hostUid ?? selectedUid;
    const entry = uid === undefined ? undefined : store.get(uid);
    if (!entry || uid === undefined) return;
    runPodAction(action, {
      uid,
      pod: entry.pod,
      host: hostUid !== undefined ? hostState?.host : undefined,
      containerIndex: hostContainer,
      services,
      renderLogs: renderLogs !== undefined,
      startShell: exec.start,
      setLogs,
      setMessage,
      setProbe,
    });
  };

  // One handler for every key, always listening: no key is lost while a listener re-attaches.
  useInput((input, key) => {
    if (logs !== undefined) return; // the log view has the keys
    if (exec.phase !== undefined) {
      // The offer's answer comes through here too (its own listener stays off), so a key
      // typed the moment it appears is not lost; only y or Y says yes.
      if (exec.phase.kind === 'offer') exec.answer(input === 'y' || input === 'Y');
      return;
    }
    if (overlay === 'filter') {
      const result = filterKey(filter, input, key);
      if (result?.type === 'change') setFilter(result.value);
      else if (result?.type === 'accept') setOverlay('none');
      else if (result?.type === 'cancel') {
        setFilter('');
        setOverlay('none');
      }
      return;
    }
    const mode = overlay === 'help' ? 'help' : hostUid !== undefined ? 'host' : 'list';
    if (mode === 'help' && (key.downArrow || input === 'j')) return setHelpScroll((s) => s + 1);
    if (mode === 'help' && (key.upArrow || input === 'k')) return setHelpScroll((s) => Math.max(0, s - 1));
    const action = actionFor(mode, input, key);
    if (action) act(action);
  });

  if (logs && renderLogs) {
    return <>{renderLogs({ request: logs, services, onClose: () => setLogs(undefined), columns: width, rows: height, color })}</>;
  }

  const inHost = hostUid !== undefined && screen !== undefined;
  let body: React.ReactNode;
  if (overlay === 'help') body = <HelpView theme={theme} height={hostHeight} offset={helpScroll} />;
  else if (inHost) body = <PodHostView screen={screen} scroll={hostScroll} width={width} height={hostHeight} theme={theme} />;
  else {
    body = (
      <>
        {filterShown ? (
          overlay === 'filter' ? (
            <FilterInput value={filter} kind={list.filterKind} {...(list.filterError ? { error: list.filterError } : {})} theme={theme} />
          ) : (
            <FilterLine text={filter} error={list.filterError} theme={theme} />
          )
        ) : null}
        <PodList
          visible={visible}
          columns={cols}
          selectedUid={selectedUid}
          height={listHeight}
          theme={theme}
          ageShift={(uid) => list.rows.ageShift(uid, clock)}
          emptyText={list.total === 0 ? emptyText(store.connection.kind) : 'no Pod matches the filter (esc clears it)'}
          stale={store.staleSince !== undefined}
        />
      </>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      {/* Vertical clipping only: every line is a Text truncated to the width already, and Ink's
          horizontal clip re-measures and re-slices every line of every frame. */}
      <Box flexDirection="column" height={mainHeight} overflowY="hidden">
        {body}
      </Box>
      {exec.phase ? (
        <Box height={bottomHeight} overflow="hidden">
          {exec.phase.kind === 'offer' ? (
            <DebugOffer theme={theme} container={exec.phase.request.container} image={exec.phase.image} onAnswer={exec.answer} active={false} />
          ) : (
            <DebugStarting theme={theme} container={exec.phase.request.container} image={exec.phase.image} />
          )}
        </Box>
      ) : (
      <StatusBar
        context={props.context}
        namespace={allNamespaces ? undefined : props.namespace}
        connection={store.connection}
        {...(store.staleSince !== undefined ? { stale: { since: store.staleSince, now: clock } } : {})}
        shown={uids.length}
        total={list.total}
        hint={inHost ? HOST_HINT : LIST_HINT}
        {...(message ? { message } : {})}
        theme={theme}
      />
      )}
    </Box>
  );
}

function emptyText(connection: string): string {
  return connection === 'live' ? 'no Pods' : 'waiting for Pods…';
}

function FilterLine({ text, error, theme }: { text: string; error: string | undefined; theme: Theme }) {
  return <LineView line={[seg('filter: ', 'dim'), seg(text, 'accent'), seg(error ? `  ${sanitize(error)}` : '  (esc clears)', error ? 'error' : 'dim')]} theme={theme} />;
}
