// The object store behind the simulated API server: one global resourceVersion counter, each
// object stored as its JSON bytes only, and a bounded history of watch events so a watch can
// resume from a recent resourceVersion.
//
// How long things are kept follows kube-apiserver, so that a client slow to read a big list
// under churn meets what it would meet on a real cluster: its watch cache keeps the last 75 s
// of events at least (eventFreshDuration) and 102,400 at most (its upper bound capacity), here
// with a floor of 20,000 events; and a continue token stays valid until etcd compacts the
// history under it, which kube-apiserver asks for every 5 minutes. A fixed window in events,
// given by a test, replaces the watch policy.
//
// Why bytes and not objects: at 100,000 Pods under 1,000 changes/s, keeping every Pod as a graph
// of JS objects (plus its cached JSON string) made a heap of ~1.5 GB and millions of objects, and
// the sim's event loop stalled for 50-200 ms in every young-generation GC and longer in major
// ones. A Buffer lives outside the JS heap and is one small object to the GC, and the JSON is
// what lists and watches send anyway; the few handlers that need an object parse one on demand.
// Each JSON gets a Buffer of its own, not a slice of Node's shared pool: a pooled slab would stay
// alive while any Pod version in it is current, several times the memory of the versions alone.
import { randomUUID } from 'node:crypto';
import type { KObject } from './kObject.ts';
import { apiVersionOf, resourceId, type ResourceDef } from './resources.ts';
import { selectable } from './selectors.ts';
import { insertKey, removeKey } from './sortedKeys.ts';

function encode(json: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json, 'utf8'));
  bytes.write(json, 0, 'utf8');
  return bytes;
}

export class Entry {
  private data: Buffer | undefined;
  private selectView: KObject | undefined;
  private tableView: unknown;
  private metricsView: unknown;
  constructor(
    readonly key: string,
    readonly rv: number,
    /** Held only until first encoded (a bulk load encodes later, in the background). */
    private pending: KObject | undefined,
    readonly namespace: string | undefined,
  ) {}
  /** JSON.stringify of the object as stored, UTF-8: the source of truth. */
  get bytes(): Buffer {
    if (!this.data) {
      this.data = encode(JSON.stringify(this.pending));
      this.pending = undefined;
    }
    return this.data;
  }
  get json(): string {
    return this.bytes.toString('utf8');
  }
  /** A fresh copy parsed from the stored JSON: the caller owns it and may change it. */
  object(): KObject {
    return JSON.parse(this.bytes.toString('utf8')) as KObject;
  }
  /** The few fields label and field selectors read, parsed once and kept (small). */
  selectable(): KObject {
    return (this.selectView ??= selectable(this.object()));
  }
  /** What a table row needs of this version (see table.ts), made once: kubectl's lists parse nothing. */
  tableSource<T>(make: (obj: KObject) => T): T {
    return (this.tableView ??= make(this.object())) as T;
  }
  /** What a PodMetrics item needs of this version (see podMetrics.ts), made once: a metrics list of 100,000 Pods parses none. */
  metricsSource<T>(make: (obj: KObject) => T): T {
    if (this.metricsView === undefined) this.metricsView = make(this.object());
    return this.metricsView as T;
  }
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  resource: ResourceDef;
  entry: Entry;
  /** The version before this change, for selector transitions in filtered watches. */
  prev?: Entry;
  rv: number;
  /** When it happened (ms): history is kept by age as well as by count. */
  at: number;
}

/** Which watch events are kept: at least `minEvents`, and any younger than `freshMs`, up to `maxEvents`. */
interface HistoryPolicy {
  minEvents: number;
  freshMs: number;
  maxEvents: number;
}

const KUBE_APISERVER_HISTORY: HistoryPolicy = { minEvents: 20_000, freshMs: 75_000, maxEvents: 100 * 1024 };

/** kube-apiserver's --etcd-compaction-interval default. */
const ETCD_COMPACTION_MS = 5 * 60_000;

