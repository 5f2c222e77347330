// Kubernetes Status objects, shaped as kube-apiserver writes them, so clients decode our errors
// through the same code path as a real cluster's.
import type { ServerResponse } from 'node:http';
import type { V1Status } from '@kubernetes/client-node';

export function status(code: number, reason: string, message: string, details?: V1Status['details']): V1Status {
  const s: V1Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s;
}

export const notFound = (resource: string, name: string, group = ''): V1Status =>
  status(404, 'NotFound', `${resource}${group ? `.${group}` : ''} "${name}" not found`, { name, group: group || undefined, kind: resource });

export const badRequest = (message: string): V1Status => status(400, 'BadRequest', message);

export const tooOldResourceVersion = (requested: string, oldest: number): V1Status => status(410, 'Expired', `too old resource version: ${requested} (${oldest})`);

export const continueExpired = (): V1Status =>
  status(
    410,
    'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
  );

export const unauthorized = (): V1Status => status(401, 'Unauthorized', 'Unauthorized');

export const pathNotFound = (path: string): V1Status =>
  status(404, 'NotFound', `the server could not find the requested resource (path ${JSON.stringify(path).slice(1, -1)})`, {
    causes: [{ reason: 'UnexpectedServerResponse', message: '404 page not found' }],
  });

export const methodNotAllowed = (method: string, resource: string): V1Status =>
  status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource (${method.toLowerCase()} ${resource})`);

export function sendJson(res: ServerResponse, code: number, body: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(code, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendStatus(res: ServerResponse, s: V1Status): void {
  sendJson(res, s.code ?? 500, JSON.stringify(s));
}
