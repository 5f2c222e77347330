// The log streams of a changing set of Pods: one runTail (logTail.ts: waits, restarts, resumes
// a dropped stream without repeats) per chosen container of each Pod that joins, stopped when
// the Pod leaves. Each start and end is a mark, so a reader knows which streams the output holds.
import type { KubeConfig } from '@kubernetes/client-node';
import type { LeanPod } from '../model/leanPodType.ts';
import { uidOf } from '../store/podStore.ts';
import { DEFAULT_MAX_LINE_BYTES } from './logLines.ts';
import { podContainers } from './logPod.ts';
import { runTail } from './logTail.ts';

export interface StreamRef {
  namespace: string;
  pod: string;
  container: string;
}

export interface FanoutOptions {
  kubeConfig: KubeConfig;
  follow: boolean;
  previous: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** Which containers of a Pod to read (-c / -E). */
  wantContainer(name: string): boolean;
  /** Asked after each chunk; a promise holds every socket's reading (stdout's backpressure). */
  flowControl?: () => Promise<unknown> | undefined;
  /** One line, sanitized with SGR kept; ts is the kubelet timestamp (always asked for). */
  line(ref: StreamRef, ts: string | undefined, text: string, cutBytes: number): void;
  /** `+` a stream started, `-` it ended because its Pod left; notices (restarts, waits, errors) as text. */
  mark(kind: '+' | '-' | '!', ref: StreamRef, text?: string): void;
  /** How long a Pod that left may still deliver its last lines before its streams are cut (ms). */
  leaveGraceMs?: number;
  pollMs?: number;
}

interface Running {
  abort: AbortController;
  ended: Promise<void>;
}

export class LogFanout {
  private readonly streams = new Map<string, Map<string, Running>>();
  private readonly pending = new Set<Promise<void>>();
  private errors = 0;
  private started = 0;
  private closed = false;

  constructor(private readonly options: FanoutOptions) {}

  /** Streams that ended with an error (a forbidden container, a Pod gone before it was read). */
  get failed(): number {
    return this.errors;
  }

  /** Streams started so far. */
  get count(): number {
    return this.started;
  }

  join(pod: LeanPod): void {
    const uid = uidOf(pod);
    if (this.closed || this.streams.has(uid)) return;
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    const running = new Map<string, Running>();
    this.streams.set(uid, running);
    for (const container of podContainers(pod).filter((c) => this.options.wantContainer(c))) {
      const ref: StreamRef = { namespace, pod: name, container };
      const abort = new AbortController();
      this.started++;
      this.options.mark('+', ref);
      const ended = this.tail(ref, abort.signal).finally(() => {
        running.delete(container);
        this.pending.delete(ended);
      });
      this.pending.add(ended);
      running.set(container, { abort, ended });
    }
  }

  /** The Pod left the set: its streams end once they have delivered what they have (or after the grace). */
  leave(pod: LeanPod): void {
    const uid = uidOf(pod);
    const running = this.streams.get(uid);
    if (!running) return;
    this.streams.delete(uid);
    for (const { abort, ended } of running.values()) {
      const timer = setTimeout(() => abort.abort(), this.options.leaveGraceMs ?? 2000);
      void ended.finally(() => clearTimeout(timer));
    }
  }

  /** Settles when every stream started so far has ended (at once without -f, after close with it). */
  async done(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  close(): void {
    this.closed = true;
    for (const running of this.streams.values()) for (const { abort } of running.values()) abort.abort();
    this.streams.clear();
  }

  private async tail(ref: StreamRef, signal: AbortSignal): Promise<void> {
    const o = this.options;
    const outcome = await runTail({
      kubeConfig: o.kubeConfig,
      namespace: ref.namespace,
      pod: ref.pod,
      container: ref.container,
      signal,
      maxLineBytes: DEFAULT_MAX_LINE_BYTES,
      flowControl: o.flowControl,
      previous: o.previous,
      timestamps: true,
      follow: o.follow,
      tailLines: o.tailLines,
      sinceSeconds: o.sinceSeconds,
      pollMs: o.pollMs ?? 1000,
      line: (ts, text, cutBytes) => o.line(ref, ts, text, cutBytes),
      notice: (text) => o.mark('!', ref, text),
      waiting: () => undefined,
    });
    if (outcome.kind === 'error') {
      this.errors++;
      o.mark('!', ref, outcome.message);
    }
    // A Pod that left (deleted, or no longer matching) ends its streams with a mark; so does one
    // the tail found deleted before the watch said so.
    if (outcome.kind === 'gone' || (outcome.kind === 'closed' && !this.closed)) o.mark('-', ref);
  }
}
