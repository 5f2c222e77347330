// Watch streams: one JSON event per line, resumed from history by resourceVersion (410 when it
// is gone), bookmarks on an interval, and the faults a flaky apiserver shows (drop, stall).
// Each event's line is built once for all the watchers that take it whole, from the stored
// JSON bytes, and is not kept: history holds the stored entries only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectStore, StoreEvent, Entry } from './objectStore.ts';
import type { KObject } from './kObject.ts';
import type { ListOptions } from './listOptions.ts';
import type { ListQuery } from './requestQuery.ts';
import { apiVersionOf } from './resources.ts';
import { selectPage } from './listing.ts';
import { badRequest, sendStatus, tooOldResourceVersion } from './status.ts';
import { tableString } from './table.ts';

type Chunk = string | Buffer;

interface Watcher {
  res: ServerResponse;
  q: ListQuery;
  queue: Chunk[];
  headersSent: boolean;
  corked: boolean;
  close(): void;
}

const LINE_END = Buffer.from('}\n');
const linePrefix = new Map<string, Buffer>();

/** `{"type":..,"object":<stored JSON>}\n` without copying the JSON into a JS string. */
function eventLine(type: string, entry: Entry): Buffer {
  let prefix = linePrefix.get(type);
  if (!prefix) linePrefix.set(type, (prefix = Buffer.from(`{"type":"${type}","object":`)));
  return Buffer.concat([prefix, entry.bytes, LINE_END]);
}

/** What one event turns into for the watchers that hear it, each part made at most once. */
class Delivery {
  private plain: Buffer | undefined;
  private parsed: KObject | undefined;
  constructor(readonly e: StoreEvent) {}
  line(): Buffer {
    return (this.plain ??= eventLine(this.e.type, this.e.entry));
  }
  object(): KObject {
    return (this.parsed ??= this.e.entry.object());
  }
}

export class WatchHub {
  private readonly watchers = new Set<Watcher>();
  private stalled = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly opts: { bookmarkIntervalMs: number; now: () => number },
  ) {
    this.unsubscribe = store.onEvent((e) => {
      const d = new Delivery(e);
      for (const w of this.watchers) this.offer(w, d);
    });
  }

  get count(): number {
    return this.watchers.size;
  }

  serve(req: IncomingMessage, res: ServerResponse, q: ListQuery, o: ListOptions): void {
    const rvParam = o.resourceVersion;
    const bookmarks = o.allowWatchBookmarks;
    // sendInitialEvents defaults to true for resourceVersion "" or "0" (the legacy watch) and
    // to false otherwise; true lists the current state first whatever resourceVersion says.
    const fromNow = rvParam === '' || rvParam === '0';
    const initialEvents = o.sendInitialEvents ?? fromNow;
    let backlog: StoreEvent[] | undefined = [];
    let synthetic: Entry[] = [];
    if (!fromNow && !/^\d+$/.test(rvParam)) return sendStatus(res, badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a non-negative integer`));
    if (!fromNow && !initialEvents) {
      backlog = this.store.eventsSince(Number(rvParam));
      if (!backlog) return this.goneStream(res, rvParam);
    }
    if (initialEvents) synthetic = selectPage(this.store, q, '', 0).items;
    const timeout = o.timeoutSeconds ?? 0;
    const timers: NodeJS.Timeout[] = [];
    const w: Watcher = {
      res,
      q,
      queue: [],
      headersSent: false,
      corked: false,
      close: () => {
        for (const t of timers) clearTimeout(t);
        this.watchers.delete(w);
      },
    };
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    for (const e of synthetic) this.write(w, w.q.table ? this.tableLine(w, 'ADDED', e.object()) : eventLine('ADDED', e));
    for (const e of backlog ?? []) this.offer(w, new Delivery(e));
    if (o.sendInitialEvents && bookmarks) this.write(w, this.bookmark(q, { 'k8s.io/initial-events-end': 'true' }));
    this.watchers.add(w);
    res.on('close', w.close);
    req.on('close', w.close);
    if (timeout > 0) timers.push(setTimeout(() => res.end(), timeout * 1000));
    if (bookmarks && this.opts.bookmarkIntervalMs > 0) {
      const t = setInterval(() => !this.stalled && this.write(w, this.bookmark(q)), this.opts.bookmarkIntervalMs);
      t.unref();
      timers.push(t);
    }
  }

  /** Closes every open watch abruptly (the client sees its stream cut). Returns how many. */
  dropAll(): number {
    const n = this.watchers.size;
    for (const w of [...this.watchers]) {
      w.close();
      w.res.destroy();
    }
    return n;
  }

  /** Keeps connections open but sends nothing until the returned resume() is called. */
  stall(): () => void {
    this.stalled = true;
    return () => this.resume();
  }

  resume(): void {
    this.stalled = false;
    for (const w of this.watchers) {
      const queued = w.queue;
      w.queue = [];
      for (const line of queued) this.write(w, line);
    }
  }

  close(): void {
    this.unsubscribe();
    this.dropAll();
  }

  private goneStream(res: ServerResponse, rvParam: string): void {
    // kube-apiserver answers an expired watch with 200 and a single ERROR event carrying a 410.
    const s = tooOldResourceVersion(rvParam, this.store.compactedRv);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
    res.end(`{"type":"ERROR","object":${JSON.stringify(s)}}\n`);
  }

  private offer(w: Watcher, d: Delivery): void {
    const { q } = w;
    const { e } = d;
    if (e.resource !== q.resource) return;
    if (q.namespace && e.entry.namespace !== q.namespace) return;
    let type = e.type;
    if (q.filtered) {
      const now = q.matches(e.entry.selectable());
      const before = e.prev ? q.matches(e.prev.selectable()) : false;
      // A change that moves an object into or out of the selection looks like ADDED or DELETED.
      if (e.type === 'MODIFIED') {
        if (now && !before) type = 'ADDED';
        else if (!now && before) type = 'DELETED';
        else if (!now) return;
      } else if (!now && !before) return;
    }
    if (q.table) return this.write(w, this.tableLine(w, type, d.object()));
    this.write(w, type === e.type ? d.line() : eventLine(type, e.entry));
  }

  private tableLine(w: Watcher, type: string, obj: KObject): string {
    const table = tableString(w.q.resource, [obj], String(obj.metadata?.resourceVersion ?? ''), { now: this.opts.now(), includeObject: w.q.table!, headers: !w.headersSent });
    w.headersSent = true;
    return `{"type":"${type}","object":${table}}\n`;
  }

  private bookmark(q: ListQuery, annotations?: Record<string, string>): string {
    const kind = q.table ? { kind: 'Table', apiVersion: 'meta.k8s.io/v1' } : { kind: q.resource.kind, apiVersion: apiVersionOf(q.resource) };
    const obj = { ...kind, metadata: { resourceVersion: String(this.store.rv), ...(annotations ? { annotations } : {}) } };
    return `{"type":"BOOKMARK","object":${JSON.stringify(obj)}}\n`;
  }

  private write(w: Watcher, line: Chunk): void {
    if (w.res.destroyed) return;
    if (this.stalled) return void w.queue.push(line);
    // The events of one turn (a churn tick makes ten or so) leave in one write, not one each.
    if (!w.corked) {
      w.corked = true;
      w.res.cork();
      process.nextTick(() => {
        w.corked = false;
        w.res.uncork();
      });
    }
    w.res.write(line);
  }
}
