// A port probe's result kept as parsed sockets and merged into the live port map at render,
// so a Pod update after the probe still shows what was found listening.
import { mergeProbe, type ProcSocket } from '../model/procNet.ts';
import type { PodHost } from '../model/types.ts';

export interface ProbeState {
  uid: string;
  /** Present when the probe ran. */
  sockets?: ProcSocket[];
  /** "probe: ran in X" or "probe: skipped: <reason>". */
  note: string;
}

export function withProbe(host: PodHost, probe: ProbeState | undefined, uid: string | undefined): PodHost {
  if (!probe || probe.uid !== uid || !probe.sockets) return host;
  return { ...host, ports: mergeProbe(host.ports, probe.sockets) };
}
