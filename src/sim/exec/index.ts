// pods/exec of the simulated API server: kube-apiserver's checks (authorization, Pod,
// container, query), then a WebSocket session speaking v5/v4.channel.k8s.io to a process in a
// namespace sandbox built from the container's spec (never on the host). Imports no product code.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { V1Status } from '@kubernetes/client-node';
import type { PodUpgradeHandler, SimWorld, PodRoute } from '../world.ts';
import { ERROR, failure, frame, pickProtocol } from './protocol.ts';
import { chooseContainer, neverStarted, runnable, shellsFor, stoppedStatus } from './target.ts';
import { containerEnv, planContainer } from './containerRoot.ts';
import { resolveCommand } from './command.ts';
import { procNetText } from './procNetAnswer.ts';
import { sandboxSupport } from './sandbox.ts';
import { runSession } from './session.ts';

export { handleEphemeralContainers } from './ephemeral.ts';

const wss = new WebSocketServer({
  noServer: true,
  handleProtocols: (offered) => pickProtocol(offered) ?? false,
  perMessageDeflate: false,
});

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/** Answers an upgrade request with a plain HTTP Status, as the API server does before upgrading. */
function reject(socket: Duplex, status: V1Status): void {
  const code = status.code ?? 500;
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', ...status });
  socket.end(
    `HTTP/1.1 ${code} ${REASONS[code] ?? 'Error'}\r\nContent-Type: application/json\r\nCache-Control: no-cache, private\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

const flag = (url: URL, name: string): boolean => ['true', '1'].includes((url.searchParams.get(name) ?? '').toLowerCase());

export const handlePodExec: PodUpgradeHandler = (world: SimWorld, req: IncomingMessage, socket: Duplex, head: Buffer, route: PodRoute) => {
  const { namespace, name, url } = route;
  const denied = world.authorize({ verb: 'create', resource: 'pods', subresource: 'exec', namespace, name });
  if (denied) return reject(socket, denied);
  const pod = world.pod(namespace, name);
  if (!pod) return reject(socket, failure(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' }));
  const target = chooseContainer(pod, url.searchParams.get('container'));
  if (!target.ok) return reject(socket, target.status);
  const command = url.searchParams.getAll('command');
  if (command.length === 0) return reject(socket, failure(400, 'BadRequest', 'you must specify at least 1 command'));
  const streams = { stdin: flag(url, 'stdin'), stdout: flag(url, 'stdout'), stderr: flag(url, 'stderr'), tty: flag(url, 'tty') };
  if (!streams.stdin && !streams.stdout && !streams.stderr) {
    return reject(socket, failure(400, 'BadRequest', 'you must specify at least one of stdin, stdout, stderr'));
  }
  const state = runnable(pod, target.container);
  if (state === 'never-started') return reject(socket, neverStarted(target.container));
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket' || !pickProtocol(offered)) {
    return reject(socket, failure(400, 'BadRequest', 'Upgrade request required'));
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    if (state === 'stopped') {
      ws.send(frame(ERROR, JSON.stringify(stoppedStatus())), () => ws.close(1000));
      return;
    }
    const runtime = world.runtime(namespace, name);
    const plan = planContainer(world, pod, target.container);
    const sockets = runtime?.sockets ?? [];
    const resolved = resolveCommand(command, shellsFor(runtime?.containers[target.container], pod, target.container));
    runSession(ws, {
      command,
      resolved,
      sandbox: sandboxSupport(),
      plan,
      env: containerEnv(world, pod, target.container, streams.tty),
      ...streams,
      cannedOutput: resolved.kind === 'procNet' ? procNetText(sockets, resolved.tables) : undefined,
    });
  });
};
