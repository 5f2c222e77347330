// The Pod's localhost port map: all containers share one network namespace, so the
// same port and protocol declared by two containers cannot both bind.

import { byCodeUnit } from '../text/compare.ts';
import type { ContainerView, PortEntry } from './types.ts';

export function portMap(containers: ContainerView[]): PortEntry[] {
  const entries = new Map<string, PortEntry>();
  for (const c of containers) {
    for (const p of c.ports) {
      const protocol = p.protocol || 'TCP';
      const key = `${p.containerPort}/${protocol}`;
      let entry = entries.get(key);
      if (!entry) {
        entry = { port: p.containerPort, protocol, containers: [], names: [], conflict: false };
        entries.set(key, entry);
      }
      if (!entry.containers.includes(c.name)) entry.containers.push(c.name);
      if (p.name && !entry.names.includes(p.name)) entry.names.push(p.name);
      if (p.hostPort !== undefined) {
        entry.hostPorts ??= [];
        if (!entry.hostPorts.includes(p.hostPort)) entry.hostPorts.push(p.hostPort);
      }
    }
  }
  const out = [...entries.values()];
  for (const e of out) e.conflict = e.containers.length >= 2;
  return out.sort((a, b) => a.port - b.port || byCodeUnit(a.protocol, b.protocol));
}
