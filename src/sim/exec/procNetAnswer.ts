// The port probe's `cat /proc/net/...` answered from the scenario's sockets (the host's own
// /proc would describe this machine, not the Pod). The tables are also written under the
// container root as proc/net/*, so a shell user can `cat proc/net/tcp` too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SocketSpec } from '../scenario/types.ts';
import { renderProcNet, type ProcNetTables } from '../scenario/procNet.ts';

export function procNetText(sockets: readonly SocketSpec[], tables: Array<keyof ProcNetTables>): string {
  const rendered = renderProcNet(sockets);
  return tables.map((table) => rendered[table]).join('');
}

export function writeProcNetFiles(root: string, sockets: readonly SocketSpec[]): void {
  const rendered = renderProcNet(sockets);
  const dir = join(root, 'proc', 'net');
  mkdirSync(dir, { recursive: true });
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6'] as const) writeFileSync(join(dir, table), rendered[table]);
}
