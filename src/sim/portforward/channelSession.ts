// pods/portforward over WebSocket channels (v4.channel.k8s.io / portforward.k8s.io), as
// client-node speaks it: for the i-th port of the `ports` query, channel 2i carries the data
// and 2i+1 the errors, and each begins with the port number (two bytes, little-endian).
import type { WebSocket } from 'ws';
import type { Socket } from 'node:net';
import type { Dial } from './spdySession.ts';

function frame(channel: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([channel]), data]);
}

function portPrefix(port: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16LE(port);
  return bytes;
}

export function serveChannels(ws: WebSocket, ports: number[], dial: Dial): void {
  const sockets: Array<Socket | undefined> = [];
  const early: Buffer[][] = ports.map(() => []);
  const send = (channel: number, data: Buffer): void => {
    if (ws.readyState === ws.OPEN) ws.send(frame(channel, data));
  };
  ports.forEach((port, i) => {
    send(2 * i, portPrefix(port));
    send(2 * i + 1, portPrefix(port));
    void dial(port).then((dialed) => {
      if (typeof dialed === 'string') {
        send(2 * i + 1, Buffer.from(dialed));
        return;
      }
      if (ws.readyState !== ws.OPEN) return void dialed.destroy();
      sockets[i] = dialed;
      dialed.on('data', (chunk: Buffer) => send(2 * i, chunk));
      // The Pod closed the connection: so does the API server, and the client sees the end.
      dialed.on('close', () => ws.close(1000));
      dialed.on('error', () => dialed.destroy());
      for (const chunk of early[i]!.splice(0)) dialed.write(chunk);
    });
  });
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length === 0) return;
    const channel = data[0]!;
    if (channel % 2 !== 0 || channel / 2 >= ports.length) return;
    const i = channel / 2;
    const payload = Buffer.from(data.subarray(1));
    if (sockets[i]) sockets[i]!.write(payload);
    else early[i]!.push(payload);
  });
  const destroyAll = () => {
    for (const s of sockets) s?.destroy();
  };
  ws.on('close', destroyAll);
  ws.on('error', destroyAll);
}
