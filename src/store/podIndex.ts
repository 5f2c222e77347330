// PodIndex: the Pod list's rows, kept sorted by (namespace, name) as the store changes.
//
//   const index = new PodIndex(store);
//   index.list()                      -> UidList            every uid, display order, without copying (at, indexOf, slice)
//   index.search('web')               -> { ok: true, rows, kind: 'substring' }  ns/name contains "web" (case-insensitive)
//   index.search('app=web,tier!=db')  -> { ok: true, rows, kind: 'selector' }   -l style label selector
//   index.search('-l release')        -> forces selector syntax for a bare key
//   index.search('env in (a')         -> { ok: false, error: 'unbalanced parentheses ...' }
//   index.count()                     -> number of rows, without building the uid array
//   index.close()                     -> stops listening to the store
//
// The text is read by filterTerms.ts: words that must all hold, each plain text (a substring of
// "namespace/name", the status, node, container names or images), a field (status:, node:,
// container:, image:, ns:, name:, restarts>N) or a label selector (label:app=web, app=web,
// `-l release`). What a Pod offers is `facts` (the UI passes it in, so that what the filter
// matches is what the row shows). Deleted Pods stay in the rows while the store keeps them.
// Updates are incremental: a few changed Pods cost binary-search inserts; a large batch (a
// page of a list, a re-list) is sorted on its own and merged, never the whole world re-sorted.
// The last filter's matches are kept and updated with each change the same way, so under
// churn no frame scans every Pod; typing one more character narrows the previous matches.
// Results are views (UidList), not copies: a frame of a 100,000-Pod list allocates nothing
// in proportion to it. A result keeps its identity until its rows change.
import type { LeanPod } from '../model/leanPodType.ts';
import { uidOf } from './podStore.ts';
import type { PodStore, StoreEntry } from './podStore.ts';
import { parseFilter, termHolds, type FilterTerm, type PodFacts } from './filterTerms.ts';
import { insertRow, makeRow, mergeRows, needleOf, positionOf, removeRow, rowContains, RowsView, type Row, type UidList } from './sortedRows.ts';

export type { UidList } from './sortedRows.ts';

/** What a Pod offers the filter beside namespace/name and labels (status, node, containers, images, restarts). */
export type PodFields = (pod: LeanPod) => PodFacts;

const NO_FACTS: PodFacts = { status: '', node: '', containers: [], images: [], restarts: 0, ready: '', createdMs: undefined, trouble: 2 };

export type SearchResult = { ok: true; kind: 'all' | 'substring' | 'selector'; rows: UidList } | { ok: false; error: string };

/** The last filter: its matching rows, kept current as the store changes. */
interface Filter {
  text: string;
  /** 'selector' when every term reads only labels (a Pod then needs judging again only when they change). */
  kind: 'substring' | 'selector';
  /** The prepared needle of a filter that is one plain word (for narrowing). */
  needle?: string;
  keep(row: Row): boolean;
  rows: Row[];
  result: SearchResult;
}

/** Above this many rows touched in one sync, sort and merge (or rescan) instead of inserting one by one. */
const MERGE_THRESHOLD = 64;