export class Collection {
  readonly byKey = new Map<string, Entry>();
  readonly keys: string[] = [];
  constructor(readonly resource: ResourceDef) {}
}

export const objectKey = (namespace: string | undefined, name: string): string => (namespace ? `${namespace}/${name}` : name);

export class StoreError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export class ObjectStore {
  rv = 1;
  /** A watch from a resourceVersion below this has lost events: 410. */
  compactedRv = 1;
  private readonly collections = new Map<string, Collection>();
  private history: StoreEvent[] = [];
  private historyStart = 0;
  private readonly listeners = new Set<(e: StoreEvent) => void>();
  private bulk = false;
  private readonly historyPolicy: HistoryPolicy;
  /** etcd's compactions: continues from below floorRv are gone; markRv becomes the floor at nextAt. */
  private readonly etcd: { floorRv: number; markRv: number; nextAt: number };

  constructor(
    /** Watch events kept, as a fixed count; undefined: as kube-apiserver keeps them. */
    historyWindow: number | undefined,
    private readonly now: () => number,
  ) {
    this.historyPolicy = historyWindow === undefined ? KUBE_APISERVER_HISTORY : { minEvents: historyWindow, freshMs: 0, maxEvents: historyWindow };
    this.etcd = { floorRv: 1, markRv: 1, nextAt: now() + ETCD_COMPACTION_MS };
  }

  /** A continue token made at a resourceVersion below this has expired: 410. */
  continueFloorRv(): number {
    const t = this.now();
    while (t >= this.etcd.nextAt) {
      this.etcd.floorRv = this.etcd.markRv;
      this.etcd.markRv = this.rv;
      this.etcd.nextAt += ETCD_COMPACTION_MS;
    }
    return this.etcd.floorRv;
  }

  collection(resource: ResourceDef): Collection {
    const id = resourceId(resource.group, resource.name);
    let c = this.collections.get(id);
    if (!c) this.collections.set(id, (c = new Collection(resource)));
    return c;
  }

  get(resource: ResourceDef, namespace: string | undefined, name: string): Entry | undefined {
    return this.collection(resource).byKey.get(objectKey(resource.namespaced ? namespace : undefined, name));
  }

