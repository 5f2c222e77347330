// `kubectl podview logs POD`: the log streams printed to stdout without the TUI, one line per
// log line, stern-like `container │ line` prefixes when several containers are merged, so
// the output pipes into grep. Notices go to stderr; an error is one line on stderr.
import type { KubeConfig } from '@kubernetes/client-node';
import { UserError } from '../cluster/errors.ts';
import { openLogSession } from '../cluster/logs.ts';
import { resolvePodArg } from '../cluster/resolvePod.ts';
import type { LogLine } from '../store/logBuffer.ts';
import { LogBuffer } from '../store/logBuffer.ts';
import { sanitize } from '../text/sanitize.ts';
import { containerSgr } from '../ui/logs/containerColor.ts';
import type { LogsArgs } from './commandTypes.ts';
import { lateLinesNote } from './lateLines.ts';

/** What `kubectl podview logs` was asked for (tail: lines of history per container, undefined for all). */
export interface LogsCommandOptions extends Pick<LogsArgs, 'pod' | 'container' | 'allContainers' | 'follow' | 'tail' | 'since' | 'timestamps' | 'previous' | 'logColors'> {
  kubeConfig: KubeConfig;
  namespace: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; writableNeedDrain?: boolean };
  stderr: NodeJS.WritableStream;
}

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** Seconds in a Go-style duration ("90s", "5m", "1h30m"); undefined when it is not one. */
export function parseSince(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  const seconds = parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0);
  return seconds > 0 ? Math.max(1, Math.ceil(seconds)) : undefined;
}

export async function runLogsCommand(options: LogsCommandOptions): Promise<number> {
  const { stdout, stderr } = options;
  const fail = (message: string): number => {
    stderr.write(`error: ${sanitize(message)}\n`);
    return 1;
  };
  let sinceSeconds: number | undefined;
  if (options.since !== undefined) {
    sinceSeconds = parseSince(options.since);
    if (sinceSeconds === undefined) return fail(`invalid --since "${options.since}": use a duration like 30s, 5m or 1h30m`);
  }
  if (options.tail !== undefined && (!Number.isInteger(options.tail) || options.tail < -1)) return fail(`invalid --tail ${options.tail}: use a number of lines, or -1 for all`);
  // NAME, TYPE/NAME (one of its Pods, as kubectl picks) or a unique prefix.
  let podName: string;
  try {
    podName = (await resolvePodArg(options.kubeConfig, options.namespace, options.pod)).name;
  } catch (err) {
    if (err instanceof UserError) return fail(err.message);
    throw err;
  }
  const colorPrefix = options.stdout.isTTY === true;
  let width = 0;
  let broken = false;
  const format = (line: LogLine): string => {
    const text = sanitize(line.text, { keepColors: options.logColors });
    const ts = options.timestamps && line.ts ? `${line.ts} ` : '';
    if (!line.container) return `${ts}${text}\n`;
    // Pad to the longest name so the text column stays put, as stern does.
    if (width === 0) width = Math.max(0, ...session.containers.map((c) => c.length));
    width = Math.max(width, line.container.length);
    const name = line.container.padEnd(width);
    return `${colorPrefix ? containerSgr(line.container, name) : name} │ ${ts}${text}\n`;
  };
  // A small buffer: the CLI prints each line as it arrives and keeps nothing.
  const buffer = new LogBuffer({ capacity: 16, frameMs: 0 });
  const session = openLogSession(
    options.kubeConfig,
    {
      namespace: options.namespace,
      name: podName,
      container: options.container,
      allContainers: options.allContainers,
      previous: options.previous,
      follow: options.follow,
      tailLines: options.tail === undefined || options.tail < 0 ? undefined : options.tail,
      // Without --timestamps a single stream needs none: fewer bytes on the wire.
      timestamps: options.timestamps,
      sinceSeconds,
    },
    {
      buffer,
      // stdout's backpressure holds the socket, so a slow pipe never grows memory.
      flowControl: () => (options.stdout.writableNeedDrain && !broken ? new Promise((resolve) => options.stdout.once('drain', resolve)) : undefined),
    },
  );
  // `| head` closes the pipe: stop quietly, as kubectl does.
  const onPipeError = () => {
    broken = true;
    session.close();
  };
  stdout.on('error', onPipeError);
  buffer.tap((line) => {
    if (broken) return;
    if (line.notice) stderr.write(`${sanitize(line.text)}\n`);
    else stdout.write(format(line));
  });
  try {
    await session.done;
  } finally {
    session.close();
    stdout.off('error', onPipeError);
  }
  if (buffer.late > 0 && !broken) stderr.write(lateLinesNote(buffer.late));
  const state = buffer.state;
  if (state.kind === 'error' && !broken) return fail(state.message);
  return 0;
}
