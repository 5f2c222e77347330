// The PodMetrics list. metrics-server is a process of its own behind the aggregator, so however
// long it takes to answer, kube-apiserver's watches go on. Here it shares the sim's event loop:
// built whole, 150,000 items held that loop for a second or more every poll, and every Pod change
// stamped meanwhile reached its watchers late (then came in a burst as the churn caught up),
// which the benchmarks counted against the client. So the items are made a slice at a time,
// each slice written, with backpressure, before the next, the loop free in between; and the
// answer is gzipped from 128 KiB for a client that accepts it, as metrics-server's apiserver
// library does.
import type { ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { acceptsGzip, chunkedWriter, GZIP_THRESHOLD, openListBody } from './listing.ts';
import { metricsSource, podMetrics } from './podMetrics.ts';
import type { ListQuery } from './requestQuery.ts';
import { storedResource } from './resources.ts';
import type { SimCore } from './simCore.ts';
import { sendJson } from './status.ts';

/** Items made between two turns of the event loop. */
const SLICE = 256;
const HEAD = '{"kind":"PodMetricsList","apiVersion":"metrics.k8s.io/v1beta1","metadata":{},"items":[';
const TAIL = ']}';

/** Each Running Pod's metrics in the scope, as JSON, in the store's order; Pods created or deleted meanwhile are seen as Map iteration sees them. */
function* metricsItems(core: SimCore, q: ListQuery): Generator<string> {
  const now = core.now();
  const prefix = q.namespace ? `${q.namespace}/` : '';
  for (const [key, e] of core.store.collection(storedResource('pods')).byKey) {
    if (prefix && !key.startsWith(prefix)) continue;
    if (q.filtered && !q.matches(e.selectable())) continue;
    // Without a runtime there is nothing to report: skip the parse.
    const runtime = core.runtimes.get(key);
    const m = runtime && podMetrics(e.metricsSource(metricsSource), runtime, now);
    if (m) yield JSON.stringify(m);
  }
}

export async function serveMetricsList(core: SimCore, res: ServerResponse, q: ListQuery): Promise<void> {
  const items = metricsItems(core, q);
  // What comes before the size is known: a small list goes out whole, with its length.
  const first: string[] = [];
  let bytes = HEAD.length + TAIL.length;
  let next = items.next();
  for (; !next.done && bytes < GZIP_THRESHOLD; next = items.next()) {
    first.push(next.value);
    bytes += next.value.length + 1;
  }
  if (next.done) return sendJson(res, 200, `${HEAD}${first.join(',')}${TAIL}`);
  const body = openListBody(res, acceptsGzip(res));
  const w = chunkedWriter(body);
  w.write(`${HEAD}${first.join(',')}`);
  for (let n = 0; !next.done; next = items.next()) {
    w.write(`,${next.value}`);
    if (++n % SLICE === 0) {
      await w.flush();
      if (res.destroyed) return;
      await nextTurn();
    }
  }
  w.write(TAIL);
  await w.flush();
  body.end();
}
