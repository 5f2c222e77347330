// The simulated cluster's state: the object store, watch fan-out, access rules and the node-side
// runtime of each Pod. It is the SimWorld that the pod subresource handlers (logs, exec) use.
import type { V1ConfigMap, V1Pod, V1Secret, V1Status } from '@kubernetes/client-node';
import type { PodRuntime, Scenario } from './scenario/types.ts';
import type { PodChangeType, PodRef, SimWorld } from './world.ts';
import { AccessRules } from './access.ts';
import { ObjectStore, StoreError } from './objectStore.ts';
import type { KObject } from './kObject.ts';
import { validateObject } from './objectValidation.ts';
import { storedResource, type ResourceDef } from './resources.ts';
import { WatchHub } from './watchHub.ts';
import { createControllers, type Controllers } from './controllers.ts';

const PODS = storedResource('pods');
const CONFIG_MAPS = storedResource('configmaps');
const SECRETS = storedResource('secrets');
/** Longest a graceful Pod deletion takes in the sim, whatever grace period was asked. */
const MAX_SIM_GRACE_MS = 1000;

export interface CoreOptions {
  /** Watch events kept, as a fixed count; undefined: as kube-apiserver keeps them (objectStore.ts). */
  historyWindow?: number | undefined;
  bookmarkIntervalMs: number;
  dataDir: string;
}

export class SimCore implements SimWorld {
  readonly store: ObjectStore;
  readonly hub: WatchHub;
  readonly access = new AccessRules();
  readonly runtimes = new Map<string, PodRuntime>();
  readonly dataDir: string;
  /** ReplicaSet, StatefulSet and Job controllers: a deleted Pod of theirs is replaced. */
  private readonly controllers: Controllers;
  private readonly timers = new Set<NodeJS.Timeout>();
  private encoding: NodeJS.Immediate | undefined;
  private encoded: () => void = () => {};
  /** Resolves once every bulk-loaded object has its stored JSON (or the core is closed). */
  readonly settled = new Promise<void>((resolve) => (this.encoded = resolve));

  constructor(options: CoreOptions) {
    this.dataDir = options.dataDir;
    this.store = new ObjectStore(options.historyWindow, () => this.now());
    this.hub = new WatchHub(this.store, { bookmarkIntervalMs: options.bookmarkIntervalMs, now: () => this.now() });
    this.controllers = createControllers(this);
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
    this.encodeInBackground(groups.map(([name]) => storedResource(name)));
  }

  /**
   * Turns bulk-loaded objects into their stored JSON a batch per turn: loading stays quick, and
   * the encoding runs after the scenario's own object graph is garbage, so the GCs that the
   * growing Buffers trigger do not have to mark it again and again.
   */
  private encodeInBackground(resources: ResourceDef[]): void {
    const entries = resources.flatMap((r) => [...this.store.collection(r).byKey.values()]);
    let i = 0;
    const step = () => {
      this.encoding = undefined;
      const end = Math.min(entries.length, i + 500);
      for (; i < end; i++) void entries[i]!.bytes;
      if (i < entries.length) this.encoding = setImmediate(step);
      else this.encoded();
    };
    if (entries.length) this.encoding = setImmediate(step);
    else this.encoded();
  }

  pod(namespace: string, name: string): V1Pod | undefined {
    return this.store.get(PODS, namespace, name)?.object() as V1Pod | undefined;
  }

  configMap(namespace: string, name: string): V1ConfigMap | undefined {
    return this.store.get(CONFIG_MAPS, namespace, name)?.object() as V1ConfigMap | undefined;
  }

  secret(namespace: string, name: string): V1Secret | undefined {
    return this.store.get(SECRETS, namespace, name)?.object() as V1Secret | undefined;
  }

  runtime(namespace: string, name: string): PodRuntime | undefined {
    return this.runtimes.get(`${namespace}/${name}`);
  }

  updatePod(namespace: string, name: string, mutate: (pod: V1Pod) => V1Pod): V1Pod | undefined {
    const entry = this.store.get(PODS, namespace, name);
    if (!entry) return undefined;
    const next = mutate(entry.object() as V1Pod);
    // Subresource handlers (ephemeral containers) change a Pod here: its names are checked as on create.
    const invalid = validateObject(PODS, next as KObject);
    if (invalid) throw new StoreError(422, 'Invalid', invalid.message ?? 'invalid Pod');
    return this.store.update(PODS, next as KObject).object() as V1Pod;
  }

  authorize(request: { verb: string; resource: string; subresource?: string; namespace?: string; name?: string }): V1Status | undefined {
    return this.access.authorize(request);
  }

  onPodChange(listener: (type: PodChangeType, ref: PodRef) => void): () => void {
    return this.store.onEvent((e) => {
      if (e.resource !== PODS) return;
      const [namespace, name] = [e.entry.namespace ?? '', e.entry.key.slice(e.entry.key.indexOf('/') + 1)];
      listener(e.type, { namespace, name, pod: () => e.entry.object() as V1Pod });
    });
  }

  /** Deletes an object; a Pod with a grace period is marked terminating first, as a kubelet would. */
  delete(resource: ResourceDef, namespace: string | undefined, name: string, gracePeriodSeconds?: number): KObject | undefined {
    const entry = this.store.get(resource, namespace, name);
    if (!entry) return undefined;
    const obj = entry.object();
    const grace = gracePeriodSeconds ?? obj.spec?.terminationGracePeriodSeconds ?? 30;
    if (resource !== PODS || grace <= 0) {
      const runtime = this.runtimes.get(`${namespace}/${name}`);
      this.runtimes.delete(`${namespace}/${name}`);
      const gone = this.store.delete(resource, namespace, name)?.object();
      if (resource === PODS && gone) {
        if (!obj.metadata?.deletionTimestamp) this.controllers.terminating(gone, runtime);
        this.controllers.removed(gone, runtime);
      }
      return gone;
    }
    if (obj.metadata?.deletionTimestamp) return obj;
    const now = this.now();
    const marked = this.store
      .update(PODS, {
        ...obj,
        metadata: { ...obj.metadata, deletionTimestamp: new Date(now + grace * 1000).toISOString().replace(/\.\d+Z$/, 'Z'), deletionGracePeriodSeconds: grace },
      })
      .object();
    this.controllers.terminating(marked, this.runtimes.get(`${namespace}/${name}`));
    const uid = marked.metadata?.uid;
    this.later(Math.min(grace * 1000, MAX_SIM_GRACE_MS), () => {
      if (this.store.get(PODS, namespace, name)?.object().metadata?.uid === uid) this.delete(PODS, namespace, name, 0);
    });
    return marked;
  }

  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  close(): void {
    if (this.encoding) clearImmediate(this.encoding);
    this.encoded();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.hub.close();
  }
}
