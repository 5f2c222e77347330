// The sim's log store: per container, the current instance and the one before it.
// Lines come from the scenario's LogProfile (generated lazily by elapsed time when the
// server is live, and by a timer while someone follows), from emit() in tests, and from
// firehose() in benchmarks. A restart seen on the Pod rolls the instance over.
import type { V1Pod } from '@kubernetes/client-node';
import type { PodRef, SimWorld } from '../world.ts';
import { ContainerInstance, DEFAULT_HISTORY_LINES, type Follower } from './instance.ts';
import { containerStatus, startedMs } from './podContainers.ts';
import { firehoseInto, type FirehoseOptions } from './firehose.ts';

export interface LogHubOptions {
  /** Generate lines from each container's LogProfile as time passes. */
  live?: boolean;
  /** Lines kept per container instance. */
  historyLines?: number;
}

export interface LogHub {
  /** Appends lines to the container's current instance, now, and writes them to followers. */
  emit(namespace: string, pod: string, container: string, lines: string[]): void;
  /** Writes `count` numbered lines as fast as followers take them; resolves when all are handed to the sockets. */
  firehose(namespace: string, pod: string, container: string, count: number, options?: FirehoseOptions): Promise<void>;
  /** Open follow streams, in total or for one Pod. */
  followers(namespace?: string, pod?: string): number;
  close(): void;
}

export interface ContainerLogs {
  current: ContainerInstance;
  previous?: ContainerInstance;
  liveTimer?: NodeJS.Timeout;
}

const hubs = new WeakMap<SimWorld, LogHubImpl>();

export function createLogHub(world: SimWorld, options: LogHubOptions = {}): LogHub {
  const hub = new LogHubImpl(world, options);
  hubs.set(world, hub);
  return hub;
}

/** The hub serving a world; one without live generation is made on first use. */
export function hubFor(world: SimWorld): LogHubImpl {
  let hub = hubs.get(world);
  if (!hub) {
    hub = new LogHubImpl(world, {});
    hubs.set(world, hub);
  }
  return hub;
}

const key = (ns: string, pod: string, container: string) => `${ns}/${pod}/${container}`;

