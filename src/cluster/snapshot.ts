// One-shot reads for `--once` / `-o json`: Pods a page at a time (100,000 Pods never sit in
// one response), and the details of many Pods with one list per kind and scope instead of
// one call per Pod.
import type { CoreV1Event, KubeConfig, V1Pod } from '@kubernetes/client-node';
import type { PodDetails } from '../store/types.ts';
import { droppedNote, listItems, podsOf } from './answerShape.ts';
import { describeError, UserError } from './errors.ts';
import { podsPath } from './podWatch.ts';
import { getJson, serverOf, sharedConnections } from './request.ts';
import { eventsByInvolvedUid, listEvents, listMetrics, notesFor, resolveOwners, usageFromMetrics } from './detailSources.ts';
import type { OwnerCache, PodMetrics } from './detailSources.ts';

export interface ListOnceOptions {
  kubeConfig: KubeConfig;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  pageSize?: number;
  timeoutMs?: number;
  /** Told once per page that had items which are not Pods (null, a number, no name). */
  notice?: (line: string) => void;
}

type PodPage = { metadata?: { continue?: string }; items?: unknown };

/**
 * Yields the Pods page by page, in the server's order. Errors become one-line UserErrors.
 * The next page is asked for as soon as this one's continue token is known, so the server
 * prepares it while this one is turned into output: at most two pages are alive at once.
 * All pages go over one connection.
 */
export async function* listPodsOnce(options: ListOnceOptions): AsyncGenerator<V1Pod[]> {
  const connections = sharedConnections(options.kubeConfig);
  const scope = options.namespace === undefined ? 'list pods at the cluster scope' : `list pods in namespace "${options.namespace}"`;
  const fetchPage = async (cont: string | undefined): Promise<PodPage> => {
    try {
      return await getJson<PodPage>(
        connections.kubeConfig,
        podsPath(options.namespace),
        {
          limit: options.pageSize ?? 500,
          continue: cont,
          labelSelector: options.labelSelector,
          fieldSelector: options.fieldSelector,
        },
        { timeoutMs: options.timeoutMs },
      );
    } catch (err) {
      throw new UserError(describeError(err, scope, serverOf(options.kubeConfig)));
    }
  };
  let next: Promise<PodPage> | undefined = fetchPage(undefined);
  try {
    while (next) {
      const page: PodPage = await next;
      const { pods, dropped } = podsOf(listItems(page, 'PodList', scope, serverOf(options.kubeConfig)));
      if (dropped > 0) options.notice?.(droppedNote(dropped, 'pod list'));
      const cont = (typeof page.metadata?.continue === 'string' && page.metadata.continue) || undefined;
      next = cont ? fetchPage(cont) : undefined;
      // A prefetch that fails while this page is still being written is awaited (and thrown)
      // only afterwards; until then it must not count as an unhandled rejection.
      next?.catch(() => undefined);
      yield pods;
    }
  } finally {
    connections.close();
  }
}

export interface BulkDetails {
  /** Details for these Pods, keyed by uid; the first call reads events and metrics for the scope. */
  forPods(pods: readonly V1Pod[]): Promise<Map<string, PodDetails>>;
}

/**
 * Events, owners and usage for many Pods at once. Events and metrics are listed once for the
 * scope (a namespace, or cluster-wide when `namespace` is undefined), however many pages of
 * Pods are then asked about; each distinct owner is read once.
 */
export function bulkDetails(kubeConfig: KubeConfig, namespace?: string): BulkDetails {
  const owners: OwnerCache = new Map();
  let sources: Promise<{ events: Map<string, CoreV1Event[]>; metrics: Map<string, PodMetrics>; notes: string[]; eventsOk: boolean }> | undefined;
  const load = () =>
    (sources ??= Promise.all([listEvents(kubeConfig, namespace), listMetrics(kubeConfig, namespace)]).then(([events, metrics]) => ({
      events: eventsByInvolvedUid(events.items),
      metrics: new Map(metrics.items.map((m) => [`${m.metadata?.namespace}/${m.metadata?.name}`, m])),
      notes: notesFor([events, metrics]),
      eventsOk: events.note === undefined,
    })));
  return {
    async forPods(pods) {
      const { events, metrics, notes, eventsOk } = await load();
      const out = new Map<string, PodDetails>();
      for (const pod of pods) {
        const uid = pod.metadata?.uid;
        if (!uid) continue;
        const sample = metrics.get(`${pod.metadata?.namespace}/${pod.metadata?.name}`);
        out.set(uid, {
          events: eventsOk ? (events.get(uid) ?? []) : undefined,
          owners: await resolveOwners(kubeConfig, pod, owners),
          usage: sample ? usageFromMetrics(sample) : undefined,
          notes,
        });
      }
      return out;
    },
  };
}

/** One-call form of bulkDetails for a single batch of Pods. */
export function detailsForPods(kubeConfig: KubeConfig, pods: readonly V1Pod[], namespace?: string): Promise<Map<string, PodDetails>> {
  return bulkDetails(kubeConfig, namespace).forPods(pods);
}
