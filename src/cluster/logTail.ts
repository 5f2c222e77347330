// Tails one container for as long as the view is open: waits while it is still waiting to
// start, marks a restart and goes on with the new instance, reconnects a dropped stream
// without repeating lines, and says when the Pod is gone.
import type { LogOptions } from '@kubernetes/client-node';
import { sanitize } from '../text/sanitize.ts';
import { sleep } from './backoff.ts';
import { timeKey, timestampEnd } from './logLines.ts';
import { instanceId, podContainers, readPod, statusOf, waitingReason, type PodRead } from './logPod.ts';
import { streamOnce, type StreamTarget } from './logStreamOnce.ts';

export interface TailContext extends StreamTarget {
  previous: boolean;
  follow: boolean;
  /** Ask for kubelet timestamps (needed to merge, to show them, and to resume without repeats). */
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  pollMs: number;
  /** One line of the container, sanitized (SGR kept); called on the hot path, so no object. */
  line(ts: string | undefined, text: string, cutBytes: number): void;
  notice(text: string): void;
  /** The tail is waiting (why), streaming (undefined), or finished for good (ended). */
  waiting(reason: string | undefined): void;
}

export type TailOutcome = { kind: 'done'; message?: string } | { kind: 'gone' } | { kind: 'closed' } | { kind: 'error'; message: string };

/** ": OOMKilled, exit 137": why the instance before this one ended, when the kubelet says. */
function restartCause(status: ReturnType<typeof statusOf>): string {
  const last = status?.lastState?.terminated;
  if (!last) return '';
  const parts = [last.reason, typeof last.exitCode === 'number' ? `exit ${last.exitCode}` : undefined].filter(Boolean);
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
}

/** One line for a failed log request, worded for the user. */
function explain(ctx: TailContext, code: number | undefined, read: PodRead): string {
  const who = `${ctx.namespace}/${ctx.pod}`;
  if (code === 403) return `forbidden: you may not read logs of pod ${who} (RBAC: get pods/log)`;
  if (read.kind === 'gone') return `pod ${who} not found`;
  if (read.kind === 'error') return read.message;
  const status = statusOf(read.pod, ctx.container);
  if (!status && !read.pod.spec?.containers?.some((c) => c.name === ctx.container)) return `container ${ctx.container} is not in pod ${who}`;
  if (ctx.previous && !status?.lastState?.terminated) return `container ${ctx.container} has no previous instance (it has not restarted)`;
  const waiting = waitingReason(status);
  if (waiting) return `container ${ctx.container} is waiting to start: ${waiting}`;
  return `cannot read logs of ${ctx.container} in pod ${who}: HTTP ${code ?? 'error'}`;
}

/** Attempts to reach the server after a stream broke before giving up (backoff 100 ms doubling, at most 5 polls each). */
const REACH_ATTEMPTS = 5;

/**
 * A stream broke: not "streaming" while we are cut off; wait for the server to answer again,
 * then mark the gap and let the caller resume from the last line's time. An outcome when
 * there is no way back (server unreachable, Pod gone, nothing to resume from).
 */
async function afterBreak(ctx: TailContext, cause: string, lastTs: string | undefined, received: number): Promise<TailOutcome | undefined> {
  const broken = `log stream of ${ctx.container} broken (${cause})`;
  ctx.waiting(`${broken}; reconnecting`);
  let read: PodRead = { kind: 'error', message: cause };
  for (let attempt = 0; attempt < REACH_ATTEMPTS && !ctx.signal.aborted; attempt++) {
    if (attempt > 0) await sleep(Math.min(ctx.pollMs * 5, 100 * 2 ** attempt), ctx.signal);
    read = await readPod(ctx.kubeConfig, ctx.namespace, ctx.pod);
    if (read.kind !== 'error') break;
  }
  if (ctx.signal.aborted) return { kind: 'closed' };
  if (read.kind === 'gone') return { kind: 'gone' };
  if (read.kind === 'error') return { kind: 'error', message: `${broken} and the server cannot be reached: ${read.message}` };
  // Without kubelet timestamps there is no point to resume from: re-reading would repeat lines.
  if (received > 0 && !lastTs) return { kind: 'error', message: broken };
  ctx.notice(`── ${broken}; resuming${lastTs ? ` after ${lastTs}` : ''} ──`);
  return undefined;
}

