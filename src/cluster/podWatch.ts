// One list+watch per scope (a namespace, or the whole cluster), the reflector of client-go
// made small: page through the list into the store, drop what the list no longer has, then
// watch from the list's resourceVersion with bookmarks. 410 Gone -> list again. A dropped or
// silent stream -> reconnect from the last resourceVersion, with backoff and jitter.
// The connection state the user sees is always in the store.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import type { PodStore } from '../store/podStore.ts';
import { uidOf } from '../store/podStore.ts';
import type { ConnectionState, WatchDelta } from '../store/types.ts';
import { backoffDelay, DEFAULT_BACKOFF, sleep } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { isNamedObject } from './answerShape.ts';
import { ApiError, describeError, httpStatus, isUnreachable } from './errors.ts';
import { getJson, HttpMethod, openList, sendJson, serverOf, sharedConnections } from './request.ts';
import type { OpenList } from './request.ts';
import { MAX_LIST_ITEM_BYTES } from './listStream.ts';
import { MAX_WATCH_LINE_CHARS, readWatch } from './watchStream.ts';
import type { WatchEvent } from './watchStream.ts';

export interface PodWatchOptions {
  kubeConfig: KubeConfig;
  /** undefined: all namespaces. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  store: PodStore;
  /** Pods per list page (limit/continue). */
  pageSize?: number;
  /** No byte at all (not even a bookmark) for this long -> reconnect. */
  stallTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** Per list request; undefined: none. */
  requestTimeoutMs?: number;
  random?: () => number;
  /**
   * The first list waits for this (tui.ts: a named Pod's first frame, drawn from its own reads),
   * so that reading and keeping the list does not compete with that frame.
   */
  startAfter?: Promise<unknown>;
}

export interface PodWatch {
  stop(): Promise<void>;
}

interface PodList {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: V1Pod[];
}

