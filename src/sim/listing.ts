// List responses, written item by item from each object's stored JSON bytes with backpressure,
// so a list of 100,000 Pods is never one string in memory; limit/continue pages over sorted keys.
import type { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { ObjectStore, Entry } from './objectStore.ts';
import type { ListOptions } from './listOptions.ts';
import type { ListQuery } from './requestQuery.ts';
import { apiVersionOf, type ResourceDef } from './resources.ts';
import { lowerBound } from './sortedKeys.ts';
import { badRequest, continueExpired, sendStatus } from './status.ts';
import { rowSource, writeTable, type TableItem } from './table.ts';
import { drained } from './drained.ts';

const CHUNK = 64 * 1024;

/**
 * kube-apiserver (APIResponseCompression, on by default) gzips a response of at least 128 KiB
 * at gzip's fastest level for a client that accepts it; kubectl, client-go and undici's fetch
 * all send `Accept-Encoding: gzip`. Watches are never compressed.
 */
export const GZIP_THRESHOLD = 128 * 1024;
export const acceptsGzip = (res: ServerResponse): boolean => /\bgzip\b/i.test(String(res.req.headers['accept-encoding'] ?? ''));

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

const encodeContinue = (rv: number, lastKey: string): string => Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` } satisfies ContinueToken)).toString('base64url');

function decodeContinue(token: string): ContinueToken | undefined {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    return typeof t.rv === 'number' && typeof t.start === 'string' ? t : undefined;
  } catch {
    return undefined;
  }
}

/** Matching entries in key order, from the continue point, up to limit (0: all). */
export function selectPage(store: ObjectStore, q: ListQuery, start: string, limit: number): { items: Entry[]; more: boolean } {
  const c = store.collection(q.resource);
  const prefix = q.namespace ? `${q.namespace}/` : '';
  let i = lowerBound(c.keys, start > prefix ? start : prefix);
  const items: Entry[] = [];
  for (; i < c.keys.length; i++) {
    const key = c.keys[i];
    if (prefix && !key!.startsWith(prefix)) break;
    const e = c.byKey.get(key!)!;
    if (!q.filtered || q.matches(e.selectable())) {
      if (limit > 0 && items.length === limit) return { items, more: true };
      items.push(e);
    }
  }
  return { items, more: false };
}

/** A writer that batches small pieces into chunks of about 64 KB and waits for the socket to drain. */
export function chunkedWriter(res: Writable): { write(s: string | Buffer): void; flush(): Promise<void> } {
  let buf: Buffer[] = [];
  let size = 0;
  let pending: Promise<void> = Promise.resolve();
  const push = () => {
    const data = Buffer.concat(buf, size);
    buf = [];
    size = 0;
    pending = pending.then(() => (res.destroyed || res.write(data) ? undefined : drained(res)));
  };
  return {
    write(s) {
      const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
      buf.push(b);
      size += b.length;
      if (size >= CHUNK) push();
    },
    async flush() {
      if (size) push();
      await pending;
    },
  };
}

/** Sends a list's 200 headers and returns where its body goes: `res`, or a gzip stream piped into it. */
export function openListBody(res: ServerResponse, gzip: boolean): Writable {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}) });
  if (!gzip) return res;
  const body = createGzip({ level: 1 });
  body.pipe(res);
  // A client that goes away mid-list must not leave the writer waiting on the gzip stream.
  res.once('close', () => body.destroy());
  return body;
}

const COMMA = Buffer.from(',');

export async function serveList(store: ObjectStore, res: ServerResponse, o: ListOptions, q: ListQuery, now: number): Promise<void> {
  // kube-apiserver reads a negative limit as no limit.
  const limit = Math.max(0, o.limit);
  const token = o.continue;
  let listRv = store.rv;
  let start = '';
  if (token) {
    const t = decodeContinue(token);
    if (!t) return sendStatus(res, badRequest('continue key is not valid: illegal base64 data or malformed continue token'));
    if (t.rv < store.continueFloorRv()) return sendStatus(res, continueExpired());
    listRv = t.rv;
    start = t.start;
  }
  const { items, more } = selectPage(store, q, start, limit);
  const cont = more ? encodeContinue(listRv, items[items.length - 1]!.key) : undefined;
  // Every item's stored bytes: the list's size to within its envelope (a table's rows are smaller).
  const gzip = acceptsGzip(res) && items.reduce((n, e) => n + e.bytes.length, 0) >= GZIP_THRESHOLD;
  const body = openListBody(res, gzip);
  const w = chunkedWriter(body);
  if (q.table) {
    writeTable(w.write, q.resource, tableItems(q.resource, items), { resourceVersion: String(listRv), continue: cont }, { now, includeObject: q.table });
  } else {
    const meta = JSON.stringify({ resourceVersion: String(listRv), ...(cont ? { continue: cont } : {}) });
    w.write(`{"kind":"${q.resource.listKind}","apiVersion":"${apiVersionOf(q.resource)}","metadata":${meta},"items":[`);
    for (let i = 0; i < items.length; i++) {
      if (i) w.write(COMMA);
      w.write(items[i]!.bytes);
    }
    w.write(']}');
  }
  await w.flush();
  body.end();
}

function* tableItems(resource: ResourceDef, items: Entry[]): Iterable<TableItem> {
  for (const e of items) yield { source: e.tableSource((o) => rowSource(resource, o)), json: () => e.json };
}
