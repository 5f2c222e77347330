// Errors as kube-apiserver sends them: a v1 Status in JSON with the HTTP code.
import type { ServerResponse } from 'node:http';
import type { V1Status } from '@kubernetes/client-node';

export function sendStatus(res: ServerResponse, status: V1Status): void {
  const code = status.code ?? 500;
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...status, code });
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export const badRequest = (message: string): V1Status => ({ status: 'Failure', reason: 'BadRequest', message, code: 400 });
export const notFound = (message: string, name: string): V1Status => ({ status: 'Failure', reason: 'NotFound', message, code: 404, details: { name, kind: 'pods' } });
