// `kubectl podview logs QUERY`: the logs of every Pod a query means (stern's job). Lines print
// merged in kubelet time order, as `logs POD --all-containers` merges one Pod's containers: a line
// waits at most the reorder window for a silent stream, and one later than that prints where it
// arrives and is counted (stern prints in arrival order). Each is prefixed `pod container │ ` in
// colours that come from the names (the same every run), or as raw text or one JSON object per
// line. Marks (`+ pod/container` when a stream starts, `- pod/container` when its Pod left) and
// notices go to stderr, so stdout stays the logs.
import type { KubeConfig } from '@kubernetes/client-node';
import { UserError } from '../cluster/errors.ts';
import { followPodSet, listMatching } from '../cluster/livePodSet.ts';
import { LogFanout, type StreamRef } from '../cluster/logFanout.ts';
import { parseQuery, resolveQuery } from '../cluster/podQuery.ts';
import { sanitize } from '../text/sanitize.ts';
import { containerSgr } from '../ui/logs/containerColor.ts';
import type { LogsArgs } from './commandTypes.ts';
import { parseSince } from './logsCommand.ts';
import { lateLinesNote } from './lateLines.ts';
import { holdYoungGenerationSmall } from './runtime/youngGeneration.ts';

export const DEFAULT_MAX_PODS = 50;

export interface LogsMultiOptions extends Omit<LogsArgs, keyof import('./commandTypes.ts').ClusterArgs | 'color'> {
  kubeConfig: KubeConfig;
  /** undefined: every namespace (-A). */
  namespace: string | undefined;
  labelSelector?: string;
  fieldSelector?: string;
  color: boolean;
  stdout: NodeJS.WritableStream & { writableNeedDrain?: boolean };
  stderr: NodeJS.WritableStream;
  /** Resolves when a follow should end (the CLI: never; tests: when they have seen enough). */
  until?: Promise<void>;
  /** Passed to the tails (ms): how often a waiting container is looked at again. */
  pollMs?: number;
}

function regex(text: string | undefined, flag: string): RegExp | undefined {
  if (text === undefined) return undefined;
  try {
    return new RegExp(text);
  } catch {
    throw new UserError(`invalid value "${text}" for ${flag}: not a regular expression`);
  }
}

/** The formatter for one output line; the prefix is built once per stream. */
function lineFormat(options: LogsMultiOptions): (ref: StreamRef, ts: string | undefined, text: string) => string {
  const output = options.output ?? 'text';
  const prefixes = new Map<string, string>();
  const prefixOf = (ref: StreamRef): string => {
    const key = `${ref.namespace}/${ref.pod}/${ref.container}`;
    let prefix = prefixes.get(key);
    if (prefix === undefined) {
      // Names come from the cluster: sanitized like every other text from it.
      const pod = sanitize(options.namespace === undefined ? `${ref.namespace}/${ref.pod}` : ref.pod);
      const container = sanitize(ref.container);
      prefix = options.color ? `${containerSgr(pod)} ${containerSgr(container)} │ ` : `${pod} ${container} │ `;
      prefixes.set(key, prefix);
    }
    return prefix;
  };
  if (output === 'json') {
    return (ref, ts, text) => `${JSON.stringify({ namespace: ref.namespace, pod: ref.pod, container: ref.container, timestamp: ts ?? null, message: text })}\n`;
  }
  const stamp = (ts: string | undefined) => (options.timestamps && ts ? `${ts} ` : '');
  if (output === 'raw' || options.prefix === false) return (_ref, ts, text) => `${stamp(ts)}${text}\n`;
  return (ref, ts, text) => `${prefixOf(ref)}${stamp(ts)}${text}\n`;
}

/** Whether `logs` was asked about several Pods: a query, a selector, or a flag only a query takes. */
export function isMultiQuery(args: LogsArgs): boolean {
  if (!args.pod || args.pod.includes('/') || args.allNamespaces || args.selector !== undefined || args.fieldSelector !== undefined) return true;
  return [args.excludeContainer, args.include, args.exclude, args.maxPods, args.output, args.prefix].some((v) => v !== undefined);
}

