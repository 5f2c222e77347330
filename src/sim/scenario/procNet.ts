// Renders /proc/net/{tcp,tcp6,udp,udp6} byte for byte as Linux 6.x prints them
// (net/ipv4/tcp_ipv4.c, net/ipv6/tcp_ipv6.c, net/ipv4/udp.c, net/ipv6/datagram.c), so tools that
// parse the real files (ss-like readers, `cat /proc/net/tcp` in an exec shell) work unchanged.
import type { SocketSpec } from './types.ts';
import { hash32 } from './rng.ts';

export interface ProcNetTables {
  tcp: string;
  tcp6: string;
  udp: string;
  udp6: string;
}

// seq_setwidth(TMPSZ - 1) for tcp4 and 127 for udp4: those lines are space-padded; the v6 ones are not.
const TCP4_WIDTH = 149;
const UDP4_WIDTH = 127;
const TCP4_HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const TCP6_HEADER = '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const UDP4_HEADER = '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops';
const UDP6_HEADER = '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops';

const TCP_STATE: Record<SocketSpec['state'], number> = { ESTABLISHED: 0x01, TIME_WAIT: 0x06, CLOSE: 0x07, LISTEN: 0x0a };

const hex = (n: number, width: number): string => (n >>> 0).toString(16).toUpperCase().padStart(width, '0');
const dec = (n: number, width: number): string => String(n).padStart(width, ' ');
const padTo = (line: string, width: number): string => line.padEnd(width, ' ');

/** 16 bytes of an IPv6 address; dotted IPv4 becomes its IPv4-mapped form (::ffff:a.b.c.d). */
export function ipv6Bytes(address: string): number[] {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) return ipv6Bytes(`::ffff:${address}`);
  let text = address;
  let tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail = ipv4Bytes(dotted[1]!);
    text = `${text.slice(0, dotted.index)}:0:0`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (part: string | undefined): number[] =>
    part
      ? part
          .split(':')
          .filter((g) => g !== '')
          .map((g) => parseInt(g, 16))
      : [];
  const left = groups(head);
  const right = groups(rest);
  const fill = rest === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  const words = [...left, ...fill, ...right];
  if (words.length !== 8 || words.some((w) => !(w >= 0 && w <= 0xffff))) throw new Error(`not an IPv6 address: ${address}`);
  const bytes = words.flatMap((w) => [w >> 8, w & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

export function ipv4Bytes(address: string): number[] {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) throw new Error(`not an IPv4 address: ${address}`);
  return parts;
}

/** The kernel prints the address as the in-memory u32(s) with %08X: little-endian bytes per 32-bit word. */
function leWord(bytes: number[], offset: number): string {
  return hex(bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24), 8);
}

export function hexAddress(family: SocketSpec['family'], address: string, port: number): string {
  const bytes = family === 'ipv4' ? ipv4Bytes(address) : ipv6Bytes(address);
  let words = '';
  for (let offset = 0; offset < bytes.length; offset += 4) words += leWord(bytes, offset);
  return `${words}:${hex(port, 4)}`;
}

const anyAddress = (family: SocketSpec['family']): string => (family === 'ipv4' ? '0.0.0.0' : '::');

function remote(s: SocketSpec): string {
  return hexAddress(s.family, s.remoteAddress ?? anyAddress(s.family), s.remotePort ?? 0);
}

/** What the kernel prints for %pK: a hashed pointer, stable per socket here. */
function pointer(seed: string): string {
  return hex(hash32(`hi:${seed}`), 8).toLowerCase() + hex(hash32(`lo:${seed}`), 8).toLowerCase();
}

const inodeOf = (s: SocketSpec, index: number): number => s.inode ?? 20000 + (hash32(`${s.container}/${s.localPort}/${index}`) % 900000);

