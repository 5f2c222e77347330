// The list's CPU and MEM figures: one PodMetrics list over the watched scope (a namespace, or
// all) every 15 s, metrics-server's own resolution, into store/podUsage. The answer is read
// item by item as it arrives (listStream), each item cut down to two numbers at once: at
// 100,000 Pods the body is ~40 MB of JSON, which parsed whole would be held at once and
// block the screen for the whole parse. It starts once the
// Pod list is live (the first frame never waits on it) and follows `:ns` and `:ctx`. A metrics
// API that is not served (404) or not allowed (401, 403) stops the poll with one note until
// the scope changes (RBAC is per namespace, the API per cluster); any other failure is noted
// and the next poll tries again. Nothing here throws into the TUI.
import type { KubeConfig } from '@kubernetes/client-node';
import { usageOfPodMetrics } from '../model/podUsage.ts';
import type { PodStore } from '../store/podStore.ts';
import type { PodUsageStore, UsageSample } from '../store/podUsage.ts';
import type { Namespace, ScopeStore } from '../store/scopeSwitch.ts';
import { sanitize } from '../text/sanitize.ts';
import { METRICS_ABSENT_NOTE } from './detailSources.ts';
import { describeError, httpStatus } from './errors.ts';
import { openList } from './request.ts';

/** metrics-server samples every 15 s by default (--metric-resolution); asking more often reads the same figures. */
export const USAGE_POLL_MS = 15_000;

export interface UsagePollOptions {
  kubeConfig: KubeConfig;
  /** The Pod list: the poll waits until it is live. */
  store: PodStore;
  usage: PodUsageStore;
  /** Where the list looks; without it, `namespace` for the whole run. */
  scope?: ScopeStore;
  namespace?: Namespace;
  /** The list is narrowed (TYPE/NAME, -l): only its Pods' metrics are asked for. */
  labelSelector?: string | undefined;
  intervalMs?: number;
}

export interface UsagePoll {
  stop(): Promise<void>;
}

const STOPPING = [401, 403, 404];

function stoppedNote(status: number, namespace: Namespace, note: string): string {
  if (status === 404) return METRICS_ABSENT_NOTE;
  const where = namespace === undefined ? 'in every namespace' : `in namespace "${namespace}"`;
  return `usage: not allowed to list Pod metrics ${where} (${note})`;
}

type ReadResult = { samples: UsageSample[] } | { note: string; status: number | undefined };

/** One PodMetrics list, streamed; a failure is a note with its HTTP status, never a throw. */
async function readSamples(kubeConfig: KubeConfig, namespace: Namespace, labelSelector: string | undefined, signal: AbortSignal): Promise<ReadResult> {
  const base = '/apis/metrics.k8s.io/v1beta1';
  const path = namespace === undefined ? `${base}/pods` : `${base}/namespaces/${encodeURIComponent(namespace)}/pods`;
  try {
    const list = await openList(kubeConfig, path, { labelSelector }, { signal });
    const out: UsageSample[] = [];
    await list.read({ onItems: (items) => collect(items, out) });
    return { samples: out };
  } catch (err) {
    return { note: describeError(err, 'list Pod metrics'), status: httpStatus(err) };
  }
}

export function pollUsage(o: UsagePollOptions): UsagePoll {
  const intervalMs = o.intervalMs ?? USAGE_POLL_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let abort: AbortController | undefined;
  let stopped = false;
  let started = false;
  // The scope the figures are for; a poll that answers for another one is dropped.
  let generation = 0;
  let polled = { context: o.scope?.state.context, namespace: o.scope ? o.scope.state.namespace : o.namespace };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void poll(), ms);
    timer.unref?.();
  };

  async function poll(): Promise<void> {
    if (stopped || inFlight) return;
    const mine = generation;
    const namespace = polled.namespace;
    abort = new AbortController();
    inFlight = (async () => {
      const result = await readSamples(o.kubeConfig, namespace, o.labelSelector, abort.signal);
      if (stopped || mine !== generation) return;
      if ('samples' in result) o.usage.replace(result.samples);
      else if (result.status !== undefined && STOPPING.includes(result.status)) {
        o.usage.unavailable(sanitize(stoppedNote(result.status, namespace, result.note)));
        return; // until the scope changes
      } else o.usage.failed(sanitize(`usage: ${result.note}`));
      schedule(intervalMs);
    })().finally(() => {
      inFlight = undefined;
      // The scope changed while this poll was out: ask again at once, for the new one.
      if (!stopped && mine !== generation) void poll();
    });
    await inFlight;
  }

  const onScope = () => {
    if (!o.scope) return;
    const { context, namespace } = o.scope.state;
    if (context === polled.context && namespace === polled.namespace) return;
    const sameCluster = context === polled.context;
    polled = { context, namespace };
    generation++;
    o.usage.reset(sameCluster);
    clearTimeout(timer);
    abort?.abort();
    if (started) void poll();
  };

  const onStore = () => {
    if (started || o.store.connection.kind !== 'live') return;
    started = true;
    unsubscribeStore();
    void poll();
  };
  const unsubscribeScope = o.scope?.subscribe(onScope) ?? (() => {});
  const unsubscribeStore = o.store.subscribe(onStore);
  onStore();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribeScope();
      unsubscribeStore();
      abort?.abort();
      await inFlight;
    },
  };
}

function collect(items: readonly unknown[], out: UsageSample[]): void {
  for (const item of items) {
    const meta = (item as { metadata?: { namespace?: unknown; name?: unknown } } | null)?.metadata;
    const usage = usageOfPodMetrics(item);
    if (usage && typeof meta?.namespace === 'string' && typeof meta.name === 'string') out.push({ namespace: meta.namespace, name: meta.name, usage });
  }
}
