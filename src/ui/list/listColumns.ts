// The Pod list's column layout for a terminal width: fixed columns first, then FINDING (the
// worst finding's code), CPU and MEM where metrics are served and NODE, each only when there is
// room beside the names, and NAME takes whatever is left. The sorted column's header carries an arrow
// (↓ the column's first order, ↑ reversed; "problems first" marks STATUS with `!`), and
// RESTARTS is wide enough for kubectl's "4 (3m ago)" on terminals of 100 columns or more.
import type { PodRow } from '../../model/types.ts';
import { DEFAULT_SORT, type SortColumn, type SortSpec } from '../../store/sortOrder.ts';
import { cells } from '../fit.ts';

export type ColumnKey = 'namespace' | 'name' | 'ready' | 'status' | 'restarts' | 'age' | 'node' | 'cpu' | 'mem' | 'finding' | 'containers';

export interface Column {
  key: ColumnKey;
  header: string;
  width: number;
  alignRight?: boolean;
}

/** Cells before the first column: the selection marker and a space. */
export const GUTTER = 2;

function longest(rows: readonly PodRow[], pick: (r: PodRow) => string, cap: number, floor: number, sample = 2000): number {
  let max = floor;
  // The visible part of a huge list is representative enough; scanning 100,000 rows per frame is not needed.
  const n = Math.min(rows.length, sample);
  for (let i = 0; i < n && max < cap; i++) max = Math.max(max, cells(pick(rows[i]!)));
  return Math.min(max, cap);
}

/** RESTARTS with "(4m ago)" needs this many cells: "999 (59m ago)". */
export const RESTARTS_WIDE = 13;
/** FINDING takes room only while NAME keeps this many cells: on 80 columns it goes first, a Pod's name is worth more. */
const NAME_BEFORE_FINDING = 28;
const SORTED_BY: Partial<Record<ColumnKey, SortColumn>> = { name: 'name', ready: 'ready', status: 'status', restarts: 'restarts', age: 'age', node: 'node', cpu: 'cpu', mem: 'mem' };

/** The header with its mark; a narrow column gives up the header's last letters, never the mark. */
function marked(column: Column, mark: string): Column {
  const room = Math.max(0, column.width - mark.length);
  const header = column.header.length + mark.length <= column.width ? column.header + mark : column.header.slice(0, room) + mark;
  return { ...column, header };
}

function withSortMark(column: Column, sort: SortSpec): Column {
  const arrow = sort.reversed ? '↑' : '↓';
  if (sort.column === 'problems') return column.key === 'status' ? marked(column, `!${arrow}`) : column;
  return SORTED_BY[column.key] === sort.column ? marked(column, arrow) : column;
}

export function listColumns(width: number, rows: readonly PodRow[], showNamespace: boolean, sort: SortSpec = DEFAULT_SORT, metrics = false): Column[] {
  const glyphs = longest(rows, (r) => ' '.repeat(r.glyphs.length), 8, 4);
  const fixed: Column[] = [
    { key: 'ready', header: 'READY', width: 5 },
    { key: 'status', header: 'STATUS', width: 16 },
    { key: 'restarts', header: 'RESTARTS', width: width >= 100 ? RESTARTS_WIDE : 8, alignRight: true },
    { key: 'age', header: 'AGE', width: 5, alignRight: true },
    { key: 'containers', header: 'CTRS', width: glyphs },
  ];
  const gaps = (n: number) => n; // one space before each column after the first
  let used = GUTTER + fixed.reduce((s, c) => s + c.width, 0) + gaps(fixed.length);
  let namespace: Column | undefined;
  if (showNamespace) {
    const w = longest(rows, (r) => r.namespace, 20, 9);
    namespace = { key: 'namespace', header: 'NAMESPACE', width: Math.min(w, Math.max(9, Math.floor(width / 6))) };
    used += namespace.width + 1;
  }
  let finding: Column | undefined;
  // No Pod in sight with a finding: the column would be blank, and its room is worth more to CPU, MEM and NODE.
  const longestCode = longest(rows, (r) => r.finding?.code ?? '', 22, 0);
  const findingWidth = Math.max(longestCode, 'FINDING'.length);
  if (longestCode > 0 && width - used - NAME_BEFORE_FINDING >= findingWidth + 1) {
    finding = { key: 'finding', header: 'FINDING', width: findingWidth };
    used += findingWidth + 1;
  }
  const minName = 16;
  const usage = metrics ? usageColumns(width - used - longest(rows, (r) => r.name, 40, minName)) : [];
  for (const c of usage) used += c.width + 1;
  let node: Column | undefined;
  const nodeWidth = longest(rows, (r) => r.node, 24, 4);
  if (width - used - minName >= nodeWidth + 1) {
    // A cloud node's name runs past 24 cells ("ip-10-0-12-34.eu-west-1.compute.internal"): on a
    // wide terminal the room NAME does not need goes to NODE, up to its longest.
    const spare = width - used - nodeWidth - 1 - longest(rows, (r) => r.name, 63, minName);
    const grown = Math.min(
      longest(rows, (r) => r.node, 63, 4),
      nodeWidth + Math.max(0, spare),
    );
    node = { key: 'node', header: 'NODE', width: grown };
    used += grown + 1;
  }
  const name: Column = { key: 'name', header: 'NAME', width: Math.max(8, width - used) };
  const out: Column[] = [];
  if (namespace) out.push(namespace);
  out.push(name, ...fixed.slice(0, 4));
  out.push(...usage);
  if (node) out.push(node);
  if (finding) out.push(finding);
  out.push(fixed[4]!);
  return sort === DEFAULT_SORT ? out : out.map((c) => withSortMark(c, sort));
}

/** CPU and MEM as wide as `room` allows: with the percentage of the limit, bare, or not at all. */
function usageColumns(room: number): Column[] {
  const wide = USAGE_WIDTH.cpu.wide + USAGE_WIDTH.mem.wide + 2;
  const narrow = USAGE_WIDTH.cpu.narrow + USAGE_WIDTH.mem.narrow + 2;
  if (room < narrow) return [];
  const w = room >= wide ? 'wide' : 'narrow';
  const header = (name: string) => (w === 'wide' ? `${name} %LIM` : name);
  return [
    { key: 'cpu', header: header('CPU'), width: USAGE_WIDTH.cpu[w], alignRight: true },
    { key: 'mem', header: header('MEM'), width: USAGE_WIDTH.mem[w], alignRight: true },
  ];
}

/** "12.25" cores or "250m", "1023Mi"; wide adds " 100%" of the limit. */
export const USAGE_WIDTH = { cpu: { narrow: 5, wide: 10 }, mem: { narrow: 6, wide: 11 } } as const;

/** Same layout, column by column: lets the caller keep the previous array so memoized rows stay put. */
export function sameColumns(a: readonly Column[], b: readonly Column[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.key !== y.key || x.width !== y.width || x.header !== y.header || x.alignRight !== y.alignRight) return false;
  }
  return true;
}
