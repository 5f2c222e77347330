// The name checks of kube-apiserver's ValidateObjectMeta (and a Pod's container names), with
// its 422 Invalid Status: a name such as "../../../../tmp/x" never enters the store, so no
// part of the sim can turn it into a path.
import type { V1Status } from '@kubernetes/client-node';
import type { KObject } from './kObject.ts';
import type { ResourceDef } from './resources.ts';
import { goQuote } from './queryParams.ts';
import { status } from './status.ts';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`;
const LABEL_RE = new RegExp(`^${LABEL}$`);
const SUBDOMAIN_RE = new RegExp(`^${SUBDOMAIN}$`);

const LABEL_MESSAGE = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '${LABEL}')`;
const SUBDOMAIN_MESSAGE = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${SUBDOMAIN}')`;

type NameCheck = (value: string, prefix: boolean) => string[];

/** IsDNS1123Label / IsDNS1123Subdomain; a generateName prefix may end in '-'. */
function nameCheck(re: RegExp, maxLength: number, message: string): NameCheck {
  return (value, prefix) => {
    const v = prefix ? value.replace(/-$/, 'a') : value;
    const errs: string[] = [];
    if (v.length > maxLength) errs.push(`must be no more than ${maxLength} characters`);
    if (!re.test(v)) errs.push(message);
    return errs;
  };
}

export const dns1123Label = nameCheck(LABEL_RE, 63, LABEL_MESSAGE);
export const dns1123Subdomain = nameCheck(SUBDOMAIN_RE, 253, SUBDOMAIN_MESSAGE);

interface FieldError {
  field: string;
  reason: 'FieldValueInvalid' | 'FieldValueRequired';
  detail: string;
}

const invalid = (field: string, value: string, msg: string): FieldError => ({ field, reason: 'FieldValueInvalid', detail: `Invalid value: ${goQuote(value)}: ${msg}` });

function metaErrors(r: ResourceDef, obj: KObject): FieldError[] {
  const md = obj.metadata ?? {};
  const check = r.name === 'namespaces' ? dns1123Label : dns1123Subdomain;
  const errs: FieldError[] = [];
  if (typeof md.generateName === 'string' && md.generateName) for (const m of check(md.generateName, true)) errs.push(invalid('metadata.generateName', md.generateName, m));
  if (typeof md.name !== 'string' || md.name === '') errs.push({ field: 'metadata.name', reason: 'FieldValueRequired', detail: 'Required value: name or generateName is required' });
  else for (const m of check(md.name, false)) errs.push(invalid('metadata.name', md.name, m));
  if (r.namespaced) {
    if (typeof md.namespace !== 'string' || md.namespace === '') errs.push({ field: 'metadata.namespace', reason: 'FieldValueRequired', detail: 'Required value' });
    else for (const m of dns1123Label(md.namespace, false)) errs.push(invalid('metadata.namespace', md.namespace, m));
  }
  return errs;
}

function containerErrors(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    const containers: unknown = obj.spec?.[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((c: { name?: unknown }, i) => {
      const field = `spec.${list}[${i}].name`;
      if (typeof c?.name !== 'string' || c.name === '') errs.push({ field, reason: 'FieldValueRequired', detail: 'Required value' });
      else for (const m of dns1123Label(c.name, false)) errs.push(invalid(field, c.name, m));
    });
  }
  return errs;
}

/** Undefined when the object may be stored; otherwise the 422 kube-apiserver answers. */
export function validateObject(r: ResourceDef, obj: KObject): V1Status | undefined {
  const errs = [...metaErrors(r, obj), ...(r.name === 'pods' && !r.group ? containerErrors(obj) : [])];
  if (errs.length === 0) return undefined;
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
  const kind = r.group ? `${r.kind}.${r.group}` : r.kind;
  const texts = errs.map((e) => `${e.field}: ${e.detail}`);
  const message = `${kind} ${goQuote(name)} is invalid: ${texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`}`;
  return status(422, 'Invalid', message, { name, group: r.group || undefined, kind: r.kind, causes: errs.map((e) => ({ reason: e.reason, message: e.detail, field: e.field })) });
}