export async function runLogsMulti(options: LogsMultiOptions): Promise<number> {
  const { stdout, stderr } = options;
  const maxPods = options.maxPods ?? DEFAULT_MAX_PODS;
  if (!Number.isInteger(maxPods) || maxPods < 1) throw new UserError(`invalid value for --max-pods: want a whole number of Pods, at least 1`);
  const sinceSeconds = options.since === undefined ? undefined : parseSince(options.since);
  if (options.since !== undefined && sinceSeconds === undefined) throw new UserError(`invalid value "${options.since}" for --since: use a duration like 30s, 5m, 1h`);
  const onlyContainers = regex(options.container, '-c/--container');
  const skipContainers = regex(options.excludeContainer, '-E/--exclude-container');
  const include = regex(options.include, '-i/--include');
  const exclude = regex(options.exclude, '-e/--exclude');
  const query = await resolveQuery(options.kubeConfig, parseQuery(options.pod || undefined), options.namespace, options.labelSelector, options.fieldSelector);
  const scope = options.namespace === undefined ? 'any namespace' : `namespace ${options.namespace}`;
  const initial = await listMatching(options.kubeConfig, query, options.namespace);
  if (initial.length > maxPods) {
    throw new UserError(`${initial.length} Pods match ${query.label} in ${scope}, more than --max-pods ${maxPods}: narrow the query (a longer name, -l SELECTOR, TYPE/NAME) or raise --max-pods`);
  }
  if (initial.length === 0 && !options.follow) throw new UserError(`no Pod matches ${query.label} in ${scope}`);
  if (initial.length === 0) stderr.write(`waiting for Pods matching ${sanitize(query.label)} in ${sanitize(scope)}\n`);

  const format = lineFormat(options);
  let broken = false;
  let cut = 0;
  let late = 0;
  const fanout = new LogFanout({
    kubeConfig: options.kubeConfig,
    follow: options.follow,
    previous: options.previous,
    tailLines: options.tail === undefined || options.tail < 0 ? undefined : options.tail,
    sinceSeconds,
    pollMs: options.pollMs,
    wantContainer: (c) => (!onlyContainers || onlyContainers.test(c)) && skipContainers?.test(c) !== true,
    // One slow stdout holds every socket: nothing is read that could not be written.
    flowControl: () => (stdout.writableNeedDrain && !broken ? new Promise((resolve) => stdout.once('drain', resolve)) : undefined),
    line(ref, ts, raw, cutBytes, outOfOrder) {
      if (broken) return;
      const text = sanitize(raw, { keepColors: options.logColors });
      const plain = options.logColors ? sanitize(raw) : text;
      if ((include && !include.test(plain)) || exclude?.test(plain) === true) return;
      if (cutBytes > 0) cut++;
      if (outOfOrder) late++;
      stdout.write(format(ref, ts, cutBytes > 0 ? `${text} … [cut: ${cutBytes} more bytes]` : text));
    },
    mark(kind, ref, text) {
      const who = sanitize(options.namespace === undefined ? `${ref.namespace}/${ref.pod}/${ref.container}` : `${ref.pod}/${ref.container}`);
      stderr.write(kind === '!' ? `${who}: ${sanitize(text ?? '')}\n` : `${kind} ${who}\n`);
    },
  });
  const onPipeError = () => {
    broken = true;
    fanout.close();
  };
  stdout.on('error', onPipeError);
  // 150 streams' chunks survive a young collection or two while they wait to be written: without
  // this the young generation grows to its 32 MB semi-spaces, most of the peak RSS of a follow.
  const releaseYoung = holdYoungGenerationSmall();
  for (const pod of initial) fanout.join(pod);
  try {
    if (!options.follow) {
      await fanout.done();
    } else {
      const live = followPodSet(options.kubeConfig, query, options.namespace, initial, maxPods, {
        joined: (pod) => fanout.join(pod),
        left: (pod) => fanout.leave(pod),
        trouble: (message) => stderr.write(`watching Pods for ${sanitize(query.label)}: ${sanitize(message)}; the streams already open go on\n`),
        overflow: (matching) =>
          stderr.write(
            `${matching} Pods match ${sanitize(query.label)} now, more than --max-pods ${maxPods}: the ${matching - maxPods} beyond it are not followed (narrow the query or raise --max-pods)\n`,
          ),
      });
      await (options.until ?? new Promise<void>(() => undefined));
      await live.stop();
      fanout.close();
      await fanout.done();
    }
  } finally {
    releaseYoung();
    fanout.close();
    stdout.off('error', onPipeError);
  }
  if (late > 0) stderr.write(lateLinesNote(late));
  if (cut > 0) stderr.write(`${cut} lines were longer than 16 KiB and were cut (marked "… [cut: N more bytes]")\n`);
  // Some streams failing is normal across many Pods (each said why on stderr); all failing is not.
  return !options.follow && fanout.failed > 0 && fanout.failed === fanout.count ? 1 : 0;
}
