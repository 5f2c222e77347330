// The Pod list as a screen: its filter prompt, selection, window and columns, and its key
// table. Keys it handles itself (moving, filtering) stay here; the rest (open, logs, shell,
// help, quit) go back to the router as actions.
import type React from 'react';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Key } from 'ink';
import { podLimits } from '../../model/podUsage.ts';
import { listRow } from './listRow.ts';
import type { UidList } from '../../store/podIndex.ts';
import type { PodStore } from '../../store/podStore.ts';
import type { PodUsageStore } from '../../store/podUsage.ts';
import { DEFAULT_SORT, type SortColumn, type SortSpec } from '../../store/sortOrder.ts';
import { sanitize } from '../../text/sanitize.ts';
import type { HelpTopic } from '../help/HelpView.tsx';
import { usePodList } from '../hooks/usePodList.ts';
import type { Action } from '../keys/actions.ts';
import { dispatchKey } from '../keys/keyTable.ts';
import { LineView, seg } from '../lines.tsx';
import type { Theme } from '../theme.ts';
import { ctrsLegend } from './ctrsLegend.ts';
import { findingLegend } from './findingLegend.ts';
import { FilterInput, filterKey } from './FilterInput.tsx';
import { LIST_KEYS } from './listKeys.ts';
import { listColumns, sameColumns, type Column } from './listColumns.ts';
import { navReducer } from './listNav.ts';
import { windowStart } from './listWindow.ts';
import { PodList } from './PodList.tsx';
import { usageCells } from './usageCells.ts';

export const LIST_HINT = 'enter open · / filter · l logs · s shell · ? help · q quit';
const LIST_HELP: HelpTopic = { title: 'Pod list', keys: LIST_KEYS, extra: [...ctrsLegend(), ...findingLegend()] };

export interface ListScreenInput {
  store: PodStore;
  now: () => number;
  clock: number;
  width: number;
  height: number;
  allNamespaces: boolean;
  theme: Theme;
  /** The metrics poll's figures: CPU and MEM columns while metrics are served. */
  usage?: PodUsageStore | undefined;
}

export interface ListScreen {
  body: React.ReactNode;
  help: HelpTopic;
  selectedUid: string | undefined;
  /** The filter and the sort while they differ from none and the default: for the status bar. */
  filter: string;
  sortLabel: string | undefined;
  /** The shown Pods' uids in list order. */
  uids: UidList;
  /** Pods shown after the filter, and in all. */
  shown: number;
  total: number;
  /** Bumped on every store change the list heard (for effects that wait on a Pod). */
  version: number;
  select(uid: string): void;
  /** `:sort`: the list in this order, as its sort keys would put it. */
  sortBy(sort: SortSpec): void;
  /** A key press: handled here (undefined), or the action for the router. */
  onKey(input: string, key: Key): Action | undefined;
}

