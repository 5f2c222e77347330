// The churn generator for scale benchmarks and soak tests: on a seeded schedule, Pod status
// changes (restarts, readiness flips), creations and deletions. Every change stamps the Pod with
// the time it was made, so a benchmark can measure event-to-frame latency from the object alone.
import { randomUUID } from 'node:crypto';
import { restartContainer, toggleReady } from './kubelet.ts';
import type { KObject } from './kObject.ts';
import { storedResource } from './resources.ts';
import type { SimCore } from './simCore.ts';

export const CHANGED_AT = 'podview.dev/sim-changed-at';

export interface ChurnOptions {
  changesPerSecond: number;
  seed?: number;
  /** Share of changes that create or delete a Pod (half each); the rest change status. Default 0.1. */
  createDeleteRatio?: number;
}

export interface Churn {
  stop(): void;
  /** Changes made so far. */
  changes(): number;
}

const PODS = storedResource('pods');
const TICK_MS = 10;

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stamp(obj: KObject, now: number): void {
  obj.metadata = { ...obj.metadata, annotations: { ...obj.metadata?.annotations, [CHANGED_AT]: String(now) } };
}

export function startChurn(core: SimCore, options: ChurnOptions): Churn {
  const rand = seededRandom(options.seed ?? 1);
  const ratio = options.createDeleteRatio ?? 0.1;
  const keys = core.store.collection(PODS).keys;
  let done = 0;
  let created = 0;
  const started = Date.now();
  // A fresh copy parsed from the stored JSON: each change costs one Pod, whatever the cluster's size.
  const pick = (): KObject | undefined => {
    if (!keys.length) return undefined;
    return core.store
      .collection(PODS)
      .byKey.get(keys[Math.floor(rand() * keys.length)]!)
      ?.object();
  };

  const changeStatus = (pod: KObject, now: number) => {
    const containers: KObject[] = pod.status?.containerStatuses ?? [];
    if (!containers.length || pod.metadata?.deletionTimestamp) return;
    const name = containers[Math.floor(rand() * containers.length)]!.name;
    const next = (rand() < 0.5 ? toggleReady(pod, name, now) : undefined) ?? restartContainer(pod, name, now, { reason: 'Error', exitCode: 1 });
    if (!next) return;
    stamp(next, now);
    core.store.update(PODS, next, pod);
  };

  const create = (template: KObject, now: number) => {
    const md = template.metadata ?? {};
    const name = `churn-${options.seed ?? 1}-${++created}-${md.name}`.slice(0, 63).replace(/-+$/, '');
    const pod = template; // already a private copy (pick)
    pod.metadata = { ...pod.metadata, name, uid: randomUUID() };
    delete pod.metadata.resourceVersion;
    delete pod.metadata.creationTimestamp;
    delete pod.metadata.deletionTimestamp;
    delete pod.metadata.deletionGracePeriodSeconds;
    stamp(pod, now);
    if (core.store.get(PODS, md.namespace, name)) return;
    const rt = core.runtimes.get(`${md.namespace}/${md.name}`);
    if (rt) core.runtimes.set(`${md.namespace}/${name}`, rt);
    core.store.create(PODS, pod);
  };

  const change = () => {
    const pod = pick();
    if (!pod) return;
    const now = Date.now();
    const r = rand();
    if (r < ratio / 2) create(pod, now);
    else if (r < ratio) {
      const md = pod.metadata ?? {};
      core.runtimes.delete(`${md.namespace}/${md.name}`);
      core.store.delete(PODS, md.namespace, md.name, (obj) => stamp(obj, now));
    } else changeStatus(pod, now);
  };

  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - started) * options.changesPerSecond) / 1000);
    // After a stall of the event loop, catch up by at most one second's worth of changes.
    if (due - done > options.changesPerSecond) done = due - options.changesPerSecond;
    while (done < due) {
      change();
      done++;
    }
  }, TICK_MS);
  return {
    stop: () => clearInterval(timer),
    changes: () => done,
  };
}
