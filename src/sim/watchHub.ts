// Watch streams: one JSON event per line, resumed from history by resourceVersion (410 when it
// is gone), bookmarks on an interval, and the faults a flaky apiserver shows (drop, stall).
// What a new watch must catch up on (its backlog, or the initial events of sendInitialEvents)
// goes out in slices, each waiting for the client to take the one before: a watch resumed 75 s
// behind 1,000 changes/s is 75,000 events, ~400 MB, which written in one turn held the sim's
// event loop and memory; changes made meanwhile wait in order behind it.
// Each event's line is built once for all the watchers that take it whole, from the stored
// JSON bytes, and is not kept: history holds the stored entries only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectStore, StoreEvent, Entry } from './objectStore.ts';
import type { KObject } from './kObject.ts';
import type { ListOptions } from './listOptions.ts';
import type { ListQuery } from './requestQuery.ts';
import { apiVersionOf } from './resources.ts';
import { selectPage } from './listing.ts';
import { drained } from './drained.ts';
import { badRequest, sendStatus, tooOldResourceVersion } from './status.ts';
import { tableString } from './table.ts';

type Chunk = string | Buffer;

/** Backlog lines sent per turn of the event loop. */
const BACKLOG_SLICE = 256;

interface Watcher {
  res: ServerResponse;
  q: ListQuery;
  /** Lines held while the hub is stalled. */
  queue: Chunk[];
  /** Live lines held while the backlog is still being sent; undefined once it is. */
  behindBacklog: Chunk[] | undefined;
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
      behindBacklog: [],
      headersSent: false,
      corked: false,
      close: () => {
        for (const t of timers) clearTimeout(t);
        this.watchers.delete(w);
      },
    };
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    // Made now, at the resourceVersion the backlog ends at, though sent after it.
    const initialEnd = o.sendInitialEvents && bookmarks ? this.bookmark(q, { 'k8s.io/initial-events-end': 'true' }) : undefined;
    this.watchers.add(w);
    res.on('close', w.close);
    req.on('close', w.close);
    if (timeout > 0) timers.push(setTimeout(() => res.end(), timeout * 1000));
    if (bookmarks && this.opts.bookmarkIntervalMs > 0) {
      const t = setInterval(() => !this.stalled && this.write(w, this.bookmark(q)), this.opts.bookmarkIntervalMs);
      t.unref();
      timers.push(t);
    }
    void this.sendBacklog(w, this.catchUp(w, synthetic, backlog ?? [], initialEnd));
  }

  /** What a new watch is sent before live changes: initial events, the backlog, the end-of-initial-events bookmark. */
  private *catchUp(w: Watcher, synthetic: Entry[], backlog: StoreEvent[], initialEnd: string | undefined): Generator<Chunk> {
    for (const e of synthetic) yield w.q.table ? this.tableLine(w, 'ADDED', e.object()) : eventLine('ADDED', e);
    for (const e of backlog) {
      const line = this.lineFor(w, new Delivery(e));
      if (line !== undefined) yield line;
    }
    if (initialEnd) yield initialEnd;
  }

  private async sendBacklog(w: Watcher, lines: Iterable<Chunk>): Promise<void> {
    let sent = 0;
    for (const line of lines) {
      if (w.res.destroyed) return;
      if (!this.send(w, line)) await drained(w.res);
      if (++sent % BACKLOG_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const held = w.behindBacklog ?? [];
    w.behindBacklog = undefined;
    for (const line of held) this.write(w, line);
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
      for (const line of queued) this.send(w, line);
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
    const line = this.lineFor(w, d);
    if (line !== undefined) this.write(w, line);
  }

  /** The line this watcher is sent for an event, or undefined when the event is not for it. */
  private lineFor(w: Watcher, d: Delivery): Chunk | undefined {
    const { q } = w;
    const { e } = d;
    if (e.resource !== q.resource) return undefined;
    if (q.namespace && e.entry.namespace !== q.namespace) return undefined;
    let type = e.type;
    if (q.filtered) {
      const now = q.matches(e.entry.selectable());
      const before = e.prev ? q.matches(e.prev.selectable()) : false;
      // A change that moves an object into or out of the selection looks like ADDED or DELETED.
      if (e.type === 'MODIFIED') {
        if (now && !before) type = 'ADDED';
        else if (!now && before) type = 'DELETED';
        else if (!now) return undefined;
      } else if (!now && !before) return undefined;
    }
    if (q.table) return this.tableLine(w, type, d.object());
    return type === e.type ? d.line() : eventLine(type, e.entry);
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

  /** A live line: behind the backlog while that is still going out. */
  private write(w: Watcher, line: Chunk): void {
    if (w.behindBacklog) w.behindBacklog.push(line);
    else this.send(w, line);
  }

  /** Writes a line now (or holds it while stalled); false when the client has not taken the last ones yet. */
  private send(w: Watcher, line: Chunk): boolean {
    if (w.res.destroyed) return true;
    if (this.stalled) {
      w.queue.push(line);
      return true;
    }
    // The events of one turn (a churn tick makes ten or so) leave in one write, not one each.
    if (!w.corked) {
      w.corked = true;
      w.res.cork();
      process.nextTick(() => {
        w.corked = false;
        w.res.uncork();
      });
    }
    return w.res.write(line);
  }
}