export class LogHubImpl implements LogHub {
  private readonly containers = new Map<string, ContainerLogs>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly world: SimWorld,
    private readonly options: LogHubOptions,
  ) {
    this.unsubscribe = world.onPodChange((type, ref) => (type === 'DELETED' ? this.podDeleted(ref) : this.podChanged(ref)));
  }

  /** The container's logs, created on first use from what the Pod says about it. */
  logs(namespace: string, podName: string, container: string): ContainerLogs {
    const k = key(namespace, podName, container);
    let entry = this.containers.get(k);
    if (!entry) {
      const pod = this.world.pod(namespace, podName);
      const status = pod ? containerStatus(pod, container) : undefined;
      const restarts = status?.restartCount ?? 0;
      const current = this.newInstance(restarts, startedMs(status, this.world.now()));
      if (status?.state?.terminated) current.ended = true;
      entry = { current };
      const earlier = this.world.runtime(namespace, podName)?.containers[container]?.previousLogs;
      if (restarts > 0 || status?.lastState?.terminated) {
        const finished = status?.lastState?.terminated?.finishedAt;
        const endMs = finished ? new Date(finished).getTime() : current.startedMs;
        const previous = this.newInstance(Math.max(0, restarts - 1), endMs);
        const lines = earlier ?? [];
        for (const [i, text] of lines.entries()) previous.store({ ...previous.stamp(endMs - (lines.length - i) * 10), text });
        previous.ended = true;
        entry.previous = previous;
      }
      this.containers.set(k, entry);
    }
    if (this.options.live) this.catchUp(namespace, podName, container, entry.current);
    return entry;
  }

  emit(namespace: string, pod: string, container: string, lines: string[]): void {
    const instance = this.logs(namespace, pod, container).current;
    const now = this.world.now();
    for (const line of lines) instance.append(line, now);
  }

  firehose(namespace: string, pod: string, container: string, count: number, options: FirehoseOptions = {}): Promise<void> {
    return firehoseInto(
      () => this.logs(namespace, pod, container).current,
      () => this.world.now(),
      count,
      options,
    );
  }

  followers(namespace?: string, pod?: string): number {
    let n = 0;
    const prefix = namespace !== undefined && pod !== undefined ? `${namespace}/${pod}/` : '';
    for (const [k, entry] of this.containers) if (k.startsWith(prefix)) n += entry.current.followers.size + (entry.previous?.followers.size ?? 0);
    return n;
  }

  /** Attaches a follow stream; starts the live line timer while anyone follows. */
  follow(namespace: string, pod: string, container: string, instance: ContainerInstance, follower: Follower): () => void {
    instance.followers.add(follower);
    const entry = this.logs(namespace, pod, container);
    const rate = this.world.runtime(namespace, pod)?.containers[container]?.logs.ratePerSecond ?? 0;
    if (this.options.live && rate > 0 && !entry.liveTimer && instance === entry.current) {
      entry.liveTimer = setInterval(() => this.catchUp(namespace, pod, container, entry.current), Math.max(20, 1000 / rate));
    }
    return () => {
      instance.followers.delete(follower);
      if (entry.liveTimer && entry.current.followers.size === 0) {
        clearInterval(entry.liveTimer);
        entry.liveTimer = undefined;
      }
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    for (const entry of this.containers.values()) this.stop(entry);
    this.containers.clear();
  }

  private newInstance(restartCount: number, started: number): ContainerInstance {
    return new ContainerInstance(restartCount, started, this.options.historyLines ?? DEFAULT_HISTORY_LINES);
  }

  /** Writes the profile's lines owed for the time elapsed since the instance started. */
  private catchUp(namespace: string, pod: string, container: string, instance: ContainerInstance): void {
    if (instance.ended) return;
    const profile = this.world.runtime(namespace, pod)?.containers[container]?.logs;
    if (!profile || profile.ratePerSecond <= 0) return;
    // Only a running container writes; one still waiting to start has no lines yet.
    const podObject = this.world.pod(namespace, pod);
    if (!podObject || !containerStatus(podObject, container)?.state?.running) return;
    const now = this.world.now();
    const owed = Math.floor(((now - instance.startedMs) * profile.ratePerSecond) / 1000);
    // Only the newest lines that fit the history are worth making.
    let n = Math.max(instance.generated, owed - (this.options.historyLines ?? DEFAULT_HISTORY_LINES));
    for (; n < owed; n++) {
      const at = instance.startedMs + (n * 1000) / profile.ratePerSecond;
      instance.append(String(profile.line(n, at)).replace(/\n/g, ' '), at);
    }
    instance.generated = Math.max(instance.generated, owed);
  }

  private podChanged(ref: PodRef): void {
    const { namespace: ns, name } = ref;
    const prefix = `${ns}/${name}/`;
    let pod: V1Pod | undefined; // parsed only for a Pod whose logs someone has asked for
    for (const [k, entry] of this.containers) {
      if (!k.startsWith(prefix)) continue;
      pod ??= ref.pod();
      const status = containerStatus(pod, k.slice(prefix.length));
      if (!status) continue;
      if ((status.restartCount ?? 0) > entry.current.restartCount) {
        // A new instance: the old one's followers see their stream end, as with a real kubelet.
        entry.current.end();
        entry.previous = entry.current;
        entry.current = this.newInstance(status.restartCount ?? 0, startedMs(status, this.world.now()));
        if (entry.liveTimer) {
          clearInterval(entry.liveTimer);
          entry.liveTimer = undefined;
        }
      } else if (status.state?.running && entry.current.size === 0 && entry.current.generated === 0) {
        // It was waiting when first seen: its lines are counted from when it really started.
        entry.current.startedMs = startedMs(status, this.world.now());
      } else if (status.state?.terminated && !entry.current.ended) {
        if (this.options.live) this.catchUp(ns, name, k.slice(prefix.length), entry.current);
        entry.current.end();
      }
    }
  }

  private podDeleted(ref: PodRef): void {
    const prefix = `${ref.namespace}/${ref.name}/`;
    for (const [k, entry] of this.containers) {
      if (!k.startsWith(prefix)) continue;
      this.stop(entry);
      this.containers.delete(k);
    }
  }

  private stop(entry: ContainerLogs): void {
    if (entry.liveTimer) clearInterval(entry.liveTimer);
    entry.liveTimer = undefined;
    entry.current.end();
    entry.previous?.end();
  }
}
