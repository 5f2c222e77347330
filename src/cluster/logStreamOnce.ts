// One HTTP log stream through client-node's Log class, from open to end: the bytes go through
// the line splitter into `onLine`; the promise says how the stream ended. Aborting the signal
// aborts the request, so a closed view never leaves a socket behind.
import { Writable } from 'node:stream';
import { Log, type KubeConfig, type LogOptions } from '@kubernetes/client-node';
import { withOwnConnections } from './logConnections.ts';
import { LineSplitter } from './logLines.ts';

export type StreamEnd = { kind: 'ended' } | { kind: 'closed' } | { kind: 'error'; code?: number; message: string };

export interface StreamTarget {
  kubeConfig: KubeConfig;
  namespace: string;
  pod: string;
  container: string;
  signal: AbortSignal;
  maxLineBytes: number;
  /** Asked after each chunk; a promise holds the socket until it settles (stdout backpressure). */
  flowControl?: () => Promise<unknown> | undefined;
  /** Told when the response headers arrived: the history follows at once. */
  onOpen?: () => void;
}

export function streamOnce(target: StreamTarget, options: LogOptions, onLine: (text: string, cutBytes: number) => void): Promise<StreamEnd> {
  return withOwnConnections(target.kubeConfig, (config) => streamWith(new Log(config), target, options, onLine));
}

function streamWith(log: Log, target: StreamTarget, options: LogOptions, onLine: (text: string, cutBytes: number) => void): Promise<StreamEnd> {
  return new Promise((resolve) => {
    let done = false;
    let controller: AbortController | undefined;
    const splitter = new LineSplitter(onLine, target.maxLineBytes);
    const finish = (end: StreamEnd) => {
      if (done) return;
      done = true;
      target.signal.removeEventListener('abort', onAbort);
      resolve(end);
    };
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        if (done) return cb();
        splitter.write(chunk);
        const wait = target.flowControl?.();
        if (wait) wait.then(() => cb(), () => cb());
        else cb();
      },
      final(cb) {
        if (!done) splitter.end();
        cb();
        finish({ kind: 'ended' });
      },
    });
    // pipe() unpipes on a source error (connection dropped) without ending us: that is an end too.
    sink.on('unpipe', () => {
      if (done) return;
      splitter.end();
      sink.destroy();
      finish({ kind: 'ended' });
    });
    sink.on('error', () => finish({ kind: 'ended' }));
    // client-node pipes the response without an error handler: an abort or a reset would be
    // an uncaught exception. Adopt the source's errors; 'unpipe' above reports the end.
    sink.on('pipe', (source: NodeJS.ReadableStream) => source.on('error', () => undefined));
    const onAbort = () => {
      controller?.abort();
      sink.destroy();
      finish({ kind: 'closed' });
    };
    if (target.signal.aborted) return onAbort();
    target.signal.addEventListener('abort', onAbort, { once: true });
    log.log(target.namespace, target.pod, target.container, sink, options).then(
      (ctl) => {
        controller = ctl;
        if (target.signal.aborted) ctl.abort();
        else if (!done) target.onOpen?.();
      },
      (err: unknown) => {
        const code = (err as { code?: unknown }).code;
        const message = err instanceof Error ? err.message : String(err);
        sink.destroy();
        finish({ kind: 'error', code: typeof code === 'number' ? code : undefined, message });
      },
    );
  });
}
