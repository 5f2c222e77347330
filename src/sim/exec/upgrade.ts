// What exec and attach share before a WebSocket exists: refusing an upgrade with a plain HTTP
// Status (as the API server does), and reading the stream flags of the query.
import type { Duplex } from 'node:stream';
import type { V1Status } from '@kubernetes/client-node';

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/** Answers an upgrade request with a plain HTTP Status, as the API server does before upgrading. */
export function rejectUpgrade(socket: Duplex, status: V1Status): void {
  const code = status.code ?? 500;
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', ...status });
  socket.end(
    `HTTP/1.1 ${code} ${REASONS[code] ?? 'Error'}\r\nContent-Type: application/json\r\nCache-Control: no-cache, private\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** As the API machinery reads a boolean: false when absent, `0` or `false` (any case); else true. */
function flag(url: URL, name: string): boolean {
  const value = url.searchParams.get(name);
  return value !== null && value !== '0' && value.toLowerCase() !== 'false';
}

export function streamFlags(url: URL): { stdin: boolean; stdout: boolean; stderr: boolean; tty: boolean } {
  return { stdin: flag(url, 'stdin'), stdout: flag(url, 'stdout'), stderr: flag(url, 'stderr'), tty: flag(url, 'tty') };
}
