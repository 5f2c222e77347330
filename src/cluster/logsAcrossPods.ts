// A log view over several Pods (a filtered list, a workload's replicas): every container of
// each, through the same fan-out as `kubectl podview logs QUERY`, into one buffer with each line
// labelled pod/container. Lines go in as they arrive (each stream in its own order); the
// single-Pod view merges by timestamp, which across 50 Pods would hold every line for the
// slowest one.
import type { KubeConfig } from '@kubernetes/client-node';
import { LogBuffer } from '../store/logBuffer.ts';
import type { LogRequest } from '../store/requests.ts';
import type { PodKey } from '../store/types.ts';
import { LogFanout } from './logFanout.ts';
import { appendStreamLine } from './logLines.ts';
import { podContainers, readPod } from './logPod.ts';
import type { LogSessionOptions, OpenedLogSession } from './logSession.ts';

/** Pods one view follows at most, like the CLI's --max-pods default. */
export const MAX_LOG_PODS = 50;

export function openPodsLogSession(kubeConfig: KubeConfig, request: LogRequest, pods: readonly PodKey[], options: LogSessionOptions = {}): OpenedLogSession {
  const buffer = options.buffer ?? new LogBuffer({ capacity: options.bufferLines, frameMs: options.frameMs });
  const chosen = pods.slice(0, MAX_LOG_PODS);
  const tailed: string[] = [];
  let closed = false;
  if (pods.length > chosen.length) buffer.notice(`following the first ${chosen.length} of ${pods.length} Pods (at most ${MAX_LOG_PODS}): narrow the filter for the others`);
  const fanout = new LogFanout({
    kubeConfig,
    follow: request.follow,
    previous: request.previous === true,
    tailLines: request.tailLines,
    sinceSeconds: request.sinceSeconds,
    pollMs: options.pollMs,
    flowControl: options.flowControl,
    wantContainer: () => true,
    line: (ref, ts, text, cutBytes) => appendStreamLine(buffer, ts, text, cutBytes, `${ref.pod}/${ref.container}`),
    // `+` a stream started, `-` its Pod left, `!` a restart, a wait or an error: one line each.
    mark: (kind, ref, text) => buffer.notice(`${kind} ${ref.pod}/${ref.container}${text ? `: ${text}` : ''}`),
  });

  async function run(): Promise<void> {
    const reads = await Promise.all(chosen.map((pod) => readPod(kubeConfig, pod.namespace, pod.name)));
    if (closed) return;
    let joined = 0;
    reads.forEach((read, i) => {
      const key = chosen[i];
      if (read.kind === 'pod') {
        fanout.join(read.pod);
        tailed.push(...podContainers(read.pod).map((c) => `${read.pod.metadata?.name ?? ''}/${c}`));
        joined++;
      } else if (key) buffer.notice(read.kind === 'gone' ? `pod ${key.namespace}/${key.name} not found` : read.message);
    });
    if (joined === 0) return buffer.setState({ kind: 'error', message: `none of the ${chosen.length} Pods could be read` });
    buffer.setState({ kind: 'streaming' });
    await fanout.done();
    if (!closed) buffer.setState({ kind: 'ended' });
  }

  const done = run().catch((err: unknown) => {
    buffer.setState({ kind: 'error', message: `logs of ${chosen.length} Pods: ${err instanceof Error ? err.message : String(err)}` });
  });
  return {
    buffer,
    done,
    containers: tailed,
    close() {
      if (closed) return;
      closed = true;
      fanout.close();
      if (buffer.state.kind === 'streaming' || buffer.state.kind === 'connecting' || buffer.state.kind === 'waiting') buffer.setState({ kind: 'ended', message: 'closed' });
    },
  };
}
