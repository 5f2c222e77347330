// Reading the real-Pod corpus (test/fixtures/real): each file's Pod (and the Events beside it,
// when the dump kept them), and SOURCES.md's expectations for it.
import fs from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import type { EventLike } from '../../src/model/types.ts';

export const CORPUS_DIR = path.join(import.meta.dirname, '../fixtures/real');

export interface CorpusPod {
  file: string;
  pod: Record<string, unknown>;
  events: EventLike[];
}

export function corpusFiles(): string[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
}

export function readCorpusPod(file: string): CorpusPod {
  const docs = loadAll(fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8'), { schema: CORE_SCHEMA }) as Record<string, unknown>[];
  // kubelet /pods dumps leave out kind; a document with spec.containers is the Pod.
  const pod = docs.find((d) => d?.kind === 'Pod') ?? docs.find((d) => Array.isArray((d?.spec as { containers?: unknown })?.containers));
  if (!pod) throw new Error(`${file}: no Pod in it`);
  return { file, pod, events: docs.filter((d) => d?.kind === 'Event') as EventLike[] };
}

/** The dump's own moment when SOURCES.md gives none: a minute after the latest time it records (deadlines aside). */
export function dumpMoment(value: unknown): number {
  let latest = -Infinity;
  const walk = (v: unknown, key: string): void => {
    if (key === 'deletionTimestamp') return;
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(v)) latest = Math.max(latest, Date.parse(v) || -Infinity);
    else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(value, '');
  return latest + 60_000;
}

export interface SourceLine {
  file: string;
  source: string;
  /** kubectl get pods at the same moment: READY, STATUS, RESTARTS (the "(5m ago)" suffix left out), when the page shows it. */
  get?: { ready: string; status: string; restarts: number };
  /** When the dump was taken, when known better than dumpMoment. */
  now?: number;
  codes: string[];
  why: string;
}

/** Rows of SOURCES.md's table: | file | source | kubectl get pods | now | diagnosis | why |. */
export function sourceLines(): SourceLine[] {
  const text = fs.readFileSync(path.join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
  const out: SourceLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, '').trim());
    const [file, source, get, now, codes, why] = cells.map((c) => c.replace(/^`|`$/g, ''));
    const row: SourceLine = { file: file!, source: source!, codes: codes === 'none' ? [] : codes!.split(',').map((c) => c.trim()), why: why! };
    const m = /^(\d+\/\d+)\s+(\S+)\s+(\d+)/.exec(get!);
    if (m) row.get = { ready: m[1]!, status: m[2]!, restarts: Number(m[3]) };
    if (now && now !== '—') row.now = Date.parse(now);
    out.push(row);
  }
  return out;
}