export async function runTail(ctx: TailContext): Promise<TailOutcome> {
  let streamed: string | undefined; // instanceId of the instance we last streamed
  let lastTs: string | undefined; // newest line seen, so a reconnect skips what we have
  let lastKey = '';
  let first = true;
  let waitingShown: string | undefined;
  let resumed = false; // this stream re-opened an instance we had lines of: skip those
  let reopens = 0; // re-opens of the same instance in a row, for backoff
  let received = 0; // lines of this tail so far
  const onLine = (raw: string, cutBytes: number) => {
    // Only a stamp we asked for is the kubelet's; without one, a leading time is the application's.
    const sp = ctx.timestamps ? timestampEnd(raw) : -1;
    const ts = sp === -1 ? undefined : raw.slice(0, sp);
    const text = sp === -1 ? raw : raw.slice(sp + 1);
    if (resumed && ts) {
      // A re-opened stream starts at the second of the last line we have: skip up to it.
      if (timeKey(ts) <= lastKey) return;
      resumed = false;
    }
    reopens = 0;
    received++;
    if (ts) lastTs = ts;
    // Keep SGR colours in the buffer; the view drops them unless --log-colors.
    ctx.line(ts, sanitize(text, { keepColors: true }), cutBytes);
  };
  for (;;) {
    if (ctx.signal.aborted) return { kind: 'closed' };
    const read = await readPod(ctx.kubeConfig, ctx.namespace, ctx.pod);
    if (ctx.signal.aborted) return { kind: 'closed' };
    if (read.kind === 'gone') return first ? { kind: 'error', message: `pod ${ctx.namespace}/${ctx.pod} not found` } : { kind: 'gone' };
    if (read.kind === 'error') {
      if (first) return { kind: 'error', message: read.message };
      // The server went away after a stream ended: the same as a stream cut mid-way.
      const outcome = await afterBreak(ctx, 'unexpected EOF', lastTs, received);
      if (outcome) return outcome;
      continue;
    }
    if (!podContainers(read.pod).includes(ctx.container)) return { kind: 'error', message: `container ${ctx.container} is not in pod ${ctx.namespace}/${ctx.pod}` };
    const status = statusOf(read.pod, ctx.container);
    const id = instanceId(status);
    if (!ctx.previous) {
      // A container still waiting has nothing to stream; the one that ran before it does,
      // but only the first time we look (later it would repeat lines we already have).
      const reason = waitingReason(status);
      const canReadLast = first && status?.lastState?.terminated !== undefined && !status?.state?.running;
      if (reason && !canReadLast) {
        if (!ctx.follow) return { kind: 'error', message: `container ${ctx.container} is waiting to start: ${reason}` };
        if (reason !== waitingShown) {
          waitingShown = reason;
          ctx.notice(`container ${ctx.container} is waiting to start: ${reason}`);
        }
        ctx.waiting(reason);
        await sleep(ctx.pollMs, ctx.signal);
        continue;
      }
      if (streamed !== undefined && id !== streamed && status?.state?.running) {
        ctx.notice(`── container ${ctx.container} restarted (restart #${status.restartCount ?? 0}${restartCause(status)}) ──`);
        lastTs = undefined;
        resumed = false;
      } else if (streamed !== undefined && id === streamed && !status?.state?.running) {
        // The instance we streamed has ended and no new one runs yet.
        const ended = status?.state?.terminated;
        if (!waitingShown) ctx.notice(`container ${ctx.container} ${ended ? `exited (${ended.reason ?? `code ${ended.exitCode}`})` : 'stopped'}; waiting for it to restart`);
        waitingShown = 'restart';
        ctx.waiting('waiting for a restart');
        await sleep(ctx.pollMs, ctx.signal);
        continue;
      }
    }
    if (streamed !== undefined && id === streamed) {
      // The same instance still runs: the connection dropped. Back off before re-opening.
      await sleep(Math.min(ctx.pollMs * 5, 100 * 2 ** reopens++), ctx.signal);
      if (ctx.signal.aborted) return { kind: 'closed' };
    }
    waitingShown = undefined;
    ctx.waiting(undefined);
    const options: LogOptions = { follow: ctx.follow && !ctx.previous, timestamps: ctx.timestamps, previous: ctx.previous };
    if (first) {
      if (ctx.tailLines !== undefined && ctx.tailLines >= 0) options.tailLines = ctx.tailLines;
      if (ctx.sinceSeconds) options.sinceSeconds = ctx.sinceSeconds;
    } else if (lastTs && id === streamed) {
      options.sinceTime = `${lastTs.slice(0, 19)}Z`;
      lastKey = timeKey(lastTs);
      resumed = true;
    }
    // client-node cannot send tailLines=0 (it drops falsy values): the nearest request it can make.
    if (first && ctx.tailLines === 0 && !ctx.sinceSeconds) options.sinceSeconds = 1;
    // A container that had already exited when we opened it has told us everything.
    const finishedBefore = !status?.state?.running && status?.state?.terminated !== undefined;
    const end = await streamOnce(ctx, options, onLine);
    if (end.kind === 'closed') return { kind: 'closed' };
    if (end.kind === 'broken') {
      const outcome = await afterBreak(ctx, end.message, lastTs, received);
      if (outcome) return outcome;
      if (lastTs) first = false; // resume by time; with no line yet, ask for the same history again
      streamed = id;
      continue;
    }
    if (end.kind === 'error') {
      const again = await readPod(ctx.kubeConfig, ctx.namespace, ctx.pod);
      const message = explain(ctx, end.code, again);
      const stillWaiting = again.kind === 'pod' && waitingReason(statusOf(again.pod, ctx.container)) !== undefined;
      if (end.code === 400 && ctx.follow && !ctx.previous && stillWaiting) {
        first = false;
        continue;
      }
      return again.kind === 'gone' && !first ? { kind: 'gone' } : { kind: 'error', message };
    }
    first = false;
    streamed = id;
    if (!ctx.follow || ctx.previous || finishedBefore) return { kind: 'done' };
  }
}
