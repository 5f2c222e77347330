// Watch streams: one JSON event per line, resumed from history by resourceVersion (410 when it
// is gone), bookmarks on an interval, and the faults a flaky apiserver shows (drop, stall).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectStore, StoreEvent, Entry, KObject } from './objectStore.ts';
import type { ListQuery } from './requestQuery.ts';
import { apiVersionOf } from './resources.ts';
import { selectPage } from './listing.ts';
import { badRequest, sendStatus, tooOldResourceVersion } from './status.ts';
import { tableString } from './table.ts';

interface Watcher {
  res: ServerResponse;
  q: ListQuery;
  queue: string[];
  headersSent: boolean;
  close(): void;
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
      for (const w of this.watchers) this.offer(w, e);
    });
  }

  get count(): number {
    return this.watchers.size;
  }

  serve(req: IncomingMessage, res: ServerResponse, url: URL, q: ListQuery): void {
    const rvParam = url.searchParams.get('resourceVersion') ?? '';
    const initialEvents = url.searchParams.get('sendInitialEvents') === 'true';
    const bookmarks = url.searchParams.get('allowWatchBookmarks') === 'true';
    let backlog: StoreEvent[] | undefined = [];
    let synthetic: Entry[] = [];
    if (rvParam !== '' && rvParam !== '0') {
      const rv = Number(rvParam);
      if (!/^\d+$/.test(rvParam)) return sendStatus(res, badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a non-negative integer`));
      backlog = initialEvents ? undefined : this.store.eventsSince(rv);
      if (!initialEvents && !backlog) return this.goneStream(res, rvParam);
    }
    if (rvParam === '' || rvParam === '0' || initialEvents) {
      synthetic = selectPage(this.store, q, '', 0).items;
      backlog = [];
    }
    const timeout = Number(url.searchParams.get('timeoutSeconds') ?? '0');
    const timers: NodeJS.Timeout[] = [];
    const w: Watcher = {
      res,
      q,
      queue: [],
      headersSent: false,
      close: () => {
        for (const t of timers) clearTimeout(t);
        this.watchers.delete(w);
      },
    };
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    for (const e of synthetic) this.write(w, this.line(w, 'ADDED', e.obj, () => `{"type":"ADDED","object":${e.json}}\n`));
    for (const e of backlog ?? []) this.offer(w, e);
    if (initialEvents && bookmarks) this.write(w, this.bookmark(q, { 'k8s.io/initial-events-end': 'true' }));
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

  private offer(w: Watcher, e: StoreEvent): void {
    const { q } = w;
    if (e.resource !== q.resource) return;
    const ns = e.entry.obj.metadata?.namespace;
    if (q.namespace && ns !== q.namespace) return;
    if (!q.filtered) return this.write(w, this.line(w, e.type, e.entry.obj, e.line));
    const now = q.matches(e.entry.obj);
    const before = e.prev ? q.matches(e.prev.obj) : false;
    // A change that moves an object into or out of the selection looks like ADDED or DELETED.
    let type = e.type;
    if (e.type === 'MODIFIED') {
      if (now && !before) type = 'ADDED';
      else if (!now && before) type = 'DELETED';
      else if (!now) return;
    } else if (!now && !before) return;
    this.write(w, type === e.type ? this.line(w, type, e.entry.obj, e.line) : this.line(w, type, e.entry.obj, () => `{"type":"${type}","object":${e.entry.json}}\n`));
  }

  private line(w: Watcher, type: string, obj: KObject, plain: () => string): string {
    if (!w.q.table) return plain();
    const table = tableString(w.q.resource, [obj], String(obj.metadata?.resourceVersion ?? ''), { now: this.opts.now(), includeObject: w.q.table, headers: !w.headersSent });
    w.headersSent = true;
    return `{"type":"${type}","object":${table}}\n`;
  }

  private bookmark(q: ListQuery, annotations?: Record<string, string>): string {
    const kind = q.table ? { kind: 'Table', apiVersion: 'meta.k8s.io/v1' } : { kind: q.resource.kind, apiVersion: apiVersionOf(q.resource) };
    const obj = { ...kind, metadata: { resourceVersion: String(this.store.rv), ...(annotations ? { annotations } : {}) } };
    return `{"type":"BOOKMARK","object":${JSON.stringify(obj)}}\n`;
  }

  private write(w: Watcher, line: string): void {
    if (w.res.destroyed) return;
    if (this.stalled) w.queue.push(line);
    else w.res.write(line);
  }
}
