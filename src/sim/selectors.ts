// Label and field selectors with kube-apiserver's grammar and its 400 answers for bad input.
import type { KObject } from './kObject.ts';

export type Matcher = (obj: KObject) => boolean;

export class SelectorError extends Error {}

type LabelReq = { key: string; op: 'eq' | 'ne' | 'in' | 'notin' | 'exists' | 'notexists'; values: string[] };

const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** Splits on commas that are not inside a parenthesised value set. */
function splitTop(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(input.slice(start, i));
      start = i + 1;
    }
    if (depth < 0 || depth > 1) throw new SelectorError(`unable to parse requirement: unbalanced parentheses in "${input}"`);
  }
  if (depth !== 0) throw new SelectorError(`unable to parse requirement: unbalanced parentheses in "${input}"`);
  parts.push(input.slice(start));
  return parts;
}

function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 316)
    throw new SelectorError(
      `unable to parse requirement: invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  return key;
}

function checkValue(v: string): string {
  if (!VALUE.test(v) || v.length > 63)
    throw new SelectorError(
      `unable to parse requirement: invalid label value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  return v;
}

function parseLabelReq(raw: string): LabelReq {
  const part = raw.trim();
  if (!part) throw new SelectorError("found '', expected: !, identifier, or 'end of string'");
  const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
  if (set) return { key: checkKey(set[1]!), op: set[2] as 'in' | 'notin', values: set[3]!.split(',').map((v) => checkValue(v.trim())) };
  const cmp = /^([^!=\s]+)\s*(==|!=|=)\s*(.*)$/.exec(part);
  if (cmp) return { key: checkKey(cmp[1]!), op: cmp[2] === '!=' ? 'ne' : 'eq', values: [checkValue(cmp[3]!.trim())] };
  if (part.startsWith('!')) return { key: checkKey(part.slice(1).trim()), op: 'notexists', values: [] };
  return { key: checkKey(part), op: 'exists', values: [] };
}

export function parseLabelSelector(input: string | null): Matcher | undefined {
  if (!input?.trim()) return undefined;
  const reqs = splitTop(input).map(parseLabelReq);
  return (obj) => {
    const labels: Record<string, string> = obj.metadata?.labels ?? {};
    return reqs.every((r) => {
      const has = Object.hasOwn(labels, r.key);
      const v = labels[r.key];
      switch (r.op) {
        case 'eq':
          return has && v === r.values[0];
        case 'ne':
          return !has || v !== r.values[0];
        case 'in':
          return has && r.values.includes(v!);
        case 'notin':
          return !has || !r.values.includes(v!);
        case 'exists':
          return has;
        case 'notexists':
          return !has;
        default:
          return false;
      }
    });
  };
}

type FieldGetter = (obj: KObject) => string | undefined;

const COMMON: Record<string, FieldGetter> = {
  'metadata.name': (o) => o.metadata?.name,
  'metadata.namespace': (o) => o.metadata?.namespace,
};

const BY_RESOURCE: Record<string, Record<string, FieldGetter>> = {
  pods: {
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy,
    'spec.schedulerName': (o) => o.spec?.schedulerName,
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName,
    'status.phase': (o) => o.status?.phase ?? '',
    'status.podIP': (o) => o.status?.podIP ?? '',
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  },
  events: {
    'involvedObject.kind': (o) => o.involvedObject?.kind ?? '',
    'involvedObject.namespace': (o) => o.involvedObject?.namespace ?? '',
    'involvedObject.name': (o) => o.involvedObject?.name ?? '',
    'involvedObject.uid': (o) => o.involvedObject?.uid ?? '',
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion ?? '',
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath ?? '',
    reason: (o) => o.reason ?? '',
    reportingComponent: (o) => o.reportingComponent ?? '',
    source: (o) => o.source?.component ?? '',
    type: (o) => o.type ?? '',
  },
  namespaces: { 'status.phase': (o) => o.status?.phase ?? '' },
  secrets: { type: (o) => o.type ?? '' },
};

/** Splits on commas that no backslash escapes, as fields.ParseSelector's splitTerms does. */
function splitFieldTerms(input: string): string[] {
  const terms: string[] = [];
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '\\') i++;
    else if (input[i] === ',') {
      terms.push(input.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(input.slice(start));
  return terms;
}

/** The first operator from the left, trying "!=", "==" then "=" at each position; no trimming. */
function splitFieldTerm(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
  }
  return undefined;
}

function unescapeFieldValue(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '\\') {
      const next = v[++i];
      if (next !== '\\' && next !== ',' && next !== '=') throw new SelectorError(`invalid field selector: invalid escape sequence: \\${next ?? ''}`);
      out += next;
    } else if (c === ',' || c === '=') {
      // Go formats the rune with %v: its code point.
      throw new SelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else out += c;
  }
  return out;
}

export function parseFieldSelector(input: string | null, resource: string): Matcher | undefined {
  if (!input) return undefined;
  const fields = { ...COMMON, ...BY_RESOURCE[resource] };
  const reqs: { get: FieldGetter; ne: boolean; value: string }[] = [];
  for (const term of splitFieldTerms(input)) {
    if (term === '') continue;
    const parts = splitFieldTerm(term);
    if (!parts) throw new SelectorError(`invalid selector: '${input}'; can't understand '${term}'`);
    const [field, op, raw] = parts;
    const value = unescapeFieldValue(raw);
    const get = fields[field];
    if (!get) throw new SelectorError(`field label not supported: ${field}`);
    reqs.push({ get, ne: op === '!=', value });
  }
  if (reqs.length === 0) return undefined;
  return (obj) => reqs.every((r) => (r.get(obj) === r.value) !== r.ne);
}

const pick = (from: KObject | undefined, keys: readonly string[]): KObject | undefined => {
  if (!from || typeof from !== 'object') return undefined;
  const out: KObject = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
};

/**
 * The part of an object that label and field selectors read (labels, and every field above),
 * small enough to keep per stored object so filtering 100,000 objects parses none of them.
 * Keep it in step with COMMON and BY_RESOURCE: a field missing here would never match.
 */
export function selectable(obj: KObject): KObject {
  const view: KObject = { metadata: pick(obj.metadata, ['name', 'namespace', 'labels']) };
  const spec = pick(obj.spec, ['nodeName', 'restartPolicy', 'schedulerName', 'serviceAccountName']);
  const status = pick(obj.status, ['phase', 'podIP', 'nominatedNodeName']);
  if (spec) view.spec = spec;
  if (status) view.status = status;
  for (const k of ['involvedObject', 'reason', 'reportingComponent', 'source', 'type']) if (obj[k] !== undefined) view[k] = obj[k];
  return view;
}
