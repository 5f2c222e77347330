// A port-forward like `kubectl port-forward`: a listener on 127.0.0.1 whose every connection
// gets its own WebSocket to the Pod's port through the API server. The caller (a command, a
// screen) gets the local address, a stream of one-line events, and stop(), which leaves no
// socket behind.
import { PortForward, type KubeConfig } from '@kubernetes/client-node';
import { createServer, type Server } from 'node:net';
import { UserError } from './errors.ts';
import { openTunnel, type Tunnel } from './portForwardConnection.ts';
import { portForwardConnector } from './portForwardSocket.ts';

/** The only address a forward listens on: a forward never reaches beyond this machine. */
export const FORWARD_ADDRESS = '127.0.0.1';

export interface PortForwardRequest {
  namespace: string;
  pod: string;
  /** The container port (a number: names are resolved against the Pod first). */
  remotePort: number;
  /** Omitted or 0: any free port. */
  localPort?: number;
}

export interface PortForwardEvent {
  kind: 'opened' | 'closed' | 'error';
  /** Numbered from 1 in the order connections arrived. */
  connection: number;
  /** One printable line. */
  text: string;
}

export interface ActivePortForward {
  /** "127.0.0.1:PORT", what a user pastes. */
  localAddress: string;
  localPort: number;
  remotePort: number;
  namespace: string;
  pod: string;
  /** Connections open right now. */
  openConnections(): number;
  /** Subscribes to connection events; returns the unsubscribe. */
  onEvent(listener: (event: PortForwardEvent) => void): () => void;
  /** Closes the listener and every connection; resolves when no socket is left. Idempotent. */
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException): void => {
      const where = `${FORWARD_ADDRESS}:${port}`;
      if (err.code === 'EADDRINUSE') reject(new UserError(`${where} is in use`));
      else if (err.code === 'EACCES') reject(new UserError(`${where}: permission denied (ports below 1024 need privileges)`));
      else reject(new UserError(`cannot listen on ${where}: ${err.code ?? err.message}`));
    };
    server.once('error', failed);
    server.listen({ port, host: FORWARD_ADDRESS, exclusive: true }, () => {
      server.off('error', failed);
      resolve((server.address() as { port: number }).port);
    });
  });
}

export async function startPortForward(kubeConfig: KubeConfig, request: PortForwardRequest): Promise<ActivePortForward> {
  const forwarder = new PortForward(kubeConfig, true, portForwardConnector(kubeConfig));
  const listeners = new Set<(event: PortForwardEvent) => void>();
  const tunnels = new Set<Tunnel>();
  const emit = (event: PortForwardEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };
  let count = 0;
  const server = createServer((socket) => {
    const connection = ++count;
    emit({ kind: 'opened', connection, text: `Handling connection for ${localPort}` });
    const tunnel = openTunnel(forwarder, { namespace: request.namespace, pod: request.pod, remotePort: request.remotePort }, socket, {
      error: (message) => emit({ kind: 'error', connection, text: `an error occurred forwarding ${localPort} -> ${request.remotePort}: ${message}` }),
      closed: () => {
        tunnels.delete(tunnel);
        emit({ kind: 'closed', connection, text: `connection ${connection} to ${request.remotePort} closed` });
      },
    });
    tunnels.add(tunnel);
  });
  const localPort = await listen(server, request.localPort ?? 0);
  let stopped: Promise<void> | undefined;
  return {
    localAddress: `${FORWARD_ADDRESS}:${localPort}`,
    localPort,
    remotePort: request.remotePort,
    namespace: request.namespace,
    pod: request.pod,
    openConnections: () => tunnels.size,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const tunnel of [...tunnels]) tunnel.destroy();
      });
      return stopped;
    },
  };
}
