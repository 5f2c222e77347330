// `:sort COLUMN` in the `:` prompt: the list sorted by a column, as its shift-letter key does;
// `:sort -COLUMN`, `:sort COLUMN desc` (or `reverse`) turns the column round. A column goes by
// its sort name or its header (RESTARTS, NAMESPACE, FINDING: the last two sort as NAME and
// "problems first"), in any case; tab completes it.
//
//   parseSort(['-restarts'])        -> { kind: 'sort', sort: { column: 'restarts', reversed: true } }
//   parseSort(['finding'])          -> { kind: 'sort', sort: { column: 'problems', reversed: false } }
//   sortCandidates('sort re')       -> ['ready', 'restarts']
import { SORT_FIRST_ORDER, type SortColumn, type SortSpec } from '../../store/sortOrder.ts';

const COLUMNS = Object.keys(SORT_FIRST_ORDER) as SortColumn[];
/** Headers that sort as another column. */
const ALIASES: Readonly<Record<string, SortColumn>> = { namespace: 'name', finding: 'problems' };
const SORT_NAMES = [...COLUMNS, ...Object.keys(ALIASES)].sort();
const REVERSE_WORDS = new Set(['desc', 'reverse', 'reversed']);

export type SortCommand = { kind: 'sort'; sort: SortSpec } | { kind: 'error'; message: string };

function columnNamed(name: string): SortColumn | undefined {
  const lower = name.toLowerCase();
  return COLUMNS.find((c) => c === lower) ?? (Object.hasOwn(ALIASES, lower) ? ALIASES[lower] : undefined);
}

/** The words after `sort`. */
export function parseSort(args: readonly string[]): SortCommand {
  const [column = '', order, ...more] = args;
  const usage = `(${SORT_NAMES.join(', ')}; -COLUMN or COLUMN desc reverses)`;
  if (column === '' || column === '-' || more.length > 0) return { kind: 'error', message: `:sort takes one column ${usage}` };
  const minus = column.startsWith('-');
  const name = minus ? column.slice(1) : column;
  const found = columnNamed(name);
  if (!found) return { kind: 'error', message: `no column "${name}" to sort by ${usage}` };
  if (order !== undefined && !REVERSE_WORDS.has(order.toLowerCase()) && order.toLowerCase() !== 'asc') {
    return { kind: 'error', message: `:sort ${name} ${order}: the order is "desc" or "reverse" (or nothing)` };
  }
  return { kind: 'sort', sort: { column: found, reversed: minus || (order !== undefined && REVERSE_WORDS.has(order.toLowerCase())) } };
}

const SORT_ARG = /^(\s*sort\s+)(-?)(\S*)$/;

/** The column names a `sort` argument could become, in order. */
export function sortCandidates(text: string): string[] {
  const match = SORT_ARG.exec(text);
  if (!match) return [];
  const prefix = match[3]!.toLowerCase();
  return SORT_NAMES.filter((n) => n.startsWith(prefix));
}

/** Tab on a `sort` argument: extended to the candidates' longest common prefix; undefined when the text is no `sort` argument. */
export function completeSort(text: string): string | undefined {
  const match = SORT_ARG.exec(text);
  if (!match) return /^\s*so?r?t?$/.test(text) ? 'sort ' : undefined;
  const hits = sortCandidates(text);
  return hits.length === 0 ? text : match[1]! + match[2]! + commonPrefix(hits);
}

/** What every one of `hits` (one at least) starts with: the whole of a single hit. */
export function commonPrefix(hits: readonly string[]): string {
  let common = hits[0]!;
  for (const h of hits) while (!h.startsWith(common)) common = common.slice(0, -1);
  return common;
}
