// What `f` in the Pod view forwards: the selected container's first declared TCP port that is
// not forwarded yet, so pressing f again forwards its next port. Port-forward carries TCP only.
import type { PodHost } from '../../model/types.ts';
import type { Forward, ForwardTarget } from '../../store/forwards.ts';

export type ForwardPick = { ok: true; target: ForwardTarget } | { ok: false; reason: string };

export function pickForward(host: PodHost, containerIndex: number, namespace: string, pod: string, existing: readonly Forward[]): ForwardPick {
  const container = host.containers[containerIndex];
  if (!container) return { ok: false, reason: 'port-forward: this Pod has no container' };
  const tcp = container.ports.filter((p) => p.protocol.toUpperCase() === 'TCP').map((p) => p.containerPort);
  if (tcp.length === 0) return { ok: false, reason: `port-forward: ${container.name} declares no TCP port (←→ picks another container)` };
  const taken = new Set(existing.filter((f) => f.namespace === namespace && f.pod === pod && f.state !== 'failed').map((f) => f.remotePort));
  const port = tcp.find((p) => !taken.has(p));
  if (port === undefined) return { ok: false, reason: `port-forward: every TCP port of ${container.name} is forwarded already (F lists them)` };
  return { ok: true, target: { namespace, pod, container: container.name, remotePort: port } };
}

/** The Pod's forwarded ports, for its port map: container port -> local address (active forwards only). */
export function forwardedPorts(forwards: readonly Forward[], namespace: string | undefined, pod: string | undefined): ReadonlyMap<number, string> | undefined {
  const mine = forwards.filter((f) => f.namespace === namespace && f.pod === pod && f.state === 'active' && f.localAddress);
  if (mine.length === 0) return undefined;
  return new Map(mine.map((f) => [f.remotePort, f.localAddress!]));
}
