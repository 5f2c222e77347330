// The live port probe: /proc/net/{tcp,tcp6,udp,udp6} as `cat` prints them in a container.
// All containers of a Pod share one network namespace, so these tables list every socket
// of the Pod. Addresses are hex in host (little-endian) byte order, IPv6 as four 32-bit words.

import { byCodeUnit } from '../text/compare.ts';
import { ownersOf, type FdSockets } from './portOwners.ts';
import type { PortEntry } from './types.ts';

export interface ProcSocket {
  protocol: 'TCP' | 'UDP';
  family: 'ipv4' | 'ipv6';
  address: string;
  port: number;
  /** The kernel's state byte, e.g. "0A". */
  state: string;
  /** TCP LISTEN (0A) or an unconnected UDP socket (07). */
  listening: boolean;
  /** The socket's inode (the column after timeout), to find the process that holds it. */
  inode?: number;
}

/** One socket line: slot, local and remote hex address:port, state byte. */
export const PROC_NET_ROW = /^\s*\d+:\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]{2})(\s|$)/;

function leWord(hex: string): number[] {
  // "0100007F" is 127.0.0.1: the bytes of the word are reversed.
  return [hex.slice(6, 8), hex.slice(4, 6), hex.slice(2, 4), hex.slice(0, 2)].map((b) => parseInt(b, 16));
}

export function ipv4(hex: string): string {
  return leWord(hex).join('.');
}

export function ipv6(hex: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 8) bytes.push(...leWord(hex.slice(i, i + 8)));
  const isMapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isMapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  // Compress the longest run of zero groups (two or more), as RFC 5952 says.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hexGroups = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hexGroups.join(':');
  return `${hexGroups.slice(0, bestStart).join(':')}::${hexGroups.slice(bestStart + bestLen).join(':')}`;
}

/** One row of a /proc/net table: the protocol its table is for, both ends as the kernel wrote them (hex address, port), its state and socket inode. */
export interface ProcNetRow {
  protocol: 'TCP' | 'UDP';
  localHex: string;
  localPort: number;
  remoteHex: string;
  remotePort: number;
  /** Upper-case hex, e.g. 0A (TCP LISTEN), 01 (ESTABLISHED), 07 (UDP unconnected). */
  state: string;
  inode?: number;
}

/**
 * The rows of one or more concatenated tables. A header line tells TCP from UDP (the UDP
 * header ends in "drops"); without one, `defaultProtocol` applies. Lines that do not parse,
 * or whose two addresses are of different families, are skipped.
 */
export function* procNetRows(input: unknown, defaultProtocol: 'TCP' | 'UDP' = 'TCP'): Generator<ProcNetRow> {
  if (typeof input !== 'string') return;
  let protocol = defaultProtocol;
  for (const line of input.split(/\r?\n/)) {
    if (/^\s*sl\s+local_address/.test(line)) {
      protocol = /\bdrops\b/.test(line) ? 'UDP' : 'TCP';
      continue;
    }
    const m = PROC_NET_ROW.exec(line);
    if (!m) continue;
    const [, localHex = '', localPort = '', remoteHex = '', remotePort = '', state = ''] = m;
    if (localHex.length !== remoteHex.length) continue;
    const inode = Number(line.trim().split(/\s+/)[9]);
    yield {
      protocol,
      localHex,
      localPort: parseInt(localPort, 16),
      remoteHex,
      remotePort: parseInt(remotePort, 16),
      state: state.toUpperCase(),
      ...(Number.isInteger(inode) && inode > 0 ? { inode } : {}),
    };
  }
}

/** An address in a table's hex, in the usual notation (IPv4 as 8 hex digits, IPv6 as 32). */
export const decodeAddress = (hex: string): string => (hex.length === 8 ? ipv4(hex) : ipv6(hex));

/** Every socket of one or more concatenated tables, by its local end. */
export function parseProcNet(input: unknown, defaultProtocol: 'TCP' | 'UDP' = 'TCP'): ProcSocket[] {
  const out: ProcSocket[] = [];
  for (const row of procNetRows(input, defaultProtocol)) {
    out.push({
      protocol: row.protocol,
      family: row.localHex.length === 8 ? 'ipv4' : 'ipv6',
      address: decodeAddress(row.localHex),
      port: row.localPort,
      state: row.state,
      listening: row.protocol === 'TCP' ? row.state === '0A' : row.state === '07',
      ...(row.inode !== undefined ? { inode: row.inode } : {}),
    });
  }
  return out;
}

export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

type Listener = { address: string; family: 'ipv4' | 'ipv6' };

/**
 * Marks each declared port with what the probe saw, and adds the ones nobody declared. With
 * `fds` (each container's socket inodes), each port also says whose processes hold it.
 */
export function mergeProbe(ports: PortEntry[], sockets: ProcSocket[], fds?: FdSockets): PortEntry[] {
  const listeners = new Map<string, Listener[]>();
  const inodes = new Map<string, (number | undefined)[]>();
  for (const s of sockets) {
    if (!s.listening) continue;
    const key = `${s.port}/${s.protocol}`;
    const list = listeners.get(key) ?? [];
    if (!list.some((l) => l.address === s.address)) list.push({ address: s.address, family: s.family });
    listeners.set(key, list);
    inodes.set(key, [...(inodes.get(key) ?? []), s.inode]);
  }
  const owned = (key: string) => (fds ? { owners: ownersOf(inodes.get(key) ?? [], fds) } : {});
  const out: PortEntry[] = ports.map((p) => {
    const key = `${p.port}/${(p.protocol || 'TCP').toUpperCase()}`;
    const seen = listeners.get(key) ?? [];
    listeners.delete(key);
    if (seen.length === 0) return { ...p, listening: [], probe: 'declared-not-listening' };
    const probe = seen.every((l) => isLoopback(l.address)) ? 'loopback-only' : 'declared-listening';
    return { ...p, listening: seen, probe, ...owned(key) };
  });
  for (const [key, seen] of listeners) {
    const [port, protocol] = key.split('/');
    out.push({ port: Number(port), protocol: protocol!, containers: [], names: [], conflict: false, listening: seen, probe: 'listening-undeclared', ...owned(key) });
  }
  return out.sort((a, b) => a.port - b.port || byCodeUnit(a.protocol, b.protocol));
}
