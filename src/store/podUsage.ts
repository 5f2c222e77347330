// The live use of the listed Pods (the list's CPU and MEM columns), as the metrics poll
// (cluster/usagePoll.ts) last read it: two numbers per Pod, keyed by namespace and name (a
// PodMetrics object names its Pod but carries no uid). Each poll replaces the whole sample;
// `version` moves on every change so the visible rows draw again.
//
//   usage.replace([{ namespace: 'shop', name: 'web-1', usage: { cpuMilli: 250, memBytes: 2 ** 27 } }])
//   usage.unavailable('usage: the metrics API (metrics.k8s.io) is not served by this cluster')
import type { PodUsage } from '../model/podUsage.ts';

export interface UsageSample {
  namespace: string;
  name: string;
  usage: PodUsage;
}

export interface UsageState {
  /** The metrics API answered the last poll: the columns have something to say. */
  served: boolean;
  /** Why there are no figures (not served, forbidden) or why the last poll failed, in one line. */
  note: string | undefined;
  /** Bumped on every change. */
  version: number;
}

/** A Pod's entry, kept from poll to poll and updated in place. */
interface Held {
  usage: PodUsage;
  /** The last poll that named the Pod. */
  poll: number;
}

export class PodUsageStore {
  private byNamespace = new Map<string, Map<string, Held>>();
  private polls = 0;
  private current: UsageState = { served: false, note: undefined, version: 0 };
  private readonly listeners = new Set<() => void>();

  get state(): UsageState {
    return this.current;
  }

  /** The Pod's last sample, or undefined when metrics-server has none for it. */
  get(namespace: string, name: string): PodUsage | undefined {
    return this.byNamespace.get(namespace)?.get(name)?.usage;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A poll's answer: these samples, and no others. The entries are updated in place rather
   * than made anew: a poll lasts long enough at 150,000 Pods for what it builds to reach V8's
   * old generation, and maps and names made afresh every 15 s (~13 MB there) were garbage that
   * brought the next full collection closer; a Map keeps the key it has, so the poll's own
   * copies of the names die young.
   */
  replace(samples: Iterable<UsageSample>): void {
    const poll = ++this.polls;
    for (const s of samples) {
      let names = this.byNamespace.get(s.namespace);
      if (!names) this.byNamespace.set(s.namespace, (names = new Map()));
      const held = names.get(s.name);
      if (held) {
        held.usage = s.usage;
        held.poll = poll;
      } else names.set(s.name, { usage: s.usage, poll });
    }
    for (const [namespace, names] of this.byNamespace) {
      for (const [name, held] of names) if (held.poll !== poll) names.delete(name);
      if (names.size === 0) this.byNamespace.delete(namespace);
    }
    this.set({ served: true, note: undefined });
  }

  /** The metrics API is not there (or not for this user): no figures, and the poll has stopped. */
  unavailable(note: string): void {
    this.byNamespace = new Map();
    this.set({ served: false, note });
  }

  /**
   * A poll failed for a passing reason (a timeout, a 5xx): the old figures would pass for
   * current ones, so they go; the columns stay, saying why.
   */
  failed(note: string): void {
    this.byNamespace = new Map();
    this.set({ served: this.current.served, note });
  }

  /**
   * The watched scope changed: nothing is known about its Pods yet. Another namespace of the
   * same cluster keeps `served` (the API is still there, the columns do not blink); another
   * context may have no metrics API at all.
   */
  reset(sameCluster: boolean): void {
    this.byNamespace = new Map();
    this.set({ served: sameCluster && this.current.served, note: undefined });
  }

  private set(next: Omit<UsageState, 'version'>): void {
    this.current = { ...next, version: this.current.version + 1 };
    for (const listener of [...this.listeners]) listener();
  }
}
