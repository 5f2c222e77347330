// The simulated cluster's state: the object store, watch fan-out, access rules and the node-side
// runtime of each Pod. It is the SimWorld that the pod subresource handlers (logs, exec) use.
import type { V1ConfigMap, V1Pod, V1Secret, V1Status } from '@kubernetes/client-node';
import type { PodRuntime, Scenario } from './scenario/types.ts';
import type { PodChangeType, SimWorld } from './world.ts';
import { AccessRules } from './access.ts';
import { ObjectStore, type KObject } from './objectStore.ts';
import { storedResource, type ResourceDef } from './resources.ts';
import { WatchHub } from './watchHub.ts';

const PODS = storedResource('pods');
const CONFIG_MAPS = storedResource('configmaps');
const SECRETS = storedResource('secrets');
/** Longest a graceful Pod deletion takes in the sim, whatever grace period was asked. */
const MAX_SIM_GRACE_MS = 1000;

export interface CoreOptions {
  historyWindow: number;
  bookmarkIntervalMs: number;
  dataDir: string;
}

export class SimCore implements SimWorld {
  readonly store: ObjectStore;
  readonly hub: WatchHub;
  readonly access = new AccessRules();
  readonly runtimes = new Map<string, PodRuntime>();
  readonly dataDir: string;
  private readonly timers = new Set<NodeJS.Timeout>();
  private warming: NodeJS.Immediate | undefined;

  constructor(options: CoreOptions) {
    this.dataDir = options.dataDir;
    this.store = new ObjectStore(options.historyWindow, () => this.now());
    this.hub = new WatchHub(this.store, { bookmarkIntervalMs: options.bookmarkIntervalMs, now: () => this.now() });
  }

  now(): number {
    return Date.now();
  }

  load(scenario: Scenario): void {
    const o = scenario.objects;
    const groups: [string, KObject[]][] = [
      ['namespaces', o.namespaces],
      ['configmaps', o.configMaps],
      ['secrets', o.secrets],
      ['deployments', o.deployments],
      ['replicasets', o.replicaSets],
      ['statefulsets', o.statefulSets],
      ['daemonsets', o.daemonSets],
      ['cronjobs', o.cronJobs],
      ['jobs', o.jobs],
      ['pods', o.pods],
      ['events', o.events],
    ];
    for (const [name, list] of groups) this.store.load(storedResource(name), list ?? []);
    for (const [key, rt] of scenario.runtime) this.runtimes.set(key, rt);
    this.warmJson(storedResource('pods'));
  }

  /** Serializes stored Pods in the background, a batch per turn, so the first big list is not the one that pays. */
  private warmJson(resource: ResourceDef): void {
    const entries = [...this.store.collection(resource).byKey.values()];
    let i = 0;
    const step = () => {
      this.warming = undefined;
      const end = Math.min(entries.length, i + 500);
      for (; i < end; i++) void entries[i].json;
      if (i < entries.length) this.warming = setImmediate(step);
    };
    if (entries.length) this.warming = setImmediate(step);
  }

  pod(namespace: string, name: string): V1Pod | undefined {
    return this.store.get(PODS, namespace, name)?.obj as V1Pod | undefined;
  }

  configMap(namespace: string, name: string): V1ConfigMap | undefined {
    return this.store.get(CONFIG_MAPS, namespace, name)?.obj as V1ConfigMap | undefined;
  }

  secret(namespace: string, name: string): V1Secret | undefined {
    return this.store.get(SECRETS, namespace, name)?.obj as V1Secret | undefined;
  }

  runtime(namespace: string, name: string): PodRuntime | undefined {
    return this.runtimes.get(`${namespace}/${name}`);
  }

  updatePod(namespace: string, name: string, mutate: (pod: V1Pod) => V1Pod): V1Pod | undefined {
    const entry = this.store.get(PODS, namespace, name);
    if (!entry) return undefined;
    const next = mutate(structuredClone(entry.obj) as V1Pod);
    return this.store.update(PODS, next as KObject).obj as V1Pod;
  }

  authorize(request: { verb: string; resource: string; subresource?: string; namespace?: string; name?: string }): V1Status | undefined {
    return this.access.authorize(request);
  }

  onPodChange(listener: (type: PodChangeType, pod: V1Pod) => void): () => void {
    return this.store.onEvent((e) => {
      if (e.resource === PODS) listener(e.type, e.entry.obj as V1Pod);
    });
  }

  /** Deletes an object; a Pod with a grace period is marked terminating first, as a kubelet would. */
  delete(resource: ResourceDef, namespace: string | undefined, name: string, gracePeriodSeconds?: number): KObject | undefined {
    const entry = this.store.get(resource, namespace, name);
    if (!entry) return undefined;
    const grace = gracePeriodSeconds ?? entry.obj.spec?.terminationGracePeriodSeconds ?? 30;
    if (resource !== PODS || grace <= 0) {
      this.runtimes.delete(`${namespace}/${name}`);
      return this.store.delete(resource, namespace, name)?.obj;
    }
    if (entry.obj.metadata?.deletionTimestamp) return entry.obj;
    const now = this.now();
    const marked = this.store.update(PODS, {
      ...entry.obj,
      metadata: { ...entry.obj.metadata, deletionTimestamp: new Date(now + grace * 1000).toISOString().replace(/\.\d+Z$/, 'Z'), deletionGracePeriodSeconds: grace },
    });
    const uid = marked.obj.metadata?.uid;
    this.later(Math.min(grace * 1000, MAX_SIM_GRACE_MS), () => {
      if (this.store.get(PODS, namespace, name)?.obj.metadata?.uid === uid) this.delete(PODS, namespace, name, 0);
    });
    return marked.obj;
  }

  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  close(): void {
    if (this.warming) clearImmediate(this.warming);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.hub.close();
  }
}
