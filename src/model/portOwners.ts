// Which container holds a listening socket. Containers share the network namespace, so
// /proc/net lists every socket of the Pod but not whose it is; the socket's inode appears as
// `socket:[INODE]` among the fds of the process that holds it, and each container (without a
// shared PID namespace) sees only its own processes under /proc.
import type { Diagnosis, PortEntry } from './types.ts';
import { sanitize } from '../text/sanitize.ts';

/** Socket inodes in `ls -l /proc/[0-9]*\/fd` output (the `-> socket:[N]` links). */
export function parseFdSocketInodes(text: unknown): Set<number> {
  const out = new Set<number>();
  if (typeof text !== 'string') return out;
  for (const m of text.matchAll(/-> socket:\[(\d+)\]/g)) out.add(Number(m[1]));
  return out;
}

/** Container -> its processes' socket inodes; undefined where its /proc could not be read. */
export type FdSockets = Readonly<Record<string, ReadonlySet<number> | undefined>>;

/** Each container's raw fd listing (undefined: unread) as socket inodes; container names sanitized. */
export function fdSocketsOf(listings: Readonly<Record<string, string | undefined>>): FdSockets {
  const out: Record<string, ReadonlySet<number> | undefined> = {};
  for (const [container, text] of Object.entries(listings)) out[sanitize(container)] = text === undefined ? undefined : parseFdSocketInodes(text);
  return out;
}

/** The owners of one port's listening sockets. */
export function ownersOf(inodes: readonly (number | undefined)[], fds: FdSockets): NonNullable<PortEntry['owners']> {
  const names = Object.keys(fds);
  const heldBy: string[] = [];
  let unknown = false;
  for (const inode of inodes) {
    const owner = inode === undefined || inode === 0 ? undefined : names.find((n) => fds[n]?.has(inode));
    if (owner === undefined) unknown = true;
    else if (!heldBy.includes(owner)) heldBy.push(owner);
  }
  return { heldBy, unknown, unread: names.filter((n) => fds[n] === undefined) };
}

/**
 * A declared port whose socket the declaring containers' processes do not hold: traffic for
 * the app reaches another container (a sidecar in front of it), or nothing the app runs.
 * Claimed only where the declarers' /proc was read.
 */
export function portOwnerFindings(ports: readonly PortEntry[]): Diagnosis[] {
  const out: Diagnosis[] = [];
  for (const p of ports) {
    const owners = p.owners;
    if (!owners || p.containers.length === 0 || !p.listening?.length) continue;
    if (p.containers.some((c) => owners.heldBy.includes(c) || owners.unread.includes(c))) continue;
    const declarers = p.containers.join(' and ');
    const holder = owners.heldBy.length > 0 ? `held by ${owners.heldBy.join(' and ')}` : 'its processes do not hold it (owner unknown)';
    const elsewhere = ports.filter((q) => q !== p && q.owners?.heldBy.some((c) => p.containers.includes(c))).map((q) => `${q.port}/${q.protocol}`);
    const hint = elsewhere.length > 0 ? ` (${declarers} listens on ${elsewhere.join(', ')})` : '';
    out.push({ severity: 'warning', code: 'PortHeldByOtherContainer', container: p.containers[0], message: `port ${p.port}/${p.protocol} is declared by ${declarers} but ${holder}${hint}` });
  }
  return out;
}
