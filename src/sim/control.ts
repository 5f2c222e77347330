// SimControl: what tests, the demo and benchmarks do to a running sim — change objects, make
// containers restart, crash or get OOMKilled, and inject faults — all visible to clients exactly
// as the same change on a real cluster would be (new resourceVersions, watch events, 403s, 410s).
import type { V1Pod } from '@kubernetes/client-node';
import type { DenyRule } from './access.ts';
import { startChurn, type Churn, type ChurnOptions } from './churn.ts';
import type { SimHttpServer } from './httpServer.ts';
import { crashLoop, oomKill, restartContainer, type Termination } from './kubelet.ts';
import type { LogHub } from './logs/index.ts';
import { StoreError } from './objectStore.ts';
import type { KObject } from './kObject.ts';
import { validateObject } from './objectValidation.ts';
import { storedResource } from './resources.ts';
import type { PodRuntime } from './scenario/types.ts';
import type { SimCore } from './simCore.ts';
import type { SimWorld } from './world.ts';

/** Stored resources by plural name: pods, events, namespaces, configmaps, secrets, nodes, deployments, ... */
export type ResourceName = string;

export interface SimStats {
  connections: number;
  watches: number;
  webSockets: number;
  pods: number;
  resourceVersion: string;
}

export interface SimControl {
  world: SimWorld;
  logs: LogHub;
  get<T = KObject>(resource: ResourceName, namespace: string | undefined, name: string): T | undefined;
  list<T = KObject>(resource: ResourceName, namespace?: string): T[];
  create<T extends object>(resource: ResourceName, obj: T, runtime?: PodRuntime): T;
  update<T extends object>(resource: ResourceName, obj: T): T;
  /** Pods go through graceful deletion unless gracePeriodSeconds is 0 (the default here). */
  delete(resource: ResourceName, namespace: string | undefined, name: string, options?: { gracePeriodSeconds?: number }): boolean;
  patchPod(namespace: string, name: string, mutate: (pod: V1Pod) => V1Pod | undefined): V1Pod | undefined;
  restartContainer(namespace: string, pod: string, container: string, termination?: Termination): V1Pod | undefined;
  crash(namespace: string, pod: string, container: string, termination?: Termination): V1Pod | undefined;
  oomKill(namespace: string, pod: string, container: string): V1Pod | undefined;
  /** Every matching request gets a real 403 until the returned undo is called. */
  deny(rule: DenyRule): () => void;
  /** Cuts every open watch; returns how many. */
  dropWatches(): number;
  /** Open watches send nothing (not even bookmarks) until resume; events are held, not lost. */
  stallWatches(): () => void;
  resumeWatches(): void;
  /** Forgets watch history: a watch or continue from an older resourceVersion gets 410. */
  compact(): void;
  /** Delays every response by ms until the returned undo is called. */
  delay(ms: number): () => void;
  /** Closes every connection and listens again on the same port; state is kept. */
  restart(): Promise<void>;
  stats(): SimStats;
  churn(options: ChurnOptions): Churn;
}

function mustExist<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`sim: ${what} not found`);
  return v;
}

export function createControl(core: SimCore, http: () => SimHttpServer, logs: LogHub, churns: Set<Churn>): SimControl {
  const pods = storedResource('pods');
  const transition = (ns: string, name: string, next: (pod: KObject) => KObject | undefined): V1Pod | undefined => {
    const entry = mustExist(core.store.get(pods, ns, name), `pod ${ns}/${name}`);
    const pod = entry.object();
    const changed = next(pod);
    return changed ? (core.store.update(pods, changed, pod).object() as V1Pod) : undefined;
  };
  return {
    world: core,
    logs,
    get: (resource, ns, name) => core.store.get(storedResource(resource), ns, name)?.object() as never,
    list(resource, ns) {
      const c = core.store.collection(storedResource(resource));
      const out: never[] = [];
      for (const key of c.keys) {
        const e = c.byKey.get(key)!;
        if (!ns || e.namespace === ns) out.push(e.object() as never);
      }
      return out;
    },
    create(resource, obj, runtime) {
      const r = storedResource(resource);
      const invalid = validateObject(r, obj as KObject);
      if (invalid) throw new StoreError(422, 'Invalid', invalid.message ?? 'invalid object');
      const created = core.store.create(r, obj as KObject).object();
      if (runtime) core.runtimes.set(`${created.metadata?.namespace}/${created.metadata?.name}`, runtime);
      return created as never;
    },
    update: (resource, obj) => core.store.update(storedResource(resource), obj as KObject).object() as never,
    delete: (resource, ns, name, options) => core.delete(storedResource(resource), ns, name, options?.gracePeriodSeconds ?? 0) !== undefined,
    patchPod: (ns, name, mutate) => core.updatePod(ns, name, (pod) => mutate(pod) ?? pod),
    restartContainer: (ns, pod, container, t) => transition(ns, pod, (p) => restartContainer(p, container, core.now(), t)),
    crash: (ns, pod, container, t) => transition(ns, pod, (p) => crashLoop(p, container, core.now(), t)),
    oomKill: (ns, pod, container) => transition(ns, pod, (p) => oomKill(p, container, core.now())),
    deny: (rule) => core.access.deny(rule),
    dropWatches: () => core.hub.dropAll(),
    stallWatches: () => core.hub.stall(),
    resumeWatches: () => core.hub.resume(),
    compact: () => core.store.compact(),
    delay(ms) {
      http().delayMs = ms;
      return () => {
        http().delayMs = 0;
      };
    },
    restart: () => http().restart(),
    stats: () => ({ ...http().stats, watches: core.hub.count, pods: core.store.collection(pods).byKey.size, resourceVersion: String(core.store.rv) }),
    churn(options) {
      const c = startChurn(core, options);
      churns.add(c);
      return {
        stop() {
          c.stop();
          churns.delete(c);
        },
        changes: c.changes,
      };
    },
  };
}
