// The port probe's `cat /proc/net/...` answered from the scenario's sockets (the host's own
// /proc would describe this machine, not the Pod, and the sandbox's own network namespace holds
// only its loopback).
import type { SocketSpec } from '../scenario/types.ts';
import { renderProcNet, type ProcNetTables } from '../scenario/procNet.ts';

export function procNetText(sockets: readonly SocketSpec[], tables: Array<keyof ProcNetTables>): string {
  const rendered = renderProcNet(sockets);
  return tables.map((table) => rendered[table]).join('');
}
