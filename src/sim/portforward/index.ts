// pods/portforward of the simulated API server: kube-apiserver's checks, then one of the three
// ways clients speak it: SPDY/3.1 after an HTTP upgrade (kubectl's fallback), SPDY/3.1 tunnelled
// in a WebSocket (kubectl 1.31+), or WebSocket channels (client-node). The bytes go to a real
// listener the sim runs for the Pod's port. Imports no product code.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { V1Status } from '@kubernetes/client-node';
import type { PodUpgradeHandler } from '../world.ts';
import { failure } from '../exec/protocol.ts';
import { dialPod } from './podListeners.ts';
import { serveChannels } from './channelSession.ts';
import { serveSpdy } from './spdySession.ts';

const TUNNELLED_SPDY = 'SPDY/3.1+portforward.k8s.io';
const CHANNEL_PROTOCOLS = ['v4.channel.k8s.io', 'portforward.k8s.io'];

const wss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: false,
  handleProtocols: (offered) => [TUNNELLED_SPDY, ...CHANNEL_PROTOCOLS].find((p) => offered.has(p)) ?? false,
});

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };

function reject(socket: Duplex, status: V1Status): void {
  const code = status.code ?? 500;
  const body = JSON.stringify(status);
  socket.end(`HTTP/1.1 ${code} ${REASONS[code] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export const handlePodPortForward: PodUpgradeHandler = (world, req, socket, head, route) => {
  const { namespace, name, url } = route;
  const denied = world.authorize({ verb: 'create', resource: 'pods', subresource: 'portforward', namespace, name });
  if (denied) return reject(socket, denied);
  const pod = world.pod(namespace, name);
  if (!pod) return reject(socket, failure(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' }));
  if (pod.status?.phase !== 'Running') {
    return reject(socket, failure(400, 'BadRequest', `unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Unknown'}`));
  }
  const dial = (port: number) => dialPod(world.pod(namespace, name) ?? pod, world.runtime(namespace, name), port);
  const upgrade = (req.headers.upgrade ?? '').toLowerCase();
  if (upgrade === 'spdy/3.1') {
    socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n');
    return serveSpdy(socket, head, dial);
  }
  const offered = offeredProtocols(req);
  if (upgrade !== 'websocket' || ![TUNNELLED_SPDY, ...CHANNEL_PROTOCOLS].some((p) => offered.includes(p))) {
    return reject(socket, failure(400, 'BadRequest', 'Upgrade request required'));
  }
  const tunnelled = offered.includes(TUNNELLED_SPDY);
  // The channel protocol names its ports in the query; SPDY names them per stream.
  const ports = url.searchParams
    .getAll('ports')
    .flatMap((p) => p.split(','))
    .map((p) => Number(p.trim()));
  if (!tunnelled) {
    if (ports.length === 0) return reject(socket, failure(400, 'BadRequest', 'query parameter "port" is required'));
    const bad = ports.find((p) => !Number.isInteger(p) || p < 1 || p > 65535);
    if (bad !== undefined) return reject(socket, failure(400, 'BadRequest', `invalid port ${bad}`));
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    if (tunnelled) serveSpdy(createWebSocketStream(ws), Buffer.alloc(0), dial);
    else serveChannels(ws, ports, dial);
  });
};
