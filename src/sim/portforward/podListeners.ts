// What listens inside a simulated Pod: for each TCP port a container declares (or the scenario's
// sockets hold), a real TCP server on 127.0.0.1 run by the sim, so a port-forward carries real
// bytes both ways. It answers an HTTP request with one line naming the Pod, port and container
// (so curl and browsers get something true), and echoes any other bytes back as they come.
import { createServer, Socket, type Server } from 'node:net';
import type { V1Pod } from '@kubernetes/client-node';
import type { PodRuntime } from '../scenario/types.ts';

const IDLE_CLOSE_MS = 60_000;

interface Listener {
  server: Server;
  port: Promise<number>;
  idle?: NodeJS.Timeout;
}

const listeners = new Map<string, Listener>();

/** Which container listens on a TCP port of this Pod, or undefined when nothing does. */
export function listeningContainer(pod: V1Pod, runtime: PodRuntime | undefined, port: number): string | undefined {
  const socket = runtime?.sockets.find((s) => s.protocol === 'tcp' && s.state === 'LISTEN' && s.localPort === port);
  if (socket) return socket.container;
  return pod.spec?.containers.find((c) => (c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === 'TCP'))?.name;
}

function answer(socket: Socket, describe: string): void {
  socket.once('data', (first: Buffer) => {
    if (/^[A-Z]+ \S+ HTTP\/1\.[01]\r?\n/.test(first.toString('latin1', 0, Math.min(first.length, 512)))) {
      const body = `${describe}\n`;
      socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      return;
    }
    socket.write(first);
    socket.pipe(socket);
  });
  socket.on('error', () => socket.destroy());
}

/** The loopback port the Pod's listener for `port` is on, started on first use. */
export function podListener(pod: V1Pod, container: string, port: number): Promise<number> {
  const meta = pod.metadata ?? {};
  const key = `${meta.namespace}/${meta.name}/${meta.uid}/${port}`;
  let listener = listeners.get(key);
  if (!listener) {
    const server = createServer((socket) => answer(socket, `podview sim: ${meta.namespace}/${meta.name} port ${port} (container ${container})`));
    server.unref();
    const bound = new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
    listeners.set(key, (listener = { server, port: bound }));
  }
  // Closed after a quiet minute: a forward from a long-running sim never leaks servers.
  const current = listener;
  if (current.idle) clearTimeout(current.idle);
  current.idle = setTimeout(() => {
    listeners.delete(key);
    current.server.close();
  }, IDLE_CLOSE_MS);
  current.idle.unref();
  return current.port;
}

/**
 * A TCP connection to the Pod's port, or the kubelet's words for why there is none (sent on
 * the error stream, where kubectl prints it as "an error occurred forwarding ...").
 */
export async function dialPod(pod: V1Pod, runtime: PodRuntime | undefined, port: number): Promise<Socket | string> {
  const meta = pod.metadata ?? {};
  const refused = `error forwarding port ${port} to pod ${meta.name}, uid ${meta.uid ?? ''}: failed to connect to localhost:${port} inside namespace: connection refused`;
  const container = listeningContainer(pod, runtime, port);
  if (!container) return refused;
  const loopback = await podListener(pod, container, port);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('error', () => resolve(refused));
    socket.connect(loopback, '127.0.0.1', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}
