// One forwarded connection: a local socket joined to its own WebSocket to the Pod's port
// (client-node's PortForward carries the bytes both ways). The kubelet's words on the error
// channel end the connection, as kubectl ends it; the Pod closing its end closes the local
// socket; the local client going away closes the WebSocket. Each ends exactly once.
// The v4 channel protocol has no half-close: a client that only shuts its sending side (nc -N)
// ends the whole connection, as with client-node anywhere; kubectl's SPDY streams can half-close.
import type { PortForward } from '@kubernetes/client-node';
import type { Socket } from 'node:net';
import { Writable } from 'node:stream';
import type WebSocket from 'ws';
import { redact } from './errors.ts';
import { sanitize } from '../text/sanitize.ts';

export interface TunnelTarget {
  namespace: string;
  pod: string;
  remotePort: number;
}

export interface TunnelReport {
  /** Why this connection failed, one line, already sanitized. */
  error(message: string): void;
  /** The connection is over (after any error); called once. */
  closed(): void;
}

export interface Tunnel {
  /** Ends the connection now (the forward is stopping). */
  destroy(): void;
}

function oneLine(text: string): string {
  return sanitize(redact(text.trim())).replace(/\s+/g, ' ').slice(0, 500);
}

export function openTunnel(forwarder: PortForward, target: TunnelTarget, socket: Socket, report: TunnelReport): Tunnel {
  let ws: WebSocket | undefined;
  let over = false;
  const finish = (): void => {
    if (over) return;
    over = true;
    ws?.terminate();
    socket.destroy();
    report.closed();
  };
  const fail = (message: string): void => {
    if (over) return;
    report.error(oneLine(message));
    finish();
  };
  // A client that resets its connection is its own business, not an error of the forward.
  socket.on('error', () => finish());
  socket.on('close', () => {
    if (over) return;
    over = true;
    ws?.close();
    report.closed();
  });
  const errors = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (chunk.length > 0) fail(chunk.toString('utf8'));
      done();
    },
  });
  forwarder
    .portForward(target.namespace, target.pod, [target.remotePort], socket, errors, socket)
    .then((opened) => {
      ws = opened as WebSocket;
      if (over) return void ws.terminate();
      ws.on('error', (err) => fail(err.message));
      // The Pod closed its end: what it sent before is written out, then the local socket closes.
      ws.on('close', () => {
        if (!over) socket.end(() => socket.destroy());
      });
    })
    .catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
  return { destroy: finish };
}
