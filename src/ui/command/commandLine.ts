// The `:` prompt's language, pure: `ns NAME`, `ns all` (or `ns 0`) for every namespace, `ns -`
// for the namespace watched before, `ctx NAME` for another kubeconfig context, `sort COLUMN`
// for the list's order (sortCommand.ts); tab completes a namespace name from the cluster's list
// and a column name.
//
//   parseCommand('ns shop', [])          -> { kind: 'ns', namespace: 'shop' }
//   parseCommand('ns -', ['billing'])    -> { kind: 'ns', namespace: 'billing' }
//   completeCommand('ns pa', ['payments', 'shop']) -> 'ns payments'
import type { Namespace } from '../../store/scopeSwitch.ts';
import type { SortSpec } from '../../store/sortOrder.ts';
import { commonPrefix, completeSort, parseSort } from './sortCommand.ts';

export type Command = { kind: 'ns'; namespace: Namespace } | { kind: 'ctx'; context: string } | { kind: 'sort'; sort: SortSpec } | { kind: 'error'; message: string };

// A namespace is a DNS label (RFC 1123): what the API server would refuse is refused here.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function parseCommand(text: string, recent: readonly Namespace[]): Command {
  // `:-` alone: the namespace watched before, one key after the colon.
  const [verb = '', arg, ...more] = text.trim() === '-' ? ['ns', '-'] : text.trim().split(/\s+/);
  if (verb === 'ctx' || verb === 'context') {
    // Context names are the kubeconfig's own (kind-x, arn:aws:eks:…): any one word.
    if (arg === undefined || more.length > 0) return { kind: 'error', message: ':ctx takes one kubeconfig context name' };
    return { kind: 'ctx', context: arg };
  }
  if (verb === 'sort') return parseSort(arg === undefined ? [] : [arg, ...more]);
  if (verb !== 'ns' && verb !== 'namespace') return { kind: 'error', message: `unknown command ":${verb}" (try :ns NAME, :ns all, :ns -, :ctx NAME, :sort COLUMN)` };
  if (arg === undefined || more.length > 0) return { kind: 'error', message: ':ns takes one namespace name, "all" or "-"' };
  if (arg === 'all' || arg === '0') return { kind: 'ns', namespace: undefined };
  if (arg === '-') {
    if (recent.length === 0) return { kind: 'error', message: ':ns -: no namespace was watched before' };
    return { kind: 'ns', namespace: recent[0] };
  }
  if (!DNS_LABEL.test(arg)) return { kind: 'error', message: `"${arg}" is not a namespace name (lowercase letters, digits and "-", at most 63)` };
  return { kind: 'ns', namespace: arg };
}

/** Whether the namespace exists, as far as the names read (none read: it may). */
export function knownNamespace(namespace: string, names: readonly string[]): boolean {
  return names.length === 0 || names.includes(namespace);
}

/** The names an `ns` argument could become, in order; the recent ones first when nothing is typed. */
export function namespaceCandidates(text: string, names: readonly string[], recent: readonly Namespace[]): string[] {
  const match = /^\s*(?:ns|namespace)\s+(\S*)$/.exec(text);
  if (!match) return [];
  const prefix = match[1]!;
  if (prefix === '') return [...recent.map((n) => n ?? 'all'), ...names.filter((n) => !recent.includes(n))];
  return names.filter((n) => n.startsWith(prefix));
}

/** Tab: the `ns` (or `sort`) argument extended to the candidates' longest common prefix. */
export function completeCommand(text: string, names: readonly string[]): string {
  const sort = completeSort(text);
  if (sort !== undefined) return sort;
  const match = /^(\s*(?:ns|namespace)\s+)(\S*)$/.exec(text);
  if (!match) return /^\s*n(s)?$/.test(text) ? 'ns ' : text;
  const hits = names.filter((n) => n.startsWith(match[2]!));
  return hits.length === 0 ? text : match[1]! + commonPrefix(hits);
}
