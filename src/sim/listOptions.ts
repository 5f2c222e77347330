// ListOptions of a list or watch request, converted and validated as kube-apiserver does
// (metainternalversion conversion, then ValidateListOptions with the WatchList feature on):
// a value that does not convert is a 400 BadRequest, a combination the rules forbid a 422
// Invalid on kind ListOptions.meta.k8s.io.
import type { V1Status } from '@kubernetes/client-node';
import { QueryError, goQuote, queryBool, queryInt, queryOptionalBool } from './queryParams.ts';
import { badRequest, status } from './status.ts';

export interface ListOptions {
  watch: boolean;
  resourceVersion: string;
  resourceVersionMatch: string;
  /** Undefined when absent: a watch then follows the legacy rules of resourceVersion. */
  sendInitialEvents?: boolean;
  allowWatchBookmarks: boolean;
  timeoutSeconds?: number;
  limit: number;
  continue: string;
}

interface FieldError {
  field: string;
  reason: 'FieldValueForbidden' | 'FieldValueNotSupported';
  detail: string;
}

const forbidden = (field: string, detail: string): FieldError => ({ field, reason: 'FieldValueForbidden', detail: `Forbidden: ${detail}` });

const notSupported = (field: string, value: string, supported: string[]): FieldError => ({
  field,
  reason: 'FieldValueNotSupported',
  detail: `Unsupported value: ${goQuote(value)}: supported values: ${supported.map(goQuote).join(', ')}`,
});

/** `watchPath`: the request came by a legacy /watch/ path, which is a watch whatever the query says. */
export function parseListOptions(params: URLSearchParams, watchPath: boolean): ListOptions | V1Status {
  let o: ListOptions;
  try {
    o = {
      watch: watchPath || queryBool(params, 'watch'),
      resourceVersion: params.get('resourceVersion') ?? '',
      resourceVersionMatch: params.get('resourceVersionMatch') ?? '',
      sendInitialEvents: queryOptionalBool(params, 'sendInitialEvents'),
      allowWatchBookmarks: queryBool(params, 'allowWatchBookmarks'),
      timeoutSeconds: queryInt(params, 'timeoutSeconds'),
      limit: queryInt(params, 'limit') ?? 0,
      continue: params.get('continue') ?? '',
    };
  } catch (err) {
    if (err instanceof QueryError) return badRequest(err.message);
    throw err;
  }
  const errors = o.watch ? watchErrors(o) : listErrors(o);
  return errors.length ? invalidListOptions(errors) : o;
}

function listErrors(o: ListOptions): FieldError[] {
  const errs: FieldError[] = [];
  const match = o.resourceVersionMatch;
  if (match) {
    if (!o.resourceVersion) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
    if (o.continue) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
    if (match !== 'Exact' && match !== 'NotOlderThan') errs.push(notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
    if (match === 'Exact' && o.resourceVersion === '0') errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
  }
  if (o.sendInitialEvents !== undefined) errs.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  return errs;
}

function watchErrors(o: ListOptions): FieldError[] {
  const errs: FieldError[] = [];
  const match = o.resourceVersionMatch;
  if (o.sendInitialEvents !== undefined && match !== 'NotOlderThan') {
    errs.push(forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
  }
  if (match) {
    if (o.sendInitialEvents === undefined) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
    if (match !== 'NotOlderThan') errs.push(notSupported('resourceVersionMatch', match, ['NotOlderThan']));
    if (o.continue) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
  }
  return errs;
}

function invalidListOptions(errs: FieldError[]): V1Status {
  const texts = errs.map((e) => `${e.field}: ${e.detail}`);
  const message = `ListOptions.meta.k8s.io "" is invalid: ${texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`}`;
  return status(422, 'Invalid', message, { group: 'meta.k8s.io', kind: 'ListOptions', causes: errs.map((e) => ({ reason: e.reason, message: e.detail, field: e.field })) });
}

export const isStatus = (v: ListOptions | V1Status): v is V1Status => (v as V1Status).kind === 'Status';
