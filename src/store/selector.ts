// A pure parser and matcher for Kubernetes label selectors as `kubectl -l` takes them:
//   app=web, tier!=db, env in (prod,staging), env notin (dev), release, !canary, replicas>2
// Same grammar and key/value rules as k8s.io/apimachinery/pkg/labels, so a selector that
// works here works with kubectl and the other way round.

export type Requirement = { key: string; op: 'exists' | 'notexists' } | { key: string; op: 'in' | 'notin'; values: string[] } | { key: string; op: 'gt' | 'lt'; value: number };

export type Selector = readonly Requirement[];

export type ParseResult = { ok: true; selector: Selector } | { ok: false; error: string };

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function validKey(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `invalid label key prefix "${prefix}"`;
  if (!NAME.test(name)) return `invalid label key "${key}"`;
  return undefined;
}

function validValue(value: string): string | undefined {
  if (value === '' || NAME.test(value)) return undefined;
  return `invalid label value "${value}"`;
}

/** Splits on commas that are not inside parentheses. */
function splitTop(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth < 0) return undefined;
    } else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

function parseRequirement(raw: string): Requirement | string {
  const text = raw.trim();
  if (text === '') return 'empty requirement';
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(text);
  if (setMatch) {
    const [, key, op, list] = setMatch;
    const keyError = validKey(key!);
    if (keyError) return keyError;
    const values = list!.split(',').map((v) => v.trim());
    for (const value of values) {
      const valueError = validValue(value);
      if (valueError) return valueError;
    }
    if (values.length === 1 && values[0] === '' && list!.trim() === '') return `"${key} ${op} ()" needs at least one value`;
    return { key: key!, op: op as 'in' | 'notin', values };
  }
  if (text.startsWith('!')) {
    const key = text.slice(1).trim();
    return validKey(key) ?? { key, op: 'notexists' };
  }
  const opMatch = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*(.*)$/.exec(text);
  if (opMatch) {
    const [, key, op, rawValue] = opMatch;
    const value = rawValue!.trim();
    const keyError = validKey(key!);
    if (keyError) return keyError;
    if (op === '<' || op === '>') {
      if (!/^-?\d+$/.test(value)) return `"${key}${op}" needs an integer, got "${value}"`;
      return { key: key!, op: op === '>' ? 'gt' : 'lt', value: Number(value) };
    }
    const valueError = validValue(value);
    if (valueError) return valueError;
    return { key: key!, op: op === '!=' ? 'notin' : 'in', values: [value] };
  }
  if (/\s/.test(text)) return `cannot parse "${text}": expected key, !key, key=value, key!=value, key in (a,b) or key notin (a,b)`;
  return validKey(text) ?? { key: text, op: 'exists' };
}

export function parseSelector(text: string): ParseResult {
  if (text.trim() === '') return { ok: true, selector: [] };
  const parts = splitTop(text);
  if (!parts) return { ok: false, error: `unbalanced parentheses in selector "${text}"` };
  const selector: Requirement[] = [];
  for (const part of parts) {
    const requirement = parseRequirement(part);
    if (typeof requirement === 'string') return { ok: false, error: requirement };
    selector.push(requirement);
  }
  return { ok: true, selector };
}

export function matchesSelector(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  for (const req of selector) {
    const has = labels !== undefined && Object.hasOwn(labels, req.key);
    const value = has ? labels![req.key] : undefined;
    switch (req.op) {
      case 'exists':
        if (!has) return false;
        break;
      case 'notexists':
        if (has) return false;
        break;
      case 'in':
        if (!has || !req.values.includes(value!)) return false;
        break;
      case 'notin':
        if (has && req.values.includes(value!)) return false;
        break;
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(value!)) return false;
        const n = Number(value);
        if (req.op === 'gt' ? !(n > req.value) : !(n < req.value)) return false;
        break;
      }
    }
  }
  return true;
}
