// The port probe's `cat /proc/net/...` and `ls -l /proc/*/fd` answered from the scenario's sockets (the host's own
// /proc would describe this machine, not the Pod, and the sandbox's own network namespace holds
// only its loopback).
import type { SocketSpec } from '../scenario/types.ts';
import { renderProcFd, renderProcNet, type ProcNetTables } from '../scenario/procNet.ts';

export function procNetText(sockets: readonly SocketSpec[], tables: Array<keyof ProcNetTables>): string {
  const rendered = renderProcNet(sockets);
  return tables.map((table) => rendered[table]).join('');
}

/** One container's processes' fd links: the socket inodes match the ones procNetText prints. */
export function procFdText(sockets: readonly SocketSpec[], container: string): string {
  return renderProcFd(sockets, container);
}
