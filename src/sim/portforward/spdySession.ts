// pods/portforward over SPDY/3.1, as kubectl speaks it (directly after an HTTP upgrade, or
// tunnelled in a WebSocket): for each forwarded connection the client opens an error stream
// and a data stream with the same requestID; we reply to each, dial the Pod's port, and copy
// bytes both ways. The error stream carries the kubelet's message when the dial fails and is
// closed when the connection ends, which is what kubectl waits for.
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import { FLAG_FIN, GOAWAY, HeaderCodec, PING, RST_STREAM, SYN_REPLY, SYN_STREAM, controlFrame, cutFrames, dataFrame, type Frame } from './spdyFrames.ts';

export type Dial = (port: number) => Promise<Socket | string>;

interface Pair {
  port: number;
  errorStream?: number;
  dataStream?: number;
  socket?: Socket;
  /** Client bytes that arrived before the dial finished. */
  pending: Buffer[];
  clientDone: boolean;
  finished: boolean;
}

export function serveSpdy(stream: Duplex, head: Buffer, dial: Dial): void {
  const codec = new HeaderCodec();
  const pairs = new Map<string, Pair>();
  const byStream = new Map<number, Pair>();
  let buffered: Buffer = Buffer.alloc(0);
  let work = Promise.resolve();
  let closed = false;

  const send = (bytes: Buffer): void => {
    if (!closed && stream.writable) stream.write(bytes);
  };
  const fin = (id: number | undefined): void => {
    if (id !== undefined) send(dataFrame(id, FLAG_FIN, Buffer.alloc(0)));
  };
  const finish = (pair: Pair, message?: string): void => {
    if (pair.finished) return;
    pair.finished = true;
    if (message && pair.errorStream !== undefined) send(dataFrame(pair.errorStream, 0, Buffer.from(message)));
    fin(pair.dataStream);
    fin(pair.errorStream);
  };

  const start = async (pair: Pair): Promise<void> => {
    const dialed = await dial(pair.port);
    if (typeof dialed === 'string') return finish(pair, dialed);
    if (pair.finished || closed) return void dialed.destroy();
    pair.socket = dialed;
    dialed.on('data', (chunk: Buffer) => {
      if (pair.dataStream !== undefined) send(dataFrame(pair.dataStream, 0, chunk));
    });
    dialed.on('end', () => finish(pair));
    dialed.on('close', () => finish(pair));
    dialed.on('error', () => dialed.destroy());
    for (const chunk of pair.pending.splice(0)) dialed.write(chunk);
    if (pair.clientDone) dialed.end();
  };

  const synStream = async (frame: Frame & { control: true }): Promise<void> => {
    const id = frame.payload.readUInt32BE(0) & 0x7fffffff;
    const headers = await codec.decode(frame.payload.subarray(10));
    send(controlFrame(SYN_REPLY, 0, Buffer.concat([frame.payload.subarray(0, 4), await codec.encode({})])));
    const port = Number(headers.get('port'));
    const key = headers.get('requestid') ?? String(id);
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { port, pending: [], clientDone: false, finished: false }));
    byStream.set(id, pair);
    if (headers.get('streamtype') === 'error') pair.errorStream = id;
    else if (headers.get('streamtype') === 'data') pair.dataStream = id;
    if (!Number.isInteger(port) || port < 1 || port > 65535) return finish(pair, `invalid port ${headers.get('port') ?? '(none)'}`);
    if (pair.errorStream !== undefined && pair.dataStream !== undefined) void start(pair);
  };

  const handle = async (frame: Frame): Promise<void> => {
    if (!frame.control) {
      const pair = byStream.get(frame.streamId);
      if (!pair || frame.streamId !== pair.dataStream) return; // the error stream only ever closes
      if (frame.payload.length > 0) {
        if (pair.socket) pair.socket.write(frame.payload);
        else pair.pending.push(Buffer.from(frame.payload));
      }
      if (frame.flags & FLAG_FIN) {
        pair.clientDone = true;
        pair.socket?.end();
      }
      return;
    }
    if (frame.type === SYN_STREAM) return synStream(frame);
    if (frame.type === PING) return send(controlFrame(PING, 0, frame.payload));
    if (frame.type === RST_STREAM) {
      const pair = byStream.get(frame.payload.readUInt32BE(0) & 0x7fffffff);
      if (pair) {
        pair.finished = true;
        pair.socket?.destroy();
      }
      return;
    }
    if (frame.type === GOAWAY) stream.end();
    // SETTINGS and WINDOW_UPDATE: spdystream does no flow control, nor do we.
  };

  const receive = (chunk: Buffer): void => {
    const frames: Frame[] = [];
    try {
      buffered = cutFrames(buffered.length ? Buffer.concat([buffered, chunk]) : chunk, frames);
    } catch {
      stream.destroy();
      return;
    }
    for (const frame of frames) work = work.then(() => handle(frame)).catch(() => void stream.destroy());
  };

  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const pair of pairs.values()) pair.socket?.destroy();
    codec.close();
  };
  stream.on('data', receive);
  stream.on('close', close);
  stream.on('end', close);
  stream.on('error', close);
  if (head.length) receive(head);
}