  onEvent(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create(resource: ResourceDef, input: KObject): Entry {
    const obj = this.stamp(resource, input);
    const md = obj.metadata!;
    const key = objectKey(resource.namespaced ? md.namespace : undefined, md.name);
    const c = this.collection(resource);
    if (c.byKey.has(key)) throw new StoreError(409, 'AlreadyExists', `${resource.name} "${md.name}" already exists`);
    md.uid ??= randomUUID();
    md.creationTimestamp ??= new Date(this.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    md.generation ??= 1;
    return this.commit(c, 'ADDED', key, obj, undefined);
  }

  /** Replaces a stored object; generation moves when the spec changed, as kube-apiserver does. */
  /**
   * `base` is the stored version as the caller already parsed it (and left unchanged): it saves
   * parsing it again; one with another resourceVersion is ignored.
   */
  update(resource: ResourceDef, input: KObject, base?: KObject): Entry {
    const obj = this.stamp(resource, input);
    const md = obj.metadata!;
    const key = objectKey(resource.namespaced ? md.namespace : undefined, md.name);
    const c = this.collection(resource);
    const prev = c.byKey.get(key);
    if (!prev) throw new StoreError(404, 'NotFound', `${resource.name} "${md.name}" not found`);
    const before = base?.metadata?.resourceVersion === String(prev.rv) ? base : prev.object();
    const pmd = before.metadata!;
    md.uid = pmd.uid;
    md.creationTimestamp = pmd.creationTimestamp;
    // A transition that kept the spec object as it was cannot have changed it.
    const specChanged = obj.spec !== before.spec && JSON.stringify(obj.spec) !== JSON.stringify(before.spec);
    md.generation = (pmd.generation ?? 1) + (specChanged ? 1 : 0);
    return this.commit(c, 'MODIFIED', key, obj, prev);
  }

  /** `finalize` may stamp the last state of the object that the DELETED event carries. */
  delete(resource: ResourceDef, namespace: string | undefined, name: string, finalize?: (obj: KObject) => void): Entry | undefined {
    const c = this.collection(resource);
    const key = objectKey(resource.namespaced ? namespace : undefined, name);
    const prev = c.byKey.get(key);
    if (!prev) return undefined;
    // The DELETED event carries the object at a new resourceVersion, as etcd's delete revision.
    const obj = prev.object();
    finalize?.(obj);
    return this.commit(c, 'DELETED', key, obj, prev);
  }

  /**
   * Loads many objects at once (a 100,000-Pod scenario): keys are sorted once at the end instead
   * of on every insert, and no watch history is kept, since nobody can have watched them yet.
   */
  load(resource: ResourceDef, objects: Iterable<KObject>): void {
    this.bulk = true;
    try {
      for (const obj of objects) this.create(resource, obj);
    } finally {
      this.bulk = false;
      const c = this.collection(resource);
      c.keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.compact();
    }
  }

  /** Forgets all history: every watch or continue from an earlier resourceVersion gets 410. */
  compact(): void {
    this.history = [];
    this.historyStart = 0;
    this.compactedRv = this.rv;
    this.continueFloorRv();
    this.etcd.floorRv = this.etcd.markRv = this.rv;
  }

  /** Events after `rv` still held, or undefined when some were already forgotten. */
  eventsSince(rv: number): StoreEvent[] | undefined {
    if (rv < this.compactedRv) return undefined;
    // History is in resourceVersion order: find the first event after rv by bisection.
    let lo = this.historyStart;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.history[mid]!.rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  private stamp(resource: ResourceDef, input: KObject): KObject {
    if (!input.metadata?.name) throw new StoreError(400, 'BadRequest', `${resource.kind} has no metadata.name`);
    if (resource.namespaced && !input.metadata.namespace) throw new StoreError(400, 'BadRequest', `${resource.kind} "${input.metadata.name}" has no metadata.namespace`);
    return { apiVersion: apiVersionOf(resource), kind: resource.kind, ...input, metadata: { ...input.metadata } };
  }

  private commit(c: Collection, type: EventType, key: string, obj: KObject, prev: Entry | undefined): Entry {
    this.continueFloorRv(); // a compaction due before this change is marked at the version before it
    const rv = ++this.rv;
    obj.metadata!.resourceVersion = String(rv);
    const entry = new Entry(key, rv, obj, obj.metadata!.namespace);
    if (type === 'DELETED') {
      c.byKey.delete(key);
      removeKey(c.keys, key);
    } else {
      if (!prev) {
        if (this.bulk) c.keys.push(key);
        else insertKey(c.keys, key);
      }
      c.byKey.set(key, entry);
    }
    if (this.bulk) return entry;
    void entry.bytes; // the object becomes garbage now, while it is young
    const event: StoreEvent = { type, resource: c.resource, entry, prev, rv, at: this.now() };
    this.remember(event);
    for (const l of this.listeners) l(event);
    return entry;
  }

  private remember(event: StoreEvent): void {
    this.history.push(event);
    const { minEvents, freshMs, maxEvents } = this.historyPolicy;
    const staleBefore = event.at - freshMs;
    for (;;) {
      const held = this.history.length - this.historyStart;
      const oldest = this.history[this.historyStart]!;
      if (held <= minEvents || (held <= maxEvents && oldest.at >= staleBefore)) break;
      this.compactedRv = oldest.rv;
      this.historyStart++;
    }
    // Drop the forgotten prefix in one go now and then instead of shifting on every event.
    if (this.historyStart > 1024 && this.historyStart * 2 > this.history.length) {
      this.history = this.history.slice(this.historyStart);
      this.historyStart = 0;
    }
  }
}
