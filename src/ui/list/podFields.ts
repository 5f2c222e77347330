// What the list's filter and sort read of a Pod beside namespace/name: the STATUS, READY and
// RESTARTS columns as the row shows them, the node, each container's name and image (the
// lean Pod keeps these), its creation time, and how troubled it looks: the worse of STATUS's
// colour and its worst finding's severity (the FINDING column), so "problems first" puts a
// Running Pod with an OOM kill among the failing ones.
// Read once per Pod object: the store replaces a Pod on every change, never mutates it.
import { podStatusColumns } from '../../model/status.ts';
import { timestampMs } from '../../text/age.ts';
import type { PodFacts } from '../../store/filterTerms.ts';
import { storedFinding } from '../../store/podFinding.ts';
import { statusTone } from './PodListRow.tsx';
import type { LeanPod } from '../../model/leanPodType.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const TROUBLE = { error: 0, warn: 1 } as const;
const FINDING_TROUBLE = { error: 0, warning: 1, info: 2 } as const;
const cache = new WeakMap<object, PodFacts>();

function readFacts(pod: LeanPod): PodFacts {
  const columns = podStatusColumns(pod);
  const spec = isObj(pod) && isObj(pod.spec) ? pod.spec : {};
  const meta = isObj(pod) && isObj(pod.metadata) ? pod.metadata : {};
  const containers: string[] = [];
  const images: string[] = [];
  for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (!isObj(c)) continue;
      if (typeof c.name === 'string') containers.push(c.name);
      if (typeof c.image === 'string') images.push(c.image);
    }
  }
  const tone = statusTone(columns.status);
  const statusTrouble = tone === 'error' || tone === 'warn' ? TROUBLE[tone] : 2;
  const finding = isObj(pod) ? storedFinding(pod) : undefined;
  return {
    status: columns.status,
    node: typeof spec.nodeName === 'string' ? spec.nodeName : '',
    containers,
    images,
    restarts: columns.restarts,
    ready: columns.ready,
    createdMs: timestampMs(meta.creationTimestamp),
    ...(finding ? { finding: finding.code } : {}),
    trouble: finding ? (Math.min(statusTrouble, FINDING_TROUBLE[finding.severity]) as PodFacts['trouble']) : statusTrouble,
  };
}

export function podFacts(pod: LeanPod): PodFacts {
  if (!isObj(pod)) return readFacts(pod);
  let facts = cache.get(pod);
  if (!facts) {
    facts = readFacts(pod);
    cache.set(pod, facts);
  }
  return facts;
}