function tcpLine(s: SocketSpec, sl: number, index: number): string {
  const addrs = `${hexAddress(s.family, s.localAddress, s.localPort)} ${remote(s)} ${hex(TCP_STATE[s.state], 2)}`;
  const ptr = pointer(`${s.family}${s.localAddress}${s.localPort}${s.remotePort ?? 0}${index}`);
  if (s.state === 'TIME_WAIT') {
    // get_timewait*_sock: timer 3 with the remaining jiffies, no uid/inode, three references.
    return `${dec(sl, 4)}: ${addrs} 00000000:00000000 03:${hex(0x1770 - index * 0x40, 8)} 00000000 ${dec(0, 5)} ${dec(0, 8)} 0 3 ${ptr}`;
  }
  const listening = s.state === 'LISTEN';
  // rto ato quick|pingpong cwnd ssthresh (listeners print fastopen max_qlen instead)
  const tail = listening ? '100 0 0 10 0' : '20 4 30 10 -1';
  const uid = dec(s.uid ?? 0, 5);
  return `${dec(sl, 4)}: ${addrs} 00000000:00000000 00:00000000 00000000 ${uid} ${dec(0, 8)} ${inodeOf(s, index)} 1 ${ptr} ${tail}`;
}

function udpLine(s: SocketSpec, index: number): { sl: number; text: string } {
  // The slot is the udp hash bucket of the local port; connected sockets print ESTABLISHED, the rest CLOSE.
  const sl = s.localPort & 0x7fff;
  const state = s.state === 'ESTABLISHED' ? 0x01 : 0x07;
  const ptr = pointer(`udp${s.family}${s.localAddress}${s.localPort}${index}`);
  const body = `${hexAddress(s.family, s.localAddress, s.localPort)} ${remote(s)} ${hex(state, 2)} 00000000:00000000 00:00000000 00000000 ${dec(s.uid ?? 0, 5)} ${dec(0, 8)} ${inodeOf(s, index)} 2 ${ptr} 0`;
  return { sl, text: `${dec(sl, 5)}: ${body}` };
}

// The kernel walks the listening hash before the established one, so listeners come first.
const listenersFirst = (a: SocketSpec, b: SocketSpec): number => Number(b.state === 'LISTEN') - Number(a.state === 'LISTEN');

export function renderProcNet(sockets: readonly SocketSpec[]): ProcNetTables {
  const indexed = sockets.map((s, index) => ({ s, index }));
  const tcpOf = (family: SocketSpec['family']) => indexed.filter(({ s }) => s.protocol === 'tcp' && s.family === family).sort((a, b) => listenersFirst(a.s, b.s));
  const udpOf = (family: SocketSpec['family']) =>
    indexed
      .filter(({ s }) => s.protocol === 'udp' && s.family === family)
      .map(({ s, index }) => udpLine(s, index))
      .sort((a, b) => a.sl - b.sl);

  const tcp = [padTo(TCP4_HEADER, TCP4_WIDTH), ...tcpOf('ipv4').map(({ s, index }, sl) => padTo(tcpLine(s, sl, index), TCP4_WIDTH))];
  const tcp6 = [TCP6_HEADER, ...tcpOf('ipv6').map(({ s, index }, sl) => tcpLine(s, sl, index))];
  const udp = [padTo(UDP4_HEADER, UDP4_WIDTH), ...udpOf('ipv4').map((l) => padTo(l.text, UDP4_WIDTH))];
  const udp6 = [UDP6_HEADER, ...udpOf('ipv6').map((l) => l.text)];
  const file = (lines: string[]): string => `${lines.join('\n')}\n`;
  return { tcp: file(tcp), tcp6: file(tcp6), udp: file(udp), udp6: file(udp6) };
}

/**
 * `ls -l /proc/[0-9]*\/fd` as busybox prints it inside one container: its own processes only
 * (no shared PID namespace), pid 1 holding stdio and that container's sockets, each a
 * `socket:[INODE]` link with the inode /proc/net prints for it. TIME_WAIT sockets belong to no fd.
 */
export function renderProcFd(sockets: readonly SocketSpec[], container: string): string {
  const owned = sockets.map((s, index) => ({ s, index })).filter(({ s }) => s.container === container && s.state !== 'TIME_WAIT');
  const uid = owned[0]?.s.uid ?? 0;
  const user = uid === 0 ? 'root' : String(uid);
  const link = (fd: number, target: string) => `lrwx------    1 ${user.padEnd(8)} ${user.padEnd(8)}        64 Dec  4 05:00 ${fd} -> ${target}`;
  const base = hash32(`fd:${container}`) % 90000;
  const lines = ['/proc/1/fd:', 'total 0', link(0, '/dev/null'), link(1, `pipe:[${10000 + base}]`), link(2, `pipe:[${10001 + base}]`)];
  for (const [i, { s, index }] of owned.entries()) lines.push(link(3 + i, `socket:[${inodeOf(s, index)}]`));
  return `${lines.join('\n')}\n`;
}
