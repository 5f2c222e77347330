// PodIndex: the Pod list's rows, kept sorted by (namespace, name) as the store changes.
//
//   const index = new PodIndex(store);
//   index.rows()                      -> readonly string[]  every uid, display order
//   index.search('web')               -> { ok: true, rows, kind: 'substring' }  ns/name contains "web" (case-insensitive)
//   index.search('app=web,tier!=db')  -> { ok: true, rows, kind: 'selector' }   -l style label selector
//   index.search('-l release')        -> forces selector syntax for a bare key
//   index.search('env in (a')         -> { ok: false, error: 'unbalanced parentheses ...' }
//   index.count()                     -> number of rows, without building the uid array
//   index.window(start, end)          -> uids of rows [start, end): just what is on screen
//   index.position(uid)               -> row number in rows(), or -1
//   index.close()                     -> stops listening to the store
//
// Text containing '=', '!', '<', '>', ' in (' or ' notin (' is a selector; anything else is a
// substring of "namespace/name". Deleted Pods stay in the rows while the store keeps them.
// Updates are incremental: a few changed Pods cost binary-search inserts; a large batch (a
// page of a list, a re-list) is sorted on its own and merged, never the whole world re-sorted.
// Results of the last search are cached until the store changes again, and typing one more
// character narrows the previous result instead of scanning everything.
import { uidOf } from './podStore.ts';
import type { PodStore } from './podStore.ts';
import { matchesSelector, parseSelector } from './selector.ts';
import type { Selector } from './selector.ts';

export type SearchResult =
  | { ok: true; kind: 'all' | 'substring' | 'selector'; rows: readonly string[] }
  | { ok: false; error: string };

interface Row {
  uid: string;
  /** namespace NUL name NUL uid: one string comparison orders rows like the (namespace, name) tuple. */
  sortKey: string;
  /** "namespace/name" lower-cased, for substring search. */
  haystack: string;
  labels: Readonly<Record<string, string>> | undefined;
}

interface Cached {
  text: string;
  version: number;
  result: SearchResult;
  /** The matching rows, kept so that typing one more character filters these, not everything. */
  rows?: Row[];
}

const SELECTOR_HINT = /[=!<>]|\s(not)?in\s*\(/;
/** Above this many additions in one sync, sort them and merge instead of inserting one by one. */
const MERGE_THRESHOLD = 64;

const byKey = (a: Row, b: Row): number => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);

