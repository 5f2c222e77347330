// The Pod's own netstat: who talks to whom on its shared localhost, and to whom each container
// talks outside it. Every container sees the same /proc/net tables, so a loopback connection
// appears twice (the client's end and the server's accepted end); the owner of each end is found
// by its socket inode in the containers' fd tables.
import { decodeAddress, isLoopback, procNetRows } from './procNet.ts';
import type { FdSockets } from './portOwners.ts';
import type { Diagnosis, PortEntry, TrafficEntry } from './types.ts';

export interface ProcConnection {
  protocol: 'TCP' | 'UDP';
  local: { address: string; port: number };
  remote: { address: string; port: number };
  /** The kernel's state byte: 01 ESTABLISHED, 0A LISTEN (TCP), 07 unconnected (UDP). */
  state: string;
  inode?: number;
}

/** Every socket of concatenated /proc/net tables with both ends; lines that do not parse are skipped. */
export function parseConnections(input: unknown): ProcConnection[] {
  const out: ProcConnection[] = [];
  for (const row of procNetRows(input)) {
    out.push({
      protocol: row.protocol,
      local: { address: decodeAddress(row.localHex), port: row.localPort },
      remote: { address: decodeAddress(row.remoteHex), port: row.remotePort },
      state: row.state,
      ...(row.inode !== undefined ? { inode: row.inode } : {}),
    });
  }
  return out;
}

const isListening = (c: ProcConnection): boolean => (c.protocol === 'TCP' ? c.state === '0A' : c.state === '07');
const isConnected = (c: ProcConnection): boolean => c.state === '01';
const portKey = (protocol: string, port: number): string => `${protocol}/${port}`;
const hostPort = (address: string, port: number): string => (address.includes(':') && !address.startsWith('::ffff:') ? `[${address}]:${port}` : `${address}:${port}`);

function ownerOf(inode: number | undefined, fds: FdSockets | undefined): string | undefined {
  if (inode === undefined || !fds) return undefined;
  return Object.keys(fds).find((name) => fds[name]?.has(inode));
}

/**
 * The traffic map: loopback connections grouped by client container, destination and server;
 * UDP sockets bound for others to send to; connections across the Pod's edge grouped by
 * container and peer (outbound ones only where the owner is known). `declared` names the
 * container a port is declared by when its listening socket's owner could not be read.
 */
export function trafficMap(sockets: readonly ProcConnection[], fds: FdSockets | undefined, declared: readonly PortEntry[] = []): TrafficEntry[] {
  const listeners = new Map<string, ProcConnection[]>();
  for (const s of sockets) if (isListening(s)) listeners.set(portKey(s.protocol, s.local.port), [...(listeners.get(portKey(s.protocol, s.local.port)) ?? []), s]);
  const serverOf = (protocol: string, port: number): TrafficEntry['server'] => {
    const held = listeners.get(portKey(protocol, port));
    if (!held) return undefined;
    const owner = held.map((l) => ownerOf(l.inode, fds)).find((o) => o !== undefined);
    if (owner) return { container: owner, by: 'socket' };
    const declarer = declared.find((p) => p.port === port && p.protocol.toUpperCase() === protocol)?.containers[0];
    return declarer ? { container: declarer, by: 'declared' } : undefined;
  };
  const groups = new Map<string, TrafficEntry>();
  const add = (entry: Omit<TrafficEntry, 'count'>): void => {
    const key = JSON.stringify([entry.kind, entry.protocol, entry.container, entry.peer, entry.server, entry.localPort]);
    const seen = groups.get(key);
    if (seen) seen.count++;
    else groups.set(key, { ...entry, count: 1 });
  };
  const pairs = new Set(sockets.filter(isConnected).map((s) => `${s.protocol}|${hostPort(s.local.address, s.local.port)}|${hostPort(s.remote.address, s.remote.port)}`));
  for (const s of sockets) {
    if (isListening(s) && s.protocol === 'UDP') {
      add({ kind: 'listen-udp', protocol: 'UDP', ...opt(ownerOf(s.inode, fds) ?? serverOf('UDP', s.local.port)?.container), peer: hostPort(s.local.address, s.local.port) });
      continue;
    }
    if (!isConnected(s)) continue;
    const owner = ownerOf(s.inode, fds);
    const localListens = listeners.has(portKey(s.protocol, s.local.port));
    const remoteListens = listeners.has(portKey(s.protocol, s.remote.port));
    if (isLoopback(s.remote.address)) {
      // The accepted end of a connection to a listener: counted from its client's end.
      if (localListens && !remoteListens) continue;
      // Neither end listens (the listener has closed): count the pair once, from the higher (ephemeral) port.
      const mirrored = pairs.has(`${s.protocol}|${hostPort(s.remote.address, s.remote.port)}|${hostPort(s.local.address, s.local.port)}`);
      if (!remoteListens && mirrored && s.local.port < s.remote.port) continue;
      const server = serverOf(s.protocol, s.remote.port);
      add({ kind: 'loopback', protocol: s.protocol, ...opt(owner), peer: hostPort(s.remote.address, s.remote.port), ...(server ? { server } : {}) });
    } else if (localListens && s.protocol === 'TCP') {
      add({ kind: 'inbound', protocol: 'TCP', ...opt(owner ?? serverOf('TCP', s.local.port)?.container), peer: s.remote.address, localPort: s.local.port });
    } else if (owner !== undefined) {
      add({ kind: 'outbound', protocol: s.protocol, container: owner, peer: hostPort(s.remote.address, s.remote.port) });
    }
  }
  const order: TrafficEntry['kind'][] = ['loopback', 'listen-udp', 'inbound', 'outbound'];
  return [...groups.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || trafficLine(a).localeCompare(trafficLine(b), 'en'));
}

function opt(container: string | undefined): { container?: string } {
  return container === undefined ? {} : { container };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per entry, e.g. `user-msvc → 127.0.0.1:3306 cloudsql-proxy (4 connections)`. */
export function trafficLine(e: TrafficEntry): string {
  const who = e.container ?? 'owner unknown';
  const udp = e.protocol === 'UDP' ? '/udp' : '';
  const count = e.protocol === 'UDP' ? '' : ` (${plural(e.count, 'connection')})`;
  switch (e.kind) {
    case 'loopback': {
      const server = e.server ? ` ${e.server.container}${e.server.by === 'declared' ? ' (declared; owner unread)' : ''}` : ' — nothing listens';
      return `${who} → ${e.peer}${udp}${server}${count}`;
    }
    case 'listen-udp':
      return `${who} ← ${e.peer}/udp`;
    case 'inbound':
      return `${who} ← ${e.peer} on :${e.localPort ?? 0}${count}`;
    case 'outbound':
      return `${who} → ${e.peer}${udp}${count}`;
  }
}

/** A connection inside the Pod to a loopback port nobody listens on. */
export function trafficFindings(traffic: readonly TrafficEntry[]): Diagnosis[] {
  return traffic
    .filter((e) => e.kind === 'loopback' && e.server === undefined && e.protocol === 'TCP')
    .map((e) => ({
      severity: 'warning' as const,
      code: 'ConnectionToClosedPort',
      ...opt(e.container),
      message: `${e.container ?? 'a container (owner unknown)'} has ${plural(e.count, 'connection')} to ${e.peer} where nothing listens`,
    }));
}
