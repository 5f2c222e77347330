// What a 200 answer must look like before podview believes it. A broken or hostile server can
// answer a list with a Status, an array, or items that are null, numbers or nameless objects;
// none of that may crash a snapshot or pass for "no pods".
import type { V1Pod } from '@kubernetes/client-node';
import { UserError } from './errors.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An object with a string metadata.name: the least a Pod (or any named object) must have to be shown. */
export function isNamedObject(value: unknown): value is { metadata: { name: string } } {
  return isObject(value) && isObject(value.metadata) && typeof value.metadata.name === 'string' && value.metadata.name !== '';
}

function describeShape(body: unknown): string {
  if (Array.isArray(body)) return 'a JSON array';
  if (!isObject(body)) return body === null ? 'null' : `a JSON ${typeof body}`;
  return typeof body.kind === 'string' ? `kind "${body.kind}"` : 'an object without items';
}

/**
 * The list's items, or a UserError when the answer is not a list at all. `kind` is the list
 * kind expected ("PodList"): a body that says it is one may omit items (none), any other body
 * must carry an items array.
 */
export function listItems(body: unknown, kind: string, what: string, server: string): unknown[] {
  if (isObject(body) && Array.isArray(body.items)) return body.items;
  if (isObject(body) && body.kind === kind && body.items == null) return [];
  throw new UserError(`cannot ${what}: the answer from ${server} is not a ${kind} (${describeShape(body)})`);
}

/** The items that are Pods with a name, and how many were not (each dropped, counted, never shown as a nameless row). */
export function podsOf(items: readonly unknown[]): { pods: V1Pod[]; dropped: number } {
  const pods: V1Pod[] = [];
  for (const item of items) if (isNamedObject(item)) pods.push(item as V1Pod);
  return { pods, dropped: items.length - pods.length };
}

/** Only the objects of a list (events, metrics): a null or a number among them is dropped. */
export function objectsOf<T>(items: unknown): T[] {
  return Array.isArray(items) ? (items.filter(isObject) as T[]) : [];
}

export function droppedNote(dropped: number, what: string): string {
  return `${dropped} ${what} ${dropped === 1 ? 'item was' : 'items were'} not a named object and ${dropped === 1 ? 'was' : 'were'} skipped`;
}
