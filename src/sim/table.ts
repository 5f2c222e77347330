// meta.k8s.io/v1 Table answers, which kubectl asks for (`as=Table`) to print `get` output.
import type { KObject } from './kObject.ts';
import { ageOf, restartsCell, summarizePod } from './podPrinting.ts';
import type { ResourceDef } from './resources.ts';
import { QueryError, goQuote } from './queryParams.ts';

interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

const col = (name: string, type: string, priority = 0, format = '', description = ''): Column => ({ name, type, format, description, priority });

const NAME = col('Name', 'string', 0, 'name', 'Name must be unique within a namespace.');
const AGE = col('Age', 'string', 0, '', 'CreationTimestamp is a timestamp representing the server time when this object was created.');

const POD_COLUMNS: Column[] = [
  NAME,
  col('Ready', 'string', 0, '', 'The aggregate readiness state of this pod for accepting traffic.'),
  col('Status', 'string', 0, '', 'The aggregate status of the containers in this pod.'),
  col('Restarts', 'string', 0, '', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  AGE,
  col('IP', 'string', 1, '', 'IP address allocated to the pod. Routable at least within the cluster.'),
  col('Node', 'string', 1, '', 'NodeName is a request to schedule this pod onto a specific node.'),
  col('Nominated Node', 'string', 1, '', 'nominatedNodeName is set when this pod preempts other pods on the node.'),
  col('Readiness Gates', 'string', 1, '', 'If specified, all readiness gates will be evaluated for pod readiness.'),
];

function readinessGatesCell(pod: KObject): string {
  const gates: KObject[] = pod.spec?.readinessGates ?? [];
  if (!gates.length) return '<none>';
  const conditions: KObject[] = pod.status?.conditions ?? [];
  return `${gates.filter((g) => conditions.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`;
}

// No closure here may mention `pod`: the returned one is kept per stored version and would keep
// the whole parsed Pod alive with it.
function podCells(pod: KObject): (now: number) => unknown[] {
  const s = summarizePod(pod);
  const { name, creationTimestamp } = pod.metadata ?? {};
  const fixed = [pod.status?.podIP || '<none>', pod.spec?.nodeName || '<none>', pod.status?.nominatedNodeName || '<none>', readinessGatesCell(pod)];
  return (now) => [name, s.ready, s.status, restartsCell(s, now), ageAt(creationTimestamp, now), ...fixed];
}

function eventCells(ev: KObject): (now: number) => unknown[] {
  const last = ev.lastTimestamp || ev.eventTime || ev.metadata?.creationTimestamp;
  const obj = ev.involvedObject ?? {};
  const fixed = [ev.type ?? '', ev.reason ?? '', `${(obj.kind ?? '').toLowerCase()}/${obj.name ?? ''}`, ev.message ?? ''];
  return (now) => [last ? ageAt(last, now) : '<unknown>', ...fixed];
}

const ageAt = (ts: string | undefined, now: number): string => ageOf({ metadata: { creationTimestamp: ts } }, now);

const EVENT_COLUMNS: Column[] = [col('Last Seen', 'string'), col('Type', 'string'), col('Reason', 'string'), col('Object', 'string'), col('Message', 'string')];

function namespaceCells(o: KObject): (now: number) => unknown[] {
  const { name, creationTimestamp } = o.metadata ?? {};
  const phase = o.status?.phase ?? 'Active';
  return (now) => [name, phase, ageAt(creationTimestamp, now)];
}

function nameAndAge(o: KObject): (now: number) => unknown[] {
  const { name, creationTimestamp } = o.metadata ?? {};
  return (now) => [name, ageAt(creationTimestamp, now)];
}

type CellsOf = (o: KObject) => (now: number) => unknown[];

function columnsFor(resource: ResourceDef): { columns: Column[]; cells: CellsOf } {
  if (resource.name === 'pods' && !resource.group) return { columns: POD_COLUMNS, cells: podCells };
  if (resource.name === 'events' && !resource.group) return { columns: EVENT_COLUMNS, cells: eventCells };
  if (resource.name === 'namespaces') return { columns: [NAME, col('Status', 'string'), AGE], cells: namespaceCells };
  return { columns: [NAME, AGE], cells: nameAndAge };
}

/** A row's parts that do not depend on the clock: small, so the store keeps one per stored version. */
export interface RowSource {
  cells: (now: number) => unknown[];
  /** The PartialObjectMetadata JSON (includeObject=Metadata, kubectl's default). */
  partial: string;
}

export function rowSource(resource: ResourceDef, o: KObject): RowSource {
  return { cells: columnsFor(resource).cells(o), partial: JSON.stringify({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata }) };
}

/** One row to print: its clock-free parts and, for includeObject=Object, the whole object's JSON. */
export interface TableItem {
  source: RowSource;
  json: () => string;
}

function row(item: TableItem, now: number, includeObject: string): string {
  let object = '';
  if (includeObject === 'Object') object = `,"object":${item.json()}`;
  else if (includeObject !== 'None') object = `,"object":${item.source.partial}`;
  return `{"cells":${JSON.stringify(item.source.cells(now))}${object}}`;
}

/** Writes a Table piece by piece through `write`, so a 100,000-row table is never one string. */
export function writeTable(
  write: (chunk: string) => void,
  resource: ResourceDef,
  items: Iterable<TableItem>,
  meta: { resourceVersion: string; continue?: string },
  opts: { now: number; includeObject: string; headers?: boolean },
): void {
  const { columns } = columnsFor(resource);
  const metadata = JSON.stringify({ resourceVersion: meta.resourceVersion, ...(meta.continue ? { continue: meta.continue } : {}) });
  const defs = opts.headers === false ? '[]' : JSON.stringify(columns);
  write(`{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":${metadata},"columnDefinitions":${defs},"rows":[`);
  let first = true;
  for (const item of items) {
    write((first ? '' : ',') + row(item, opts.now, opts.includeObject));
    first = false;
  }
  write(']}');
}

export function tableString(resource: ResourceDef, objects: KObject[], resourceVersion: string, opts: { now: number; includeObject: string; headers?: boolean }): string {
  const parts: string[] = [];
  const items = objects.map((o) => ({ source: rowSource(resource, o), json: () => JSON.stringify(o) }));
  writeTable((c) => parts.push(c), resource, items, { resourceVersion }, opts);
  return parts.join('');
}

/** True when the Accept header asks for a meta.k8s.io Table. */
/** TableOptions.includeObject: Metadata when absent or empty; anything but None, Metadata, Object is a 400. */
export function tableInclude(params: URLSearchParams): string {
  const v = params.get('includeObject') || 'Metadata';
  if (v !== 'None' && v !== 'Metadata' && v !== 'Object') throw new QueryError(`unrecognized includeObject value: ${goQuote(v)}`);
  return v;
}

export const wantsTable = (accept: string | undefined): boolean => !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
