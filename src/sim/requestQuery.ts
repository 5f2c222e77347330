// What a list or watch request asks for, parsed once from its URL: scope, selectors, table form.
import type { IncomingMessage } from 'node:http';
import type { KObject } from './kObject.ts';
import type { ResourceDef } from './resources.ts';
import { parseFieldSelector, parseLabelSelector, type Matcher } from './selectors.ts';
import { tableInclude, wantsTable } from './table.ts';

export interface ListQuery {
  resource: ResourceDef;
  namespace?: string;
  matches: Matcher;
  filtered: boolean;
  /** includeObject for Table answers ("None" | "Metadata" | "Object"), undefined for plain JSON. */
  table?: string;
}

/** Throws SelectorError for a malformed selector, QueryError for a bad includeObject (the caller answers 400). */
export function parseListQuery(req: IncomingMessage, url: URL, resource: ResourceDef, namespace: string | undefined): ListQuery {
  const label = parseLabelSelector(url.searchParams.get('labelSelector'));
  const field = parseFieldSelector(url.searchParams.get('fieldSelector'), resource.group ? '' : resource.name);
  const matches: Matcher = label && field ? (o: KObject) => label(o) && field(o) : (label ?? field ?? (() => true));
  const table = wantsTable(req.headers.accept) ? tableInclude(url.searchParams) : undefined;
  return { resource, namespace: resource.namespaced ? namespace : undefined, matches, filtered: !!(label || field), table };
}
