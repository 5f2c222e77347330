// The Pod's localhost: every declared port as 127.0.0.1:PORT -> container, conflicts in red,
// and what a live probe found when one ran: who holds each port and the Pod's traffic.
import type { PodHost, PortEntry } from '../../model/types.ts';
import { fit } from '../fit.ts';
import { seg, type Line } from '../lines.tsx';
import type { Tone } from '../theme.ts';
import { clean } from './format.ts';
import { trafficLine } from '../../model/traffic.ts';

const PROBE: Record<NonNullable<PortEntry['probe']>, { text: string; tone: Tone }> = {
  'declared-listening': { text: 'listening', tone: 'ok' },
  'declared-not-listening': { text: 'NOT listening', tone: 'warn' },
  'listening-undeclared': { text: 'listening, not declared', tone: 'warn' },
  'loopback-only': { text: 'listening on loopback only', tone: 'dim' },
};

/** `forwarded`: container port -> the local address a port-forward of it listens on. */
export function portLines(host: PodHost, probeNote?: string, forwarded?: ReadonlyMap<number, string>): Line[] {
  const lines: Line[] = [];
  if (host.ports.length === 0) lines.push([seg('  no declared ports', 'dim')]);
  for (const p of host.ports) {
    const address = fit(`127.0.0.1:${p.port}/${clean(p.protocol)}`, 22);
    const names = p.names.filter(Boolean).map(clean);
    const who = p.containers.map(clean).join(', ') + (names.length > 0 ? ` (${names.join(', ')})` : '');
    const line: Line = [seg(`  ${address} `, p.conflict ? 'error' : 'accent'), seg('→ ', 'dim'), seg(who, p.conflict ? 'error' : undefined)];
    if (p.conflict) line.push(seg('  CONFLICT: only one can bind', 'error'));
    if (p.probe) line.push(seg(`  ${PROBE[p.probe].text}`, PROBE[p.probe].tone));
    if (p.owners && p.listening?.length) {
      const held = p.owners.heldBy.map(clean);
      const other = held.length > 0 && p.containers.length > 0 && !p.containers.some((c) => p.owners?.heldBy.includes(c));
      if (held.length > 0) line.push(seg(`  held by ${held.join(', ')}`, other ? 'warn' : 'dim'));
      if (p.owners.unknown) line.push(seg('  owner unknown', 'dim'));
    }
    const local = forwarded?.get(p.port);
    if (local) line.push(seg(`  forwarded at ${local}`, 'ok'));
    lines.push(line);
  }
  const hostPorts = host.containers.flatMap((c) => c.ports.filter((p) => p.hostPort).map((p) => `${clean(c.name)} hostPort ${p.hostPort}→${p.containerPort}`));
  if (hostPorts.length > 0) lines.push([seg(`  node ports: ${hostPorts.join(', ')}`, 'dim')]);
  if (probeNote) lines.push([seg(`  ${probeNote}`, probeNote.startsWith('probe: skipped') ? 'warn' : 'dim')]);
  if (host.traffic) {
    lines.push([seg('  traffic (P refreshes)', 'dim')]);
    if (host.traffic.length === 0) lines.push([seg('    no connections', 'dim')]);
    for (const t of host.traffic) lines.push([seg(`    ${clean(trafficLine(t))}`, t.kind === 'loopback' && !t.server ? 'warn' : undefined)]);
  }
  return lines;
}
