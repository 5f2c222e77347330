// Snapshot output written Pod by Pod: at 100,000 Pods neither the view-models nor the whole
// document may sit in memory at once. Each format writes exactly the bytes its collected form
// (`formatSnapshot`) would: -o json and -o yaml are still one document each, the envelope
// written around the streamed items.
import { dump as dumpYaml } from 'js-yaml';
import { toSnapshotJson } from '../model/snapshotJson.ts';
import type { SnapshotPod } from '../model/snapshotJson.ts';
import type { PodHost } from '../model/types.ts';
import { renderPodText } from '../ui/snapshot/text.ts';
import type { OutputFormat } from './flags.ts';
import { textLayout } from './snapshotWidth.ts';

/** Where a snapshot goes: process.stdout, or anything with the same write/drain contract. */
export interface SnapshotSink {
  /** false: the buffer is full, wait for 'drain' before writing more. */
  write(text: string, callback?: (err?: Error | null) => void): boolean;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface SnapshotWriter {
  /** Writes these Pods; resolves when the sink can take more. */
  add(hosts: readonly PodHost[]): Promise<void>;
  /** Writes the end of the document; resolves when everything has been flushed. */
  end(): Promise<void>;
}

/** Writes `text`, then waits for room if the sink said it was full. */
function put(sink: SnapshotSink, text: string): Promise<void> {
  if (text === '' || sink.write(text)) return Promise.resolve();
  return new Promise((resolve) => sink.once('drain', resolve));
}

function flush(sink: SnapshotSink, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** The envelope of the collected document, split where its items go, so added keys stay in place. */
function jsonEnvelope(): { head: string; emptyPods: string; tail: string } {
  const empty = `${JSON.stringify(toSnapshotJson([]), null, 2)}\n`;
  const at = empty.indexOf('"pods": []');
  if (at < 0) throw new Error('snapshot JSON: no "pods" array in the envelope');
  const open = at + '"pods": ['.length;
  return { head: empty.slice(0, open), emptyPods: ']', tail: empty.slice(open + 1) };
}

/**
 * One item of `"pods"` exactly as JSON.stringify(doc, null, 2) indents it (two levels deep),
 * with the newline before it: stringified inside a one-key wrapper of the same depth, which
 * is then cut off.
 */
function itemJson(pod: SnapshotPod): string {
  const wrapped = JSON.stringify({ p: [pod] }, null, 2);
  return wrapped.slice(ITEM_START.length - 1, wrapped.length - ITEM_END.length);
}
const ITEM_START = '{\n  "p": [\n';
const ITEM_END = '\n  ]\n}';

function jsonWriter(sink: SnapshotSink): SnapshotWriter {
  const { head, emptyPods, tail } = jsonEnvelope();
  let count = 0;
  return {
    async add(hosts) {
      if (hosts.length === 0) return;
      let text = count === 0 ? head : ',';
      toSnapshotJson(hosts as PodHost[]).pods.forEach((p, i) => {
        text += `${i === 0 ? '' : ','}${itemJson(p)}`;
      });
      count += hosts.length;
      await put(sink, text);
    },
    end: () => flush(sink, count === 0 ? `${head}${emptyPods}${tail}` : `\n  ]${tail}`),
  };
}

function textWriter(sink: SnapshotSink, color: boolean): SnapshotWriter {
  const layout = textLayout(sink);
  let count = 0;
  return {
    async add(hosts) {
      if (hosts.length === 0) return;
      const text = hosts.map((h) => renderPodText(h, { color, ...layout })).join('\n\n');
      await put(sink, count === 0 ? text : `\n\n${text}`);
      count += hosts.length;
    },
    end: () => flush(sink, count === 0 ? 'No pods.\n' : '\n'),
  };
}

/**
 * Each Pod is dumped as the only item of a document with the same envelope, and the envelope
 * is cut off: the item sits at the same depth as in the whole document, so js-yaml folds and
 * indents it the same way.
 */
function yamlWriter(sink: SnapshotSink): SnapshotWriter {
  const envelope = toSnapshotJson([]);
  const head = dumpYaml({ ...envelope, pods: [0] }).replace(/ *- 0\n$/, '');
  let count = 0;
  return {
    async add(hosts) {
      if (hosts.length === 0) return;
      let text = count === 0 ? head : '';
      for (const pod of toSnapshotJson(hosts as PodHost[]).pods) text += dumpYaml({ ...envelope, pods: [pod] }).slice(head.length);
      count += hosts.length;
      await put(sink, text);
    },
    end: () => flush(sink, count === 0 ? dumpYaml(envelope) : ''),
  };
}

export function snapshotWriter(format: OutputFormat, sink: SnapshotSink, color: boolean): SnapshotWriter {
  if (format === 'json') return jsonWriter(sink);
  if (format === 'yaml') return yamlWriter(sink);
  return textWriter(sink, color);
}
