// One HTTP log stream through client-node's Log class, from open to end: the bytes go through
// the line splitter into `onLine`; the promise says how the stream ended. Aborting the signal
// aborts the request, so a closed view never leaves a socket behind.
import { Writable } from 'node:stream';
import { Log, type KubeConfig, type LogOptions } from '@kubernetes/client-node';
import { withOwnConnections } from './logConnections.ts';
import { LineSplitter } from './logLines.ts';

/** ended: the server closed the stream; broken: the connection failed mid-stream (its cause). */
export type StreamEnd = { kind: 'ended' } | { kind: 'closed' } | { kind: 'broken'; message: string } | { kind: 'error'; code?: number; message: string };

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
        if (wait)
          wait.then(
            () => cb(),
            () => cb(),
          );
        else cb();
      },
      final(cb) {
        if (!done) splitter.end();
        cb();
        finish({ kind: 'ended' });
      },
    });
    // A response cut mid-stream (server restart, network drop) ends without 'end': pipe() neither
    // ends nor errors the sink then, so the source's own error or early close says the stream broke.
    const broken = (err?: unknown) => {
      if (done || target.signal.aborted) return;
      splitter.end();
      sink.destroy();
      finish({ kind: 'broken', message: causeOf(err) });
    };
    sink.on('error', (err) => broken(err));
    // client-node pipes the response without an error handler: adopt its errors and closes.
    sink.on('pipe', (source: NodeJS.ReadableStream & { readableEnded?: boolean }) => {
      source.on('error', broken);
      source.on('close', () => {
        if (!source.readableEnded) broken();
      });
    });
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

/** The cause of a cut stream in kubectl's words where it has them. */
function causeOf(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  const message = err instanceof Error ? err.message : '';
  if (!err || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || /premature close|aborted|socket hang up/i.test(message)) return 'unexpected EOF';
  return message || String(err);
}
