// A log view's streams: one container, or every container of the Pod merged in time order,
// fed into the view's ring buffer. `close()` aborts every request the session opened.
import type { KubeConfig } from '@kubernetes/client-node';
import type { LogRequest } from '../store/requests.ts';
import { LogBuffer } from '../store/logBuffer.ts';
import { appendStreamLine, DEFAULT_MAX_LINE_BYTES } from './logLines.ts';
import { LogMerger } from './logMerge.ts';
import type { LogSessionOptions, OpenedLogSession } from './logSession.ts';
import { openPodsLogSession } from './logsAcrossPods.ts';
import { defaultContainer, podContainers, readPod } from './logPod.ts';
import { runTail, type TailOutcome } from './logTail.ts';

export function openLogSession(kubeConfig: KubeConfig, request: LogRequest, options: LogSessionOptions = {}): OpenedLogSession {
  if (request.pods && request.pods.length > 1) return openPodsLogSession(kubeConfig, request, request.pods, options);
  const buffer = options.buffer ?? new LogBuffer({ capacity: options.bufferLines, frameMs: options.frameMs });
  const abort = new AbortController();
  const { namespace, name } = request;
  const who = `${namespace}/${name}`;
  const tailed: string[] = [];

  async function containersToTail(): Promise<string[] | string> {
    if (request.container && !request.allContainers) return [request.container];
    const read = await readPod(kubeConfig, namespace, name);
    if (read.kind === 'gone') return `pod ${who} not found`;
    if (read.kind === 'error') return read.message;
    if (request.allContainers) return podContainers(read.pod);
    return [defaultContainer(read.pod) ?? ''].filter(Boolean);
  }

  async function run(): Promise<void> {
    const names = await containersToTail();
    if (abort.signal.aborted) return;
    if (typeof names !== 'string') tailed.push(...names);
    if (typeof names === 'string' || names.length === 0) {
      const message = typeof names === 'string' ? names : `pod ${who} has no containers`;
      buffer.setState({ kind: 'error', message });
      return;
    }
    const merged = names.length > 1 || request.allContainers === true;
    const merger = merged ? new LogMerger(names, (c, line) => appendStreamLine(buffer, line.ts, line.text, line.cutBytes, c), options.mergeWindowMs) : undefined;
    abort.signal.addEventListener('abort', () => merger?.close(), { once: true });
    const waiting = new Map<string, string>();
    const showState = () => {
      if (waiting.size === 0) buffer.setState({ kind: 'streaming' });
      else buffer.setState({ kind: 'waiting', message: [...waiting].map(([c, why]) => (merged ? `${c}: ${why}` : why)).join('; ') });
    };
    const tail = (container: string): Promise<TailOutcome> =>
      runTail({
        kubeConfig,
        namespace,
        pod: name,
        container,
        signal: abort.signal,
        maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
        flowControl: options.flowControl,
        previous: request.previous === true,
        // Timestamps unless the caller says it needs none: merging needs them, and so does
        // following (a dropped stream resumes from the last line's time).
        timestamps: merged || request.follow || request.timestamps !== false,
        follow: request.follow,
        tailLines: request.tailLines,
        sinceSeconds: request.sinceSeconds,
        pollMs: options.pollMs ?? 1000,
        onOpen: () => merger?.opened(container),
        line: merger ? (ts, text, cutBytes) => merger.push(container, { ts, text, cutBytes }) : (ts, text, cutBytes) => appendStreamLine(buffer, ts, text, cutBytes),
        notice: (text) => {
          merger?.flush(true);
          buffer.notice(text);
        },
        waiting: (why) => {
          if (why === undefined) waiting.delete(container);
          else {
            waiting.set(container, why);
            merger?.quiet(container);
          }
          showState();
        },
      }).then((outcome) => {
        merger?.quiet(container);
        // One container's failure is a line in the merged stream; a single stream's is the session's state.
        if (outcome.kind === 'error' && merged) buffer.notice(`${container}: ${outcome.message}`);
        return outcome;
      });
    const outcomes = await Promise.all(names.map(tail));
    merger?.close();
    if (abort.signal.aborted) return;
    const errors = outcomes.filter((o): o is Extract<TailOutcome, { kind: 'error' }> => o.kind === 'error');
    if (outcomes.some((o) => o.kind === 'gone')) {
      const message = `pod ${who} was deleted; keeping the ${buffer.size} lines received`;
      buffer.notice(`── ${message} ──`);
      buffer.setState({ kind: 'ended', message });
    } else if (errors.length === outcomes.length) {
      buffer.setState({ kind: 'error', message: errors.map((e) => e.message).join('; ') });
    } else {
      buffer.setState({ kind: 'ended' });
    }
  }

  const done = run().catch((err: unknown) => {
    const message = `logs of ${who}: ${err instanceof Error ? err.message : String(err)}`;
    buffer.setState({ kind: 'error', message });
  });
  return {
    buffer,
    done,
    containers: tailed,
    close() {
      if (abort.signal.aborted) return;
      abort.abort();
      if (buffer.state.kind === 'streaming' || buffer.state.kind === 'connecting' || buffer.state.kind === 'waiting') buffer.setState({ kind: 'ended', message: 'closed' });
    },
  };
}
