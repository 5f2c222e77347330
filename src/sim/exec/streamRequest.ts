// kube-apiserver's checks for a streaming Pod subresource (exec, attach), in its order:
// authorization, the Pod, the container, the subresource's own query, the stream flags, the
// container's state, and a WebSocket upgrade in a protocol we speak.
import type { IncomingMessage } from 'node:http';
import type { V1Pod, V1Status } from '@kubernetes/client-node';
import type { PodRoute, SimWorld } from '../world.ts';
import { failure, pickProtocol } from './protocol.ts';
import { chooseContainer, neverStarted, runnable } from './target.ts';
import { streamFlags } from './upgrade.ts';

export interface StreamRequest {
  pod: V1Pod;
  container: string;
  streams: ReturnType<typeof streamFlags>;
  /** 'stopped': the upgrade succeeds and the error channel says why nothing runs. */
  state: 'running' | 'stopped';
}

export function checkStreamRequest(
  world: SimWorld,
  req: IncomingMessage,
  route: PodRoute,
  subresource: 'exec' | 'attach',
  checkQuery: (url: URL) => V1Status | undefined = () => undefined,
): StreamRequest | V1Status {
  const { namespace, name, url } = route;
  const denied = world.authorize({ verb: 'create', resource: 'pods', subresource, namespace, name });
  if (denied) return denied;
  const pod = world.pod(namespace, name);
  if (!pod) return failure(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' });
  const target = chooseContainer(pod, url.searchParams.get('container'));
  if (!target.ok) return target.status;
  const queryProblem = checkQuery(url);
  if (queryProblem) return queryProblem;
  const streams = streamFlags(url);
  if (!streams.stdin && !streams.stdout && !streams.stderr) return failure(400, 'BadRequest', 'you must specify at least one of stdin, stdout, stderr');
  const state = runnable(pod, target.container);
  if (state === 'never-started') return neverStarted(target.container);
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket' || !pickProtocol(offered)) return failure(400, 'BadRequest', 'Upgrade request required');
  return { pod, container: target.container, streams, state };
}

export const isRefusal = (checked: StreamRequest | V1Status): checked is V1Status => !('streams' in checked);
