// The list's order when the user sorts by a column: the filtered uids sorted once per store
// frame (O(n log n), only while a sort other than the default is chosen), ties always broken
// by namespace, name and uid so rows do not swap places while Pods change around them.
//
//   sortUids(uids, { column: 'restarts', reversed: false }, subjectOf)  -> a UidList, most restarts first
//
// Each column sorts the way an on-call reader wants it first: NAME A to Z, AGE youngest first,
// RESTARTS most first, READY least ready first, STATUS and NODE A to Z, CPU and MEM the
// busiest first (Pods without a sample last), and "problems" failing Pods first, then
// not-yet-well ones, each by restarts. `reversed` turns the column round; the
// namespace/name tie-break keeps its direction.
import type { PodUsage } from '../model/podUsage.ts';
import type { PodFacts } from './filterTerms.ts';
import type { UidList } from './sortedRows.ts';

export type SortColumn = 'name' | 'age' | 'restarts' | 'ready' | 'status' | 'node' | 'cpu' | 'mem' | 'problems';

export interface SortSpec {
  column: SortColumn;
  reversed: boolean;
}

export const DEFAULT_SORT: SortSpec = { column: 'name', reversed: false };

/** Each column's first order, as `:sort` offers it; a Record, so a new SortColumn cannot be left out. */
export const SORT_FIRST_ORDER: Readonly<Record<SortColumn, string>> = {
  name: 'namespace, name A to Z',
  age: 'youngest first',
  restarts: 'most first',
  ready: 'least ready first',
  status: 'A to Z',
  node: 'A to Z',
  cpu: 'busiest first, Pods without a sample last',
  mem: 'largest first, Pods without a sample last',
  problems: 'errors, then warnings, each by restarts',
};

export interface SortSubject {
  uid: string;
  namespace: string;
  name: string;
  facts: PodFacts;
  /** The last metrics sample (CPU and MEM sorts); undefined without one. */
  usage?: PodUsage | undefined;
}

/** A Pod without a figure goes last. */
const busiest = (s: SortSubject, column: 'cpu' | 'mem'): number => {
  const v = column === 'cpu' ? s.usage?.cpuMilli : s.usage?.memBytes;
  return v === undefined ? Infinity : -v;
};

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function readyRatio(ready: string): number {
  const m = /^(\d+)\/(\d+)$/.exec(ready);
  return m && Number(m[2]) > 0 ? Number(m[1]) / Number(m[2]) : 1;
}

function primary(column: SortColumn, a: SortSubject, b: SortSubject): number {
  switch (column) {
    case 'name':
      return text(a.namespace, b.namespace) || text(a.name, b.name);
    case 'age':
      // Youngest first; a Pod without a creation time goes last.
      return (b.facts.createdMs ?? -Infinity) - (a.facts.createdMs ?? -Infinity) || 0;
    case 'restarts':
      return b.facts.restarts - a.facts.restarts;
    case 'ready':
      return readyRatio(a.facts.ready) - readyRatio(b.facts.ready);
    case 'status':
      return text(a.facts.status, b.facts.status);
    case 'node':
      return text(a.facts.node, b.facts.node);
    case 'cpu':
    case 'mem': {
      const x = busiest(a, column);
      const y = busiest(b, column);
      return x === y ? 0 : x < y ? -1 : 1;
    }
    case 'problems':
      return a.facts.trouble - b.facts.trouble || b.facts.restarts - a.facts.restarts;
  }
}

export function compareSubjects(spec: SortSpec, a: SortSubject, b: SortSubject): number {
  const p = primary(spec.column, a, b);
  if (p !== 0) return spec.reversed ? -p : p;
  return text(a.namespace, b.namespace) || text(a.name, b.name) || text(a.uid, b.uid);
}

/** A sorted copy of uids, read as a UidList; indexOf by a map, so following the selection stays O(1). */
class SortedUids implements UidList {
  private positions: Map<string, number> | undefined;

  constructor(private readonly uids: readonly string[]) {}

  get length(): number {
    return this.uids.length;
  }

  at(index: number): string | undefined {
    return this.uids.at(index);
  }

  indexOf(uid: string): number {
    if (!this.positions) this.positions = new Map(this.uids.map((u, i) => [u, i]));
    return this.positions.get(uid) ?? -1;
  }

  slice(start?: number, end?: number): string[] {
    return this.uids.slice(start, end);
  }
}

/** The sort key of a numeric column, smaller first (a Pod without a creation time goes last). */
function numericKey(column: SortColumn, s: SortSubject): number {
  const f = s.facts;
  switch (column) {
    case 'age':
      return f.createdMs === undefined ? Infinity : -f.createdMs;
    case 'restarts':
      return -f.restarts;
    case 'ready':
      return readyRatio(f.ready);
    case 'problems':
      return f.trouble * 1e10 - Math.min(f.restarts, 1e10 - 1);
    case 'cpu':
    case 'mem':
      return busiest(s, column);
    default:
      return 0;
  }
}

/**
 * The uids in the order of `spec`. `uids` must come in the index's own order (namespace, name,
 * uid), as PodIndex hands them out: the sort is stable, so ties keep that order without
 * comparing names, and the default order is returned as it is. compareSubjects is the same
 * order spelled as one comparison (the tests hold the two together).
 */
export function sortUids(uids: UidList, spec: SortSpec, subjectOf: (uid: string) => SortSubject | undefined): UidList {
  if (spec.column === 'name') return spec.reversed ? new SortedUids(uids.slice().reverse()) : uids;
  const sign = spec.reversed ? -1 : 1;
  const all: string[] = [];
  const numbers: number[] = [];
  const strings: string[] = [];
  const byText = spec.column === 'status' || spec.column === 'node';
  for (const uid of uids.slice()) {
    const s = subjectOf(uid);
    if (!s) continue;
    all.push(uid);
    if (spec.column === 'status' || spec.column === 'node') strings.push(s.facts[spec.column]);
    else numbers.push(sign * numericKey(spec.column, s));
  }
  // Positions sorted by key, ties by position: the index's (namespace, name, uid) order.
  const order = Array.from(all, (_, i) => i);
  if (byText) order.sort((i, j) => sign * text(strings[i]!, strings[j]!) || i - j);
  // Equal keys compare as ties (Infinity - Infinity would be NaN).
  else order.sort((i, j) => (numbers[i] === numbers[j] ? i - j : numbers[i]! < numbers[j]! ? -1 : 1));
  return new SortedUids(order.map((i) => all[i]!));
}