export function useListScreen({ store, now, clock, width, height, allNamespaces, theme, usage }: ListScreenInput): ListScreen {
  const [filter, setFilter] = useState('');
  const [prompt, setPrompt] = useState(false);
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const [nav, dispatch] = useReducer(navReducer, { uid: undefined, index: 0 });
  const listStart = useRef(0);
  const list = usePodList(store, filter, sort, listRow, now, usage);
  // Findings that change by age alone (a restart an hour old) move on as the clock ticks, with no watch event.
  useEffect(() => store.passTime(), [store, clock]);
  const metrics = usage?.state.served === true;
  const { uids } = list;
  const index = nav.uid !== undefined && uids.at(nav.index) === nav.uid ? nav.index : navReducer(nav, { type: 'move', delta: 0, uids }).index;
  const selectedUid = uids.at(index);
  // Remember where the selection is now, so that if its Pod leaves, the next one takes its place.
  useEffect(() => {
    if (uids.length > 0 && (nav.uid !== selectedUid || nav.index !== index)) dispatch({ type: 'to', index, uids });
  }, [uids, index, selectedUid, nav]);

  const filterShown = prompt || filter !== '';
  const listHeight = Math.max(1, height - 1 - (filterShown ? 1 : 0));
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
    const next = listColumns(width, visible, allNamespaces, sort, metrics);
    if (!sameColumns(next, lastCols.current)) lastCols.current = next;
    return lastCols.current;
  }, [width, visible, allNamespaces, sort, metrics]);

  const onKey = (input: string, key: Key): Action | undefined => {
    // `/` or `:` with the text typed ahead in one chunk (typed while the list was busy, a paste,
    // tmux send-keys): the prompt opens with that text, and closes if the chunk held the enter.
    const typedAhead = !prompt && input.length > 1 && input.startsWith('/') && !key.ctrl && !key.meta;
    if (!prompt && input.length > 1 && input.startsWith(':') && !key.ctrl && !key.meta) return { type: 'command', typed: input.slice(1) };
    if (prompt || typedAhead) {
      const result = typedAhead ? (filterKey('', input.slice(1), key) ?? { type: 'change', value: '' }) : filterKey(filter, input, key);
      if (typedAhead) setPrompt(true);
      if (result?.type === 'change') setFilter(result.value);
      else if (result?.type === 'accept') {
        // Only text that came with the enter: text typed just before it may not be in `filter` yet.
        if (result.value !== filter) setFilter(result.value);
        setPrompt(false);
      } else if (result?.type === 'cancel') {
        setFilter('');
        setPrompt(false);
      }
      return undefined;
    }
    const action = dispatchKey(LIST_KEYS, input, key);
    switch (action?.type) {
      case 'down':
        return void dispatch({ type: 'move', delta: 1, uids });
      case 'up':
        return void dispatch({ type: 'move', delta: -1, uids });
      case 'pageDown':
        return void dispatch({ type: 'move', delta: listHeight, uids });
      case 'pageUp':
        return void dispatch({ type: 'move', delta: -listHeight, uids });
      case 'top':
        return void dispatch({ type: 'to', index: 0, uids });
      case 'bottom':
        return void dispatch({ type: 'to', index: uids.length - 1, uids });
      case 'filter':
        return void setPrompt(true);
      case 'clearFilter':
        return void setFilter('');
      case 'sort':
        return void setSort((current) => nextSort(current, action.column));
      default:
        return action;
    }
  };

  const body = (
    <>
      {filterShown ? (
        prompt ? (
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
        {...(usage ? { usageOf: (row, columns) => usageCells(usage.get(row.namespace, row.name), podLimits(store.get(row.uid)?.pod), columns) } : {})}
      />
    </>
  );
  return {
    body,
    help: usage?.state.note ? { ...LIST_HELP, extra: [...(LIST_HELP.extra ?? []), [seg('CPU, MEM  ', 'header'), seg(sanitize(usage.state.note), 'dim')]] } : LIST_HELP,
    filter: filter.trim(),
    sortLabel: sortLabel(sort),
    selectedUid,
    uids,
    shown: uids.length,
    total: list.total,
    version: list.version,
    select: (uid) => dispatch({ type: 'select', uid, uids }),
    sortBy: setSort,
    onKey,
  };
}

/** The same column again turns it round; another column starts in its own first order. */
export function nextSort(current: SortSpec, column: SortColumn): SortSpec {
  return current.column === column ? { column, reversed: !current.reversed } : { column, reversed: false };
}

function sortLabel(sort: SortSpec): string | undefined {
  if (sort.column === DEFAULT_SORT.column && sort.reversed === DEFAULT_SORT.reversed) return undefined;
  return `${sort.column}${sort.reversed ? ' (reversed)' : ''}`;
}

function emptyText(connection: string): string {
  return connection === 'live' ? 'no Pods' : 'waiting for Pods…';
}

function FilterLine({ text, error, theme }: { text: string; error: string | undefined; theme: Theme }) {
  return <LineView line={[seg('filter: ', 'dim'), seg(text, 'accent'), seg(error ? `  ${sanitize(error)}` : '  (esc clears)', error ? 'error' : 'dim')]} theme={theme} />;
}