export class PodIndex {
  private sorted: Row[] = [];
  private readonly rowsByUid = new Map<string, Row>();
  private dirty = new Set<string>();
  private needsRebuild = true;
  /** Bumped when the set of rows changes (not when only a Pod's labels do). */
  private version = 0;
  private all: { version: number; result: SearchResult & { ok: true } } | undefined;
  private filter: Filter | undefined;
  private failed: { text: string; result: SearchResult } | undefined;
  private readonly rowOf = (uid: string): Row | undefined => this.rowsByUid.get(uid);
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PodStore,
    private readonly fields: PodFields = () => NO_FACTS,
  ) {
    this.unsubscribe = store.subscribe((change) => {
      if (change.reset) this.needsRebuild = true;
      for (const uid of change.changed) this.dirty.add(uid);
    });
  }

  close(): void {
    this.unsubscribe();
  }

  /** Every uid the store holds, in display order, as a view; a new view only when the rows changed. */
  list(): UidList {
    this.sync();
    if (this.all?.version !== this.version) this.all = { version: this.version, result: { ok: true, kind: 'all', rows: new RowsView(() => this.sorted, this.rowOf) } };
    return this.all.result.rows;
  }

  count(): number {
    this.sync();
    return this.sorted.length;
  }

  search(text: string): SearchResult {
    this.sync();
    const trimmed = text.trim();
    if (trimmed === '') {
      this.list();
      return this.all!.result;
    }
    const previous = this.filter;
    if (previous?.text === text) return previous.result;
    if (this.failed?.text === text) return this.failed.result;
    const parsed = parseFilter(trimmed);
    if (!parsed.ok) {
      this.failed = { text, result: { ok: false, error: parsed.error } };
      return this.failed.result;
    }
    const { terms } = parsed;
    const only = terms.length === 1 ? terms[0] : undefined;
    if (only?.kind === 'text') {
      const needle = needleOf(only.value);
      const lower = only.value.toLowerCase();
      const keep = (row: Row): boolean => rowContains(row, needle) || this.textInFacts(row, lower);
      // Typing one more character: only the rows that matched before can match now.
      const narrowing = previous?.needle !== undefined && needle.includes(previous.needle);
      return this.startFilter({ text, kind: 'substring', needle, keep }, narrowing ? previous.rows : this.sorted);
    }
    const labelsOnly = terms.every((t) => t.kind === 'selector');
    const keep = (row: Row): boolean => terms.every((t) => this.holds(t, row));
    return this.startFilter({ text, kind: labelsOnly ? 'selector' : 'substring', keep }, this.sorted);
  }

  private textInFacts(row: Row, lower: string): boolean {
    const f = this.fields(row.pod);
    const has = (s: string) => s.toLowerCase().includes(lower);
    return has(f.status) || has(f.node) || f.containers.some(has) || f.images.some(has);
  }

  private holds(term: FilterTerm, row: Row): boolean {
    const cut = row.sortKey.indexOf('\u0000');
    return termHolds(term, { namespace: row.sortKey.slice(0, cut), name: row.sortKey.slice(cut + 1), labels: row.labels, facts: this.fields(row.pod) });
  }

  private startFilter(spec: Omit<Filter, 'rows' | 'result'>, from: readonly Row[]): SearchResult {
    const rows: Row[] = [];
    for (const row of from) if (spec.keep(row)) rows.push(row);
    const filter: Filter = { ...spec, rows, result: { ok: false, error: '' } };
    filter.result = this.filterResult(filter);
    this.filter = filter;
    return filter.result;
  }

  private filterResult(filter: Filter): SearchResult {
    return { ok: true, kind: filter.kind, rows: new RowsView(() => filter.rows, this.rowOf) };
  }

  /** Brings the sorted rows (and the last filter's matches) up to date with what the store reported since the last call. */
  private sync(): void {
    if (this.needsRebuild) {
      this.rebuild();
      return;
    }
    if (this.dirty.size === 0) return;
    const changed = this.dirty;
    this.dirty = new Set();
    const added: Row[] = [];
    const removed: Row[] = [];
    const relabeled: Row[] = [];
    const modified: Row[] = [];
    for (const uid of changed) {
      const entry = this.store.get(uid);
      const known = this.rowsByUid.get(uid);
      if (entry && known) {
        const labels = entry.pod.metadata?.labels;
        if (labels !== known.labels) {
          known.labels = labels;
          relabeled.push(known);
        }
        if (entry.pod !== known.pod) {
          known.pod = entry.pod;
          modified.push(known);
        }
      } else if (entry) added.push(rowFor(uid, entry));
      else if (known) removed.push(known);
    }
    if (removed.length > 0) {
      for (const row of removed) this.rowsByUid.delete(row.uid);
      if (removed.length > MERGE_THRESHOLD) this.sorted = this.sorted.filter((row) => this.rowsByUid.get(row.uid) === row);
      else for (const row of removed) removeRow(this.sorted, row);
    }
    if (added.length > 0) {
      for (const row of added) this.rowsByUid.set(row.uid, row);
      if (added.length > MERGE_THRESHOLD) this.sorted = mergeRows(this.sorted, added);
      else for (const row of added) insertRow(this.sorted, row);
    }
    if (added.length > 0 || removed.length > 0) this.version++;
    this.updateFilter(added, removed, relabeled, modified);
  }

  private updateFilter(added: readonly Row[], removed: readonly Row[], relabeled: readonly Row[], modified: readonly Row[]): void {
    const filter = this.filter;
    if (!filter) return;
    // A selector reads labels; a substring filter reads names (which never change) and the
    // Pod's fields (its status changes with every restart), so a changed Pod is judged again.
    const relabels = filter.kind === 'selector' ? relabeled : modified;
    if (added.length + removed.length + relabels.length === 0) return;
    // Changed Pods are judged one by one however many there are: under churn most keep their
    // place, and a rescan would read every Pod's fields on every frame.
    const touched = added.length + removed.length + (filter.kind === 'selector' ? relabels.length : 0);
    if (touched > MERGE_THRESHOLD) {
      filter.rows = this.sorted.filter((row) => filter.keep(row));
      filter.result = this.filterResult(filter);
      return;
    }
    let moved = false;
    for (const row of removed) moved = removeRow(filter.rows, row) || moved;
    for (const row of relabels) {
      const has = positionOf(filter.rows, row) >= 0;
      const keep = filter.keep(row);
      if (has && !keep) moved = removeRow(filter.rows, row) || moved;
      else if (!has && keep) {
        insertRow(filter.rows, row);
        moved = true;
      }
    }
    for (const row of added) {
      if (!filter.keep(row)) continue;
      insertRow(filter.rows, row);
      moved = true;
    }
    if (moved) filter.result = this.filterResult(filter);
  }

  private rebuild(): void {
    this.needsRebuild = false;
    this.dirty.clear();
    this.version++;
    this.rowsByUid.clear();
    this.filter = undefined;
    const rows: Row[] = [];
    for (const entry of this.store.all()) {
      const row = rowFor(uidOf(entry.pod), entry);
      this.rowsByUid.set(row.uid, row);
      rows.push(row);
    }
    this.sorted = mergeRows([], rows);
  }
}

function rowFor(uid: string, entry: StoreEntry): Row {
  const meta = entry.pod.metadata;
  return makeRow(uid, meta?.namespace ?? '', meta?.name ?? '', meta?.labels, entry.pod);
}
