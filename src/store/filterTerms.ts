// The list filter's words, parsed: every term must hold for a Pod to be listed.
//
//   web status:CrashLoop restarts>3    -> text "web", field status contains "crashloop", restarts > 3
//   node:pool-2 container:istio-proxy image:envoy ns:shop name:api finding:OOM
//   label:app=web  app=web,tier!=db  env in (a,b)  -l release     -> label selectors (kubectl -l grammar)
//
// A word `key:value` whose key is not a field name is plain text (an image tag such as
// "envoy:1.29" is searched as typed). parseFilter never throws: a term it cannot read comes
// back as one line of error, and formatFilter(terms) reads back as the same terms.
import { matchesSelector, parseSelector, type Requirement, type Selector } from './selector.ts';

export const TEXT_FIELDS = ['status', 'node', 'container', 'image', 'ns', 'name', 'finding'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type CountOp = '>' | '>=' | '<' | '<=' | '=';

export type FilterTerm =
  | { kind: 'text'; value: string }
  | { kind: 'field'; field: TextField; value: string }
  | { kind: 'restarts'; op: CountOp; value: number }
  | { kind: 'selector'; source: string; selector: Selector };

export type FilterParse = { ok: true; terms: FilterTerm[] } | { ok: false; error: string };

const SELECTOR_HINT = /[=!<>]|^(not)?in\s*\(/;
const RESTARTS = /^restarts(>=|<=|>|<|=)(.*)$/i;

/** Words split on spaces outside parentheses; `env in (a, b)` stays one word. */
function words(text: string): string[] | string {
  const raw: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) return `unbalanced parentheses in "${text.trim()}"`;
    if (/\s/.test(ch) && depth === 0) {
      if (current) raw.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) return `unbalanced parentheses in "${text.trim()}"`;
  if (current) raw.push(current);
  // Rejoin the set forms of a selector: `env in (a,b)`, `env notin (a)`, `env in(a)`.
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const next = raw[i + 1];
    if (next !== undefined && /^(not)?in$/.test(next) && raw[i + 2]?.startsWith('(')) {
      out.push(`${raw[i]} ${next} ${raw[i + 2]}`);
      i += 2;
    } else if (next !== undefined && /^(not)?in\(/.test(next)) {
      out.push(`${raw[i]} ${next}`);
      i += 1;
    } else out.push(raw[i]!);
  }
  return out;
}

function requirementText(r: Requirement): string {
  switch (r.op) {
    case 'exists':
      return r.key;
    case 'notexists':
      return `!${r.key}`;
    case 'gt':
      return `${r.key}>${r.value}`;
    case 'lt':
      return `${r.key}<${r.value}`;
    case 'in':
      return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
    case 'notin':
      return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`;
  }
}

/** A selector as kubectl would take it, in one canonical spelling (so it reads back the same). */
export function formatSelector(selector: Selector): string {
  return selector.map(requirementText).join(',');
}

function selectorTerm(text: string): FilterTerm | string {
  const parsed = parseSelector(text);
  if (!parsed.ok) return parsed.error;
  if (parsed.selector.length === 0) return 'an empty label selector';
  return { kind: 'selector', source: formatSelector(parsed.selector), selector: parsed.selector };
}

function term(word: string): FilterTerm | string {
  const restarts = RESTARTS.exec(word);
  if (restarts) {
    const [, op, value] = restarts;
    if (!/^\d{1,9}$/.test(value!)) return `"restarts${op}" needs a whole number, got "${value}"`;
    return { kind: 'restarts', op: op as CountOp, value: Number(value) };
  }
  const colon = word.indexOf(':');
  if (colon > 0) {
    const key = word.slice(0, colon).toLowerCase();
    const value = word.slice(colon + 1);
    if (key === 'label' || key === 'l') return value ? selectorTerm(value) : `"${word}" needs a label selector, like label:app=web`;
    if ((TEXT_FIELDS as readonly string[]).includes(key)) {
      if (!value) return `"${word}" needs a value, like ${key}:${key === 'status' ? 'CrashLoop' : 'web'}`;
      return { kind: 'field', field: key as TextField, value };
    }
  }
  if (SELECTOR_HINT.test(word) && !word.includes(':')) return selectorTerm(word);
  return { kind: 'text', value: word };
}

export function parseFilter(text: string): FilterParse {
  const trimmed = text.trim();
  // `-l release`: the rest is a selector even where it has no operator.
  const forced = /^-l\s+/.exec(trimmed);
  if (forced) {
    const t = selectorTerm(trimmed.slice(forced[0].length).trim());
    return typeof t === 'string' ? { ok: false, error: t } : { ok: true, terms: [t] };
  }
  const split = words(trimmed);
  if (typeof split === 'string') return { ok: false, error: split };
  const terms: FilterTerm[] = [];
  for (const word of split) {
    const t = term(word);
    if (typeof t === 'string') return { ok: false, error: t };
    terms.push(t);
  }
  return { ok: true, terms };
}

function termText(t: FilterTerm): string {
  switch (t.kind) {
    case 'text':
      return t.value;
    case 'field':
      return `${t.field}:${t.value}`;
    case 'restarts':
      return `restarts${t.op}${t.value}`;
    case 'selector':
      return `label:${t.source}`;
  }
}

/** The terms as text that parses back to the same terms. */
export function formatFilter(terms: readonly FilterTerm[]): string {
  return terms.map(termText).join(' ');
}

/** What a Pod offers the filter (and the sort): the lean Pod's fields, read once per Pod object. */
export interface PodFacts {
  status: string;
  node: string;
  containers: readonly string[];
  images: readonly string[];
  restarts: number;
  ready: string;
  createdMs: number | undefined;
  /** The FINDING column's code (the worst finding), when the Pod has one. */
  finding?: string;
  /** 0 failing, 1 not yet well, 2 fine: the STATUS column's colour, for "problems first". */
  trouble: 0 | 1 | 2;
}

export interface FilterSubject {
  namespace: string;
  name: string;
  labels: Readonly<Record<string, string>> | undefined;
  facts: PodFacts;
}

const has = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());

function countHolds(op: CountOp, n: number, value: number): boolean {
  switch (op) {
    case '>':
      return n > value;
    case '>=':
      return n >= value;
    case '<':
      return n < value;
    case '<=':
      return n <= value;
    case '=':
      return n === value;
  }
}

export function termHolds(t: FilterTerm, s: FilterSubject): boolean {
  switch (t.kind) {
    case 'text': {
      const f = s.facts;
      return has(`${s.namespace}/${s.name}`, t.value) || has(f.status, t.value) || has(f.node, t.value) || f.containers.some((c) => has(c, t.value)) || f.images.some((i) => has(i, t.value));
    }
    case 'field':
      switch (t.field) {
        case 'status':
          return has(s.facts.status, t.value);
        case 'node':
          return has(s.facts.node, t.value);
        case 'container':
          return s.facts.containers.some((c) => has(c, t.value));
        case 'image':
          return s.facts.images.some((i) => has(i, t.value));
        case 'ns':
          return has(s.namespace, t.value);
        case 'name':
          return has(s.name, t.value);
        case 'finding':
          return has(s.facts.finding ?? '', t.value);
      }
      return false;
    case 'restarts':
      return countHolds(t.op, s.facts.restarts, t.value);
    case 'selector':
      return matchesSelector(t.selector, s.labels);
  }
}
