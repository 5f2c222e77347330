// The list's CPU and MEM figures: one PodMetrics list over the watched scope (a namespace, or
// all) every 15 s, metrics-server's own resolution, into store/podUsage. It starts once the
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
import { listMetrics, METRICS_ABSENT_NOTE } from './detailSources.ts';

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
  intervalMs?: number;
}

export interface UsagePoll {
  stop(): Promise<void>;
}

const STOPPING = [401, 403, 404];

function stoppedNote(status: number, namespace: Namespace, note: string | undefined): string {
  if (status === 404) return METRICS_ABSENT_NOTE;
  const where = namespace === undefined ? 'in every namespace' : `in namespace "${namespace}"`;
  return `usage: not allowed to list Pod metrics ${where}${note ? ` (${note})` : ''}`;
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
      const result = await listMetrics(o.kubeConfig, namespace, undefined, { signal: abort.signal }).catch((err: unknown) => ({ items: [], note: `metrics: ${String(err)}`, status: undefined }));
      if (stopped || mine !== generation) return;
      if (result.status !== undefined && STOPPING.includes(result.status)) {
        o.usage.unavailable(sanitize(stoppedNote(result.status, namespace, result.note)));
        return; // until the scope changes
      }
      if (result.note !== undefined) o.usage.failed(sanitize(result.note));
      else o.usage.replace(samples(result.items));
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

function* samples(items: readonly unknown[]): Generator<UsageSample> {
  for (const item of items) {
    const meta = (item as { metadata?: { namespace?: unknown; name?: unknown } }).metadata;
    const usage = usageOfPodMetrics(item);
    if (usage && typeof meta?.namespace === 'string' && typeof meta.name === 'string') yield { namespace: meta.namespace, name: meta.name, usage };
  }
}