export function podsPath(namespace?: string): string {
  return namespace === undefined ? '/api/v1/pods' : `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
}

function scopeText(namespace?: string): string {
  return namespace === undefined ? 'list pods at the cluster scope' : `list pods in namespace "${namespace}"`;
}

/** Starts the list+watch loop; throws at once if the kubeconfig has no current cluster. */
export function startPodWatch(options: PodWatchOptions): PodWatch {
  serverOf(options.kubeConfig);
  const stopper = new AbortController();
  const loop = runLoop(options, stopper.signal);
  return {
    async stop() {
      stopper.abort();
      await loop;
    },
  };
}

async function runLoop(options: PodWatchOptions, signal: AbortSignal): Promise<void> {
  const { store } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const server = serverOf(options.kubeConfig);
  let resourceVersion: string | undefined;
  let attempt = 0;
  const dropped: Skipped = { lines: 0, notPods: 0, oversized: 0 };
  store.setConnection({ kind: 'connecting' });
  const { startAfter } = options;
  if (startAfter) {
    await new Promise<void>((resolve) => {
      startAfter.then(
        () => resolve(),
        () => resolve(),
      );
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }
  while (!signal.aborted) {
    let reason: string;
    try {
      if (resourceVersion === undefined) resourceVersion = await listInto(options, signal, dropped);
      if (signal.aborted) return;
      const outcome = await watchFrom(options, resourceVersion, signal, dropped, () => {
        attempt = 0;
      });
      resourceVersion = outcome.resourceVersion;
      if (outcome.gone) {
        resourceVersion = undefined; // history compacted past us: list again, reconcile
        attempt++; // a server that answers every fresh list with 410 again must not be hammered
        if (attempt > 1) await sleep(backoffDelay(attempt - 1, backoff, random), signal);
        continue;
      }
      if (outcome.end === 'aborted') return;
      reason = outcome.end === 'stalled' ? 'the watch went silent' : outcome.end === 'closed' ? 'the server closed the watch' : outcome.reason;
      if (outcome.end === 'closed' && outcome.sawData) continue; // normal end of a long watch (server timeout): resume at once, quietly
    } catch (err) {
      if (signal.aborted) return;
      if (httpStatus(err) === 410) {
        resourceVersion = undefined;
        attempt++;
        if (attempt > 1) await sleep(backoffDelay(attempt - 1, backoff, random), signal);
        continue;
      }
      const status = httpStatus(err);
      const message = describeError(err, scopeText(options.namespace), server);
      if (status === 403 || status === 401) {
        store.setConnection({ kind: 'forbidden', message });
      } else if (isUnreachable(err)) {
        store.setConnection({ kind: 'unreachable', message });
      } else {
        store.setConnection({ kind: 'reconnecting', attempt: attempt + 1, reason: message });
      }
      attempt++;
      await sleep(backoffDelay(attempt, backoff, random), signal);
      continue;
    }
    attempt++;
    store.setConnection({ kind: 'reconnecting', attempt, reason });
    await sleep(backoffDelay(attempt, backoff, random), signal);
  }
}

/** What a server sent that could not be shown, counted over the whole run of the watch. */
interface Skipped {
  /** Watch lines over the cap (the watch reconnects after each). */
  lines: number;
  /** List items and watch objects that are no named object. */
  notPods: number;
  /** List items over the cap. */
  oversized: number;
}

function liveState(skipped: Skipped): ConnectionState {
  const parts: string[] = [];
  if (skipped.notPods > 0) parts.push(`${skipped.notPods} ${skipped.notPods === 1 ? 'item that is' : 'items that are'} no Pod skipped`);
  if (skipped.oversized > 0) parts.push(`${skipped.oversized} over ${MAX_LIST_ITEM_BYTES / 2 ** 20} MiB skipped`);
  return parts.length > 0 ? { kind: 'live', skipped: parts.join(', ') } : { kind: 'live' };
}

/**
 * Pages through the list into the store; returns the list's resourceVersion. Each page's Pods
 * are applied as they arrive (listStream.ts), and the next page is asked for as soon as this
 * one's continue token is in (before its items, from kube-apiserver), so the server is already
 * answering it while this one is read: the round trips overlap instead of adding up. The pages
 * share one connection pool, closed when the list is done.
 */
async function listInto(options: PodWatchOptions, signal: AbortSignal, skipped: Skipped): Promise<string> {
  const { store } = options;
  const seen = new Set<string>();
  let loaded = 0;
  let resourceVersion = '';
  const connections = sharedConnections(options.kubeConfig);
  // Set once a continue token has expired: the list is asked for again in one piece.
  let whole = false;
  let pagesRead = 0;
  const openPage = (cont: string | undefined) => {
    const page = openList(
      connections.kubeConfig,
      podsPath(options.namespace),
      { limit: whole ? undefined : (options.pageSize ?? 500), continue: cont, labelSelector: options.labelSelector, fieldSelector: options.fieldSelector },
      { signal, timeoutMs: options.requestTimeoutMs },
    );
    // An abandoned prefetch (this page fails) must not surface as an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  const onItems = (items: unknown[]) => {
    const deltas: WatchDelta[] = [];
    for (const item of items) {
      // A nameless object (or one whose name is not a string) would be a row nobody can open.
      if (!isNamedObject(item)) {
        skipped.notPods++;
        continue;
      }
      const pod = item as V1Pod;
      seen.add(uidOf(pod));
      deltas.push({ type: 'ADDED', pod });
    }
    store.apply(deltas);
    loaded += deltas.length;
  };
  store.setConnection({ kind: 'loading', loaded });
  // The request for the page after the one being read (set from inside the read's callback).
  const ahead: { next?: Promise<OpenList> } = { next: openPage(undefined) };
  const askNext = (list: PodList) => {
    const cont = list.metadata?.continue || undefined;
    if (cont && !ahead.next && !signal.aborted) ahead.next = openPage(cont);
  };
  try {
    while (ahead.next) {
      const asked = ahead.next;
      ahead.next = undefined;
      let page: OpenList;
      try {
        page = await asked;
      } catch (err) {
        // A continue token outlives only the server's compaction of its history (etcd's, about
        // 5 minutes; less on a busy cluster): a list slower than that would start over and
        // expire again, page after page. As client-go's pager does, the list is then asked
        // for whole, one answer from one snapshot, read item by item as ever.
        if (whole || pagesRead === 0 || httpStatus(err) !== 410) throw err;
        whole = true;
        seen.clear();
        loaded = 0;
        store.setConnection({ kind: 'loading', loaded });
        ahead.next = openPage(undefined);
        continue;
      }
      const rest: PodList = await page.read({ onItems, onHead: askNext, onOversized: () => skipped.oversized++ });
      pagesRead++;
      if (signal.aborted) return resourceVersion;
      askNext(rest); // a server that sends the list's metadata after its items
      resourceVersion = rest.metadata?.resourceVersion ?? resourceVersion;
      store.setConnection({ kind: 'loading', loaded });
    }
  } finally {
    // A page asked for and never read (this one failed, or the watch stopped): let its body go.
    void ahead.next?.then(
      (p) => p.cancel(),
      () => undefined,
    );
    connections.close();
  }
  store.pruneExcept(seen, resourceVersion);
  return resourceVersion;
}

interface WatchOutcome {
  resourceVersion: string;
  gone: boolean;
  end: 'closed' | 'stalled' | 'aborted' | 'error';
  reason: string;
  sawData: boolean;
}

async function watchFrom(options: PodWatchOptions, from: string, signal: AbortSignal, dropped: Skipped, onData: () => void): Promise<WatchOutcome> {
  const { store } = options;
  let resourceVersion = from;
  let gone = false;
  let errorReason = '';
  let sawData = false;
  const end = await readWatch({
    kubeConfig: options.kubeConfig,
    path: podsPath(options.namespace),
    // Like client-go, ask the server to end each watch after 5-10 minutes so no proxy holds a dead one forever.
    query: { resourceVersion: from, allowWatchBookmarks: true, timeoutSeconds: Math.floor(300 + Math.random() * 300), labelSelector: options.labelSelector, fieldSelector: options.fieldSelector },
    stallTimeoutMs: options.stallTimeoutMs ?? 90_000,
    signal,
    onOpen: () => store.setConnection(liveState(dropped)),
    onBatch: (events: WatchEvent[]) => {
      if (!sawData && events.some((e) => e.type !== 'ERROR')) {
        sawData = true;
        onData();
      }
      const deltas: WatchDelta[] = [];
      for (const event of events) {
        if (event.type === 'ERROR') {
          if (deltas.length > 0) store.apply(deltas);
          const code = (event.object as { code?: unknown }).code;
          if (code === 410) gone = true;
          else errorReason = describeError(new ApiError(typeof code === 'number' ? code : 500, serverOf(options.kubeConfig), event.object), 'watch pods');
          store.resourceVersion = resourceVersion;
          return false;
        }
        const rv = event.object.metadata?.resourceVersion;
        if (typeof rv === 'string' && rv) resourceVersion = rv;
        if ((event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED') && !isNamedObject(event.object)) {
          dropped.notPods++;
          store.setConnection(liveState(dropped));
        } else if (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED') {
          deltas.push({ type: event.type, pod: event.object as V1Pod });
        }
      }
      if (deltas.length > 0) store.apply(deltas);
      store.resourceVersion = resourceVersion;
      return true;
    },
  });
  if (end.kind === 'error' && httpStatus(end.error) === 410) gone = true;
  if (end.kind === 'error' && !gone) throw end.error;
  if (end.kind === 'oversized') errorReason = `a watch event over ${MAX_WATCH_LINE_CHARS / 2 ** 20} MiB was dropped unread (${++dropped.lines} so far)`;
  if (end.kind === 'dropped') errorReason = `the watch connection dropped (${describeError(end.error, 'watch pods').replace(/^cannot [^:]*: /, '')})`;
  const kind = end.kind === 'stopped' ? (gone ? 'closed' : 'error') : end.kind === 'error' || end.kind === 'dropped' || end.kind === 'oversized' ? 'error' : end.kind;
  return { resourceVersion, gone, end: kind, reason: errorReason || 'the watch failed', sawData };
}

export type ListAccess = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether the current user may list Pods in `namespace` (undefined: cluster-wide), asked with a
 * SelfSubjectAccessReview; if the review API itself is unavailable, a one-item list answers.
 */
export async function canListPods(kubeConfig: KubeConfig, namespace?: string): Promise<ListAccess> {
  try {
    const review = await sendJson<{ status?: { allowed?: boolean; reason?: string } }>(kubeConfig, HttpMethod.POST, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'list', resource: 'pods', namespace: namespace ?? '' } },
    });
    if (review.status?.allowed) return { allowed: true };
    const why = review.status?.reason ? ` (${review.status.reason})` : '';
    return { allowed: false, reason: `forbidden: cannot ${scopeText(namespace)}${why}` };
  } catch (err) {
    if (httpStatus(err) === 401) return { allowed: false, reason: describeError(err, scopeText(namespace)) };
    if (isUnreachable(err)) throw err;
  }
  try {
    await getJson(kubeConfig, podsPath(namespace), { limit: 1 });
    return { allowed: true };
  } catch (err) {
    if (httpStatus(err) === 403 || httpStatus(err) === 401) return { allowed: false, reason: describeError(err, scopeText(namespace)) };
    throw err;
  }
}
