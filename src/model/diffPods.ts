// The replica that differs: two Pods compared as hosts (image and digest, node, container
// states and restarts, env names and sources, mounts, resources, probes, labels, annotations,
// start times). Pure: `now` comes in for the ages of the start times.
//
// The result is drawn as it is: a screen shows `summary` as its title, `differences` as a
// side-by-side table (grouped by section, then container; null = absent on that side),
// `expected` greyed below it (what differs between any two replicas by nature), and `usage`
// as two columns of measurements that are never part of the verdict.

import { humanDuration, secondsSince } from '../text/age.ts';
import { formatCpu, formatMemory } from '../text/quantity.ts';
import { controllerOwner, podFacets, type Facet, type FacetSection } from './podFacets.ts';
import { obj, text } from './read.ts';
import type { Usage } from './types.ts';

export interface DiffPodRef {
  namespace: string;
  name: string;
  /** null while the Pod is not scheduled. */
  node: string | null;
  /** The controller owner, or null for a bare Pod. */
  owner: { kind: string; name: string; uid: string } | null;
}

export interface DiffRow {
  section: FacetSection;
  /** The container the row belongs to; "" for the Pod's own rows, labels, annotations and volumes. */
  container: string;
  field: string;
  /** The value on each side; null where that side has no such fact (a missing env var, container, label). */
  a: string | null;
  b: string | null;
}

export interface UsageRow {
  container: string;
  a: string | null;
  b: string | null;
}

export type DiffVerdict = 'no difference' | 'no difference but the node' | 'differs';

export interface PodDiff {
  a: DiffPodRef;
  b: DiffPodRef;
  sameOwner: boolean;
  verdict: DiffVerdict;
  /** One line: the verdict, or how many facts differ and the first few of them. */
  summary: string;
  differences: DiffRow[];
  expected: DiffRow[];
  usage: UsageRow[];
}

export interface DiffOptions {
  now: number;
  /** Measured use per container name, for each side, when metrics are available. */
  usageA?: Record<string, Usage>;
  usageB?: Record<string, Usage>;
}

const keyOf = (f: Pick<Facet, 'section' | 'container' | 'field'>): string => `${f.section}\u0000${f.container}\u0000${f.field}`;

function refOf(pod: unknown): DiffPodRef {
  const meta = obj(obj(pod).metadata);
  return {
    namespace: text(meta.namespace) ?? '',
    name: text(meta.name) ?? '',
    node: text(obj(obj(pod).spec).nodeName) ?? null,
    owner: controllerOwner(pod) ?? null,
  };
}

/** Timestamps of expected rows read with their age, e.g. "2026-01-02T03:04:05Z (3h ago)". */
function withAge(field: string, value: string | null, now: number): string | null {
  if (value === null || (field !== 'created' && field !== 'started')) return value;
  const seconds = secondsSince(value, now);
  return seconds === undefined ? value : `${value} (${humanDuration(seconds)} ago)`;
}

function usageText(u: Usage | undefined): string | null {
  if (!u) return null;
  const parts = [u.cpuCores !== undefined ? `cpu ${formatCpu(u.cpuCores)}` : '', u.memoryBytes !== undefined ? `memory ${formatMemory(u.memoryBytes)}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

function usageRows(options: DiffOptions): UsageRow[] {
  if (!options.usageA && !options.usageB) return [];
  const names = [...new Set([...Object.keys(options.usageA ?? {}), ...Object.keys(options.usageB ?? {})])];
  return names.map((name) => ({ container: text(name) ?? '', a: usageText(options.usageA?.[name]), b: usageText(options.usageB?.[name]) }));
}

function rowName(row: DiffRow): string {
  return row.container ? `${row.field} (${row.container})` : row.section === 'label' || row.section === 'annotation' ? `${row.section} ${row.field}` : row.field;
}

function summaryOf(verdict: DiffVerdict, differences: DiffRow[], a: DiffPodRef, b: DiffPodRef): string {
  if (verdict === 'no difference') return 'no difference';
  if (verdict === 'no difference but the node') return `no difference but the node (${a.node ?? '(not scheduled)'} vs ${b.node ?? '(not scheduled)'})`;
  const shown = differences.slice(0, 4).map(rowName);
  const more = differences.length > shown.length ? `, and ${differences.length - shown.length} more` : '';
  return `${differences.length} difference${differences.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}`;
}

const SECTION_RANK: Record<FacetSection, number> = { pod: 0, volume: 1, container: 2, label: 3, annotation: 4 };

/** Rows grouped as a screen draws them: Pod, volumes, each container in spec order (a's, then b's own), labels, annotations. */
function displayOrder(factsA: readonly Facet[], factsB: readonly Facet[]): (x: DiffRow, y: DiffRow) => number {
  const containerRank = new Map<string, number>();
  for (const f of [...factsA, ...factsB]) if (f.container && !containerRank.has(f.container)) containerRank.set(f.container, containerRank.size);
  // Sort is stable, so within one group the rows keep the order the facts were read in.
  return (x, y) => SECTION_RANK[x.section] - SECTION_RANK[y.section] || (containerRank.get(x.container) ?? -1) - (containerRank.get(y.container) ?? -1);
}

/** Compares Pod a with Pod b; diffPods(b, a) is the same result with the two sides swapped. */
export function diffPods(a: unknown, b: unknown, options: DiffOptions): PodDiff {
  const factsA = podFacets(a);
  const factsB = podFacets(b);
  const byKeyB = new Map(factsB.map((f) => [keyOf(f), f]));
  const keysA = new Set(factsA.map(keyOf));
  const differences: DiffRow[] = [];
  const expected: DiffRow[] = [];
  const visit = (f: Facet, va: string | null, vb: string | null): void => {
    if (va === vb) return;
    const row: DiffRow = { section: f.section, container: f.container, field: f.field, a: va, b: vb };
    if (f.expected) expected.push({ ...row, a: withAge(f.field, va, options.now), b: withAge(f.field, vb, options.now) });
    else differences.push(row);
  };
  for (const f of factsA) visit(f, f.value, byKeyB.get(keyOf(f))?.value ?? null);
  for (const f of factsB) if (!keysA.has(keyOf(f))) visit(f, null, f.value);
  const order = displayOrder(factsA, factsB);
  differences.sort(order);
  expected.sort(order);
  const refA = refOf(a);
  const refB = refOf(b);
  const nodeOnly = differences.length > 0 && differences.every((r) => r.section === 'pod' && r.field === 'node');
  const verdict: DiffVerdict = differences.length === 0 ? 'no difference' : nodeOnly ? 'no difference but the node' : 'differs';
  return {
    a: refA,
    b: refB,
    sameOwner: refA.owner !== null && refA.owner.uid !== '' && refA.owner.uid === refB.owner?.uid,
    verdict,
    summary: summaryOf(verdict, differences, refA, refB),
    differences,
    expected,
    usage: usageRows(options),
  };
}