export class PodIndex {
  private sorted: Row[] = [];
  private readonly rowsByUid = new Map<string, Row>();
  private dirty = new Set<string>();
  private needsRebuild = true;
  private version = 0;
  private uids: { version: number; list: string[] } = { version: -1, list: [] };
  private cache: Cached | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly store: PodStore) {
    this.unsubscribe = store.subscribe((change) => {
      if (change.reset) this.needsRebuild = true;
      for (const uid of change.changed) this.dirty.add(uid);
    });
  }

  close(): void {
    this.unsubscribe();
  }

  /** Every uid the store holds, in display order. */
  rows(): readonly string[] {
    this.sync();
    if (this.uids.version !== this.version) this.uids = { version: this.version, list: this.sorted.map((r) => r.uid) };
    return this.uids.list;
  }

  count(): number {
    this.sync();
    return this.sorted.length;
  }

  /** The uids of rows [start, end) in display order: what a screen of the list needs. */
  window(start: number, end: number): string[] {
    this.sync();
    const out: string[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.sorted.length); i++) out.push(this.sorted[i].uid);
    return out;
  }

  position(uid: string): number {
    this.sync();
    const row = this.rowsByUid.get(uid);
    if (!row) return -1;
    const at = this.lowerBound(row.sortKey);
    return this.sorted[at] === row ? at : -1;
  }

  search(text: string): SearchResult {
    this.sync();
    const previous = this.cache;
    if (previous && previous.text === text && previous.version === this.version) return previous.result;
    const trimmed = text.trim();
    let next: Cached;
    if (trimmed === '') {
      next = { text, version: this.version, result: { ok: true, kind: 'all', rows: this.rows() } };
    } else {
      const forced = /^-l\s+/.exec(trimmed);
      if (forced || SELECTOR_HINT.test(trimmed)) {
        const parsed = parseSelector(forced ? trimmed.slice(forced[0].length) : trimmed);
        if (!parsed.ok) next = { text, version: this.version, result: { ok: false, error: parsed.error } };
        else next = this.filtered(text, 'selector', this.sorted, (row) => matchesSelector(parsed.selector, row.labels));
      } else {
        const needle = trimmed.toLowerCase();
        // Typing one more character: only the rows that matched before can match now.
        const narrowing = previous?.rows && previous.version === this.version && previous.result.ok && previous.result.kind === 'substring' && needle.includes(previous.text.trim().toLowerCase());
        next = this.filtered(text, 'substring', narrowing ? previous.rows! : this.sorted, (row) => row.haystack.includes(needle));
      }
    }
    this.cache = next;
    return next.result;
  }

  private filtered(text: string, kind: 'substring' | 'selector', from: readonly Row[], keep: (row: Row) => boolean): Cached {
    const rows: Row[] = [];
    for (const row of from) if (keep(row)) rows.push(row);
    return { text, version: this.version, rows, result: { ok: true, kind, rows: rows.map((r) => r.uid) } };
  }

  /** Brings the sorted rows up to date with what the store reported since the last call. */
  private sync(): void {
    if (this.needsRebuild) {
      this.rebuild();
      return;
    }
    if (this.dirty.size === 0) return;
    const changed = this.dirty;
    this.dirty = new Set();
    this.version++;
    const added: Row[] = [];
    for (const uid of changed) {
      const entry = this.store.get(uid);
      const known = this.rowsByUid.get(uid);
      if (entry && known) known.labels = entry.pod.metadata?.labels;
      else if (entry) added.push(this.makeRow(uid));
      else if (known) this.removeRow(known);
    }
    if (added.length === 0) return;
    for (const row of added) this.rowsByUid.set(row.uid, row);
    if (added.length > MERGE_THRESHOLD) this.mergeIn(added);
    else for (const row of added) this.sorted.splice(this.lowerBound(row.sortKey), 0, row);
  }

  private rebuild(): void {
    this.needsRebuild = false;
    this.dirty.clear();
    this.version++;
    this.rowsByUid.clear();
    const rows: Row[] = [];
    for (const entry of this.store.all()) {
      const row = this.makeRow(uidOf(entry.pod));
      this.rowsByUid.set(row.uid, row);
      rows.push(row);
    }
    this.sorted = rows.sort(byKey);
  }

  private mergeIn(added: Row[]): void {
    added.sort(byKey);
    const old = this.sorted;
    // A list's pages arrive in (namespace, name) order: each page simply extends the rows.
    if (old.length === 0 || old[old.length - 1].sortKey < added[0].sortKey) {
      for (const row of added) old.push(row);
      return;
    }
    const out: Row[] = new Array(old.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < added.length) out[k++] = old[i].sortKey <= added[j].sortKey ? old[i++] : added[j++];
    while (i < old.length) out[k++] = old[i++];
    while (j < added.length) out[k++] = added[j++];
    this.sorted = out;
  }

  private removeRow(row: Row): void {
    const at = this.lowerBound(row.sortKey);
    if (this.sorted[at] === row) this.sorted.splice(at, 1);
    this.rowsByUid.delete(row.uid);
  }

  private makeRow(uid: string): Row {
    const meta = this.store.get(uid)?.pod.metadata;
    const namespace = meta?.namespace ?? '';
    const name = meta?.name ?? '';
    return { uid, sortKey: `${namespace}\u0000${name}\u0000${uid}`, haystack: `${namespace}/${name}`.toLowerCase(), labels: meta?.labels };
  }

  /** First position whose row sorts at or after sortKey. */
  private lowerBound(sortKey: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid].sortKey < sortKey) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
