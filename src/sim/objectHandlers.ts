// Single-object verbs over HTTP: get, create, replace, patch and delete, answered with the
// object (or a Status) as kube-apiserver does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiPath } from './apiPath.ts';
import { deletePreconditions, preconditionFailure } from './deletePreconditions.ts';
import { StoreError } from './objectStore.ts';
import type { KObject } from './kObject.ts';
import { validateObject } from './objectValidation.ts';
import { QueryError, queryInt } from './queryParams.ts';
import { PatchError, applyPatch } from './patch.ts';
import type { ResourceDef } from './resources.ts';
import type { SimCore } from './simCore.ts';
import { badRequest, notFound, sendJson, sendStatus, status } from './status.ts';
import { tableInclude, tableString, wantsTable } from './table.ts';

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBuffer(req)).toString('utf8');
}

export async function readBodyBuffer(req: IncomingMessage, limit = 8 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new StoreError(413, 'RequestEntityTooLarge', 'the request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson(body: string): KObject {
  try {
    const v = JSON.parse(body);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    // fall through to the Status below
  }
  throw new StoreError(400, 'BadRequest', 'the request body is not a JSON object');
}

export function sendError(res: ServerResponse, err: unknown): void {
  if (err instanceof StoreError) return sendStatus(res, status(err.code, err.reason, err.message));
  if (err instanceof PatchError) {
    const unsupported = err.message.includes('unknown format');
    return sendStatus(res, unsupported ? status(415, 'UnsupportedMediaType', err.message) : status(422, 'Invalid', err.message));
  }
  sendStatus(res, status(500, 'InternalError', `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`));
}

/** `url`: the request's parsed target (see requestTarget.ts). */
export async function handleObject(core: SimCore, req: IncomingMessage, res: ServerResponse, p: ApiPath, r: ResourceDef, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const ns = r.namespaced ? p.namespace : undefined;
  const name = p.name!;
  const entry = core.store.get(r, ns, name);
  if (method === 'GET') {
    if (!entry) return sendStatus(res, notFound(r.name, name, r.group));
    if (wantsTable(req.headers.accept)) {
      const include = tableInclude(url.searchParams);
      return sendJson(res, 200, tableString(r, [entry.object()], String(entry.rv), { now: core.now(), includeObject: include }));
    }
    return sendJson(res, 200, entry.json);
  }
  if (method === 'DELETE') {
    if (!entry) return sendStatus(res, notFound(r.name, name, r.group));
    const body = await readBody(req);
    let graceParam: number | undefined;
    try {
      graceParam = queryInt(url.searchParams, 'gracePeriodSeconds');
    } catch (err) {
      if (err instanceof QueryError) return sendStatus(res, badRequest(err.message));
      throw err;
    }
    const failed = preconditionFailure(r, entry.object(), deletePreconditions(body, url.searchParams));
    if (failed) return sendStatus(res, failed);
    const grace = graceParam ?? deleteOptionsGrace(body);
    const result = core.delete(r, ns, name, typeof grace === 'number' && Number.isFinite(grace) ? grace : undefined);
    return sendJson(res, 200, JSON.stringify(result));
  }
  if (method === 'PUT') {
    const obj = parseJson(await readBody(req));
    if (obj.metadata?.name !== name) return sendStatus(res, badRequest(`the name of the object (${obj.metadata?.name}) does not match the name on the URL (${name})`));
    if (!entry) return sendStatus(res, notFound(r.name, name, r.group));
    const want = obj.metadata?.resourceVersion;
    if (want && want !== String(entry.rv)) return sendStatus(res, conflict(r, name));
    const replacement = { ...obj, metadata: { ...obj.metadata, namespace: ns } };
    const invalid = validateObject(r, replacement);
    if (invalid) return sendStatus(res, invalid);
    return sendJson(res, 200, core.store.update(r, replacement).json);
  }
  if (method === 'PATCH') {
    if (!entry) return sendStatus(res, notFound(r.name, name, r.group));
    const patched = applyPatch(entry.object(), req.headers['content-type'], await readBody(req));
    patched.metadata = { ...patched.metadata, name, namespace: ns };
    const invalid = validateObject(r, patched);
    if (invalid) return sendStatus(res, invalid);
    return sendJson(res, 200, core.store.update(r, patched).json);
  }
  sendStatus(res, status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`));
}

export async function handleCreate(core: SimCore, req: IncomingMessage, res: ServerResponse, p: ApiPath, r: ResourceDef): Promise<void> {
  const obj = parseJson(await readBody(req));
  const ns = r.namespaced ? p.namespace : undefined;
  if (r.namespaced && !ns) return sendStatus(res, status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
  if (ns && obj.metadata?.namespace && obj.metadata.namespace !== ns) return sendStatus(res, badRequest('the namespace of the provided object does not match the namespace sent on the request'));
  if (!obj.metadata?.name && typeof obj.metadata?.generateName === 'string') obj.metadata.name = obj.metadata.generateName + Math.random().toString(36).slice(2, 7);
  // The server sets the uid; one sent by the client is dropped, as kube-apiserver does.
  const metadata = { ...obj.metadata };
  delete metadata.uid;
  const candidate = { ...obj, metadata: { ...metadata, ...(ns ? { namespace: ns } : {}) } };
  const invalid = validateObject(r, candidate);
  if (invalid) return sendStatus(res, invalid);
  const entry = core.store.create(r, candidate);
  sendJson(res, 201, entry.json);
}

const conflict = (r: ResourceDef, name: string) =>
  status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${r.name}${r.group ? `.${r.group}` : ''} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );

/** gracePeriodSeconds from a JSON DeleteOptions body; other encodings fall back to the default. */
function deleteOptionsGrace(body: string): number | undefined {
  try {
    return body.trim() ? JSON.parse(body)?.gracePeriodSeconds : undefined;
  } catch {
    return undefined;
  }
}
