// pods/exec of the simulated API server: kube-apiserver's checks (authorization, Pod,
// container, query), then a WebSocket session speaking v5/v4.channel.k8s.io to a process in a
// namespace sandbox built from the container's spec (never on the host). Imports no product code.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { PodUpgradeHandler, SimWorld, PodRoute } from '../world.ts';
import { ERROR, failure, frame, pickProtocol } from './protocol.ts';
import { shellsFor, stoppedStatus } from './target.ts';
import { checkStreamRequest, isRefusal } from './streamRequest.ts';
import { containerEnv, planContainer } from './containerRoot.ts';
import { resolveCommand } from './command.ts';
import { procFdText, procNetText } from './procNetAnswer.ts';
import { sandboxSupport } from './sandbox.ts';
import { runSession } from './session.ts';
import { rejectUpgrade } from './upgrade.ts';

export { handleEphemeralContainers } from './ephemeral.ts';
export { handlePodAttach } from './attach.ts';

const wss = new WebSocketServer({
  noServer: true,
  handleProtocols: (offered) => pickProtocol(offered) ?? false,
  perMessageDeflate: false,
});

export const handlePodExec: PodUpgradeHandler = (world: SimWorld, req: IncomingMessage, socket: Duplex, head: Buffer, route: PodRoute) => {
  const { namespace, name } = route;
  const command = route.url.searchParams.getAll('command');
  const checked = checkStreamRequest(world, req, route, 'exec', () => (command.length === 0 ? failure(400, 'BadRequest', 'you must specify at least 1 command') : undefined));
  if (isRefusal(checked)) return rejectUpgrade(socket, checked);
  const { pod, container, streams, state } = checked;
  wss.handleUpgrade(req, socket, head, (ws) => {
    if (state === 'stopped') {
      ws.send(frame(ERROR, JSON.stringify(stoppedStatus())), () => ws.close(1000));
      return;
    }
    const runtime = world.runtime(namespace, name);
    const plan = planContainer(world, pod, container);
    const sockets = runtime?.sockets ?? [];
    const resolved = resolveCommand(command, shellsFor(runtime?.containers[container], pod, container));
    runSession(ws, {
      command,
      resolved,
      sandbox: sandboxSupport(),
      plan,
      env: containerEnv(world, pod, container, streams.tty),
      ...streams,
      cannedOutput: resolved.kind === 'procNet' ? procNetText(sockets, resolved.tables) : resolved.kind === 'procFd' ? procFdText(sockets, container) : undefined,
    });
  });
};
