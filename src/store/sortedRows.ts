// The Pod list's rows as PodIndex keeps them: sorted arrays of small Row records, binary
// searched, and read by the UI through UidList views that copy nothing. A view of 100,000
// rows costs one small object, so a new one can be handed out on every change.
import type { LeanPod } from '../model/leanPodType.ts';

export interface Row {
  uid: string;
  /** namespace NUL name: one string comparison orders rows like the (namespace, name) tuple; the uid breaks ties. */
  sortKey: string;
  /** The lower-cased sortKey, only when it differs (Kubernetes names are lower case already). */
  lower: string | undefined;
  labels: Readonly<Record<string, string>> | undefined;
  /** The stored Pod the row stands for: a substring filter also reads its status, node, containers and images. */
  pod: LeanPod;
}

/** A list of uids in display order, read without copying it. A plain readonly string[] is one too. */
export interface UidList {
  readonly length: number;
  at(index: number): string | undefined;
  /** Position of the uid, or -1; O(log n) on an index's view. */
  indexOf(uid: string): number;
  slice(start?: number, end?: number): string[];
}

export function makeRow(uid: string, namespace: string, name: string, labels: Readonly<Record<string, string>> | undefined, pod: LeanPod): Row {
  const sortKey = `${namespace}\u0000${name}`;
  const lower = sortKey.toLowerCase();
  return { uid, sortKey, lower: lower === sortKey ? undefined : lower, labels, pod };
}

/** What the user typed, made ready for rowContains. */
export function needleOf(text: string): string {
  // Neither a namespace nor a name can hold '/' or NUL, so "/" in the needle matches exactly the separator.
  return text.toLowerCase().replaceAll('/', '\u0000');
}

/** Whether "namespace/name" contains the text of `needle` (from needleOf), case-insensitively. */
export function rowContains(row: Row, needle: string): boolean {
  return (row.lower ?? row.sortKey).includes(needle);
}

export function compareRows(a: Row, b: Row): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/** First position in `rows` whose row sorts at or after `row`. */
export function lowerBound(rows: readonly Row[], row: Row): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRows(rows[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of this very row in `rows`, or -1. */
export function positionOf(rows: readonly Row[], row: Row): number {
  const at = lowerBound(rows, row);
  return rows[at] === row ? at : -1;
}

export function insertRow(rows: Row[], row: Row): void {
  rows.splice(lowerBound(rows, row), 0, row);
}

export function removeRow(rows: Row[], row: Row): boolean {
  const at = positionOf(rows, row);
  if (at < 0) return false;
  rows.splice(at, 1);
  return true;
}

/** Merges sorted `added` into sorted `rows`; returns the result (rows itself when it only grows at the end). */
export function mergeRows(rows: Row[], added: Row[]): Row[] {
  added.sort(compareRows);
  // A list's pages arrive in (namespace, name) order: each page simply extends the rows.
  if (rows.length === 0 || compareRows(rows[rows.length - 1]!, added[0]!) < 0) {
    for (const row of added) rows.push(row);
    return rows;
  }
  const out: Row[] = new Array(rows.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < rows.length && j < added.length) out[k++] = compareRows(rows[i]!, added[j]!) <= 0 ? rows[i++]! : added[j++]!;
  while (i < rows.length) out[k++] = rows[i++]!;
  while (j < added.length) out[k++] = added[j++]!;
  return out;
}

/**
 * The uids of a sorted Row[] as a UidList. It reads the rows as they are when asked (the
 * owner hands out a new view whenever they change, so that React sees a new value).
 */
export class RowsView implements UidList {
  constructor(
    private readonly rows: () => readonly Row[],
    private readonly rowOf: (uid: string) => Row | undefined,
  ) {}

  get length(): number {
    return this.rows().length;
  }

  at(index: number): string | undefined {
    const rows = this.rows();
    return rows[index < 0 ? rows.length + index : index]?.uid;
  }

  indexOf(uid: string): number {
    const row = this.rowOf(uid);
    return row ? positionOf(this.rows(), row) : -1;
  }

  slice(start = 0, end?: number): string[] {
    const rows = this.rows();
    const from = Math.max(0, start < 0 ? rows.length + start : start);
    const to = Math.min(rows.length, end === undefined ? rows.length : end < 0 ? rows.length + end : end);
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(rows[i]!.uid);
    return out;
  }
}
