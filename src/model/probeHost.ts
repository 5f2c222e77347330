// What a live probe adds to a Pod's view-model: the port map marked with what listens and whose
// it is, the Pod's internal traffic, and the findings both allow (a declared port another
// container holds, a connection to a loopback port nobody listens on).
import { mergeProbe, type ProcSocket } from './procNet.ts';
import { portOwnerFindings, type FdSockets } from './portOwners.ts';
import { trafficFindings, trafficMap, type ProcConnection } from './traffic.ts';
import type { PodHost } from './types.ts';

export interface ProbeFacts {
  sockets: readonly ProcSocket[];
  /** Both ends of every socket (the same tables); absent: no traffic map. */
  connections?: readonly ProcConnection[];
  /** Each container's socket inodes; absent: owners are not attributed. */
  fds?: FdSockets;
}

export function applyProbe(host: PodHost, facts: ProbeFacts): PodHost {
  const ports = mergeProbe(host.ports, [...facts.sockets], facts.fds);
  const traffic = facts.connections ? trafficMap(facts.connections, facts.fds, host.ports) : undefined;
  const found = [...portOwnerFindings(ports), ...(traffic ? trafficFindings(traffic) : [])];
  const known = new Set(host.diagnosis.map((d) => `${d.code}|${d.container ?? ''}|${d.message}`));
  const added = found.filter((d) => !known.has(`${d.code}|${d.container ?? ''}|${d.message}`));
  return { ...host, ports, ...(traffic ? { traffic } : {}), diagnosis: added.length > 0 ? [...host.diagnosis, ...added] : host.diagnosis };
}
