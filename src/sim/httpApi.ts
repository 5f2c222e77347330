// Routes one authenticated HTTP request: discovery, metrics, access reviews, Pod subresources,
// list/watch and single-object verbs, with authorization checked as kube-apiserver does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { reviewAccess } from './access.ts';
import { parseApiPath, type ApiPath } from './apiPath.ts';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery.ts';
import { serveList } from './listing.ts';
import { handleCreate, handleObject, readBodyBuffer, sendError } from './objectHandlers.ts';
import { decodeAccessReview, isKubeProtobuf } from './protoReview.ts';
import { serveMetricsList } from './metricsList.ts';
import { metricsSource, podMetrics } from './podMetrics.ts';
import { podHttpHandlers, podUpgradeHandlers } from './podSubresources.ts';
import { isStatus, parseListOptions } from './listOptions.ts';
import { QueryError, queryBool, withConvertedFlags } from './queryParams.ts';
import { parseListQuery } from './requestQuery.ts';
import { findResource, storedResource, type ResourceDef } from './resources.ts';
import { SelectorError } from './selectors.ts';
import type { SimCore } from './simCore.ts';
import { badRequest, methodNotAllowed, notFound, pathNotFound, sendJson, sendStatus } from './status.ts';

export interface ApiOptions {
  metrics: boolean;
}

const json = (res: ServerResponse, body: object) => sendJson(res, 200, JSON.stringify(body));

/** `url`: the request's target, already parsed (see requestTarget.ts). */
export async function handleApiRequest(core: SimCore, opts: ApiOptions, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  try {
    if (path === '/version') return json(res, versionInfo());
    if (path === '/healthz' || path === '/readyz' || path === '/livez') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    if (path === '/api') return json(res, apiVersions());
    if (path === '/apis') return json(res, apiGroupList(opts));
    const disc = /^\/api\/(v1)$/.exec(path) ?? /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
    if (disc) {
      const doc = path.startsWith('/api/') ? apiResourceList('', disc[1]!, opts) : apiResourceList(disc[1]!, disc[2]!, opts);
      return doc ? json(res, doc) : sendStatus(res, pathNotFound(path));
    }
    const group = /^\/apis\/([^/]+)$/.exec(path);
    if (group) {
      const doc = apiGroup(group[1]!, opts);
      return doc ? json(res, doc) : sendStatus(res, pathNotFound(path));
    }
    const p = parseApiPath(path);
    const r = p && findResource(p.group, p.version, p.resource);
    if (!p || !r || (r.group === 'metrics.k8s.io' && !opts.metrics) || (!r.namespaced && p.namespace)) return sendStatus(res, pathNotFound(path));
    await handleResource(core, req, res, url, p, r);
  } catch (err) {
    if (err instanceof SelectorError || err instanceof QueryError) return sendStatus(res, badRequest(err.message));
    sendError(res, err);
  }
}

function verbOf(method: string, p: ApiPath, watch: boolean): string {
  if (method === 'GET') return p.name ? (watch ? 'watch' : 'get') : watch ? 'watch' : 'list';
  return { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: p.name ? 'delete' : 'deletecollection' }[method] ?? method.toLowerCase();
}

async function handleResource(core: SimCore, req: IncomingMessage, res: ServerResponse, url: URL, p: ApiPath, r: ResourceDef): Promise<void> {
  const method = req.method ?? 'GET';
  const watch = p.watchPrefix || queryBool(url.searchParams, 'watch');
  const verb = r.name === 'selfsubjectaccessreviews' ? 'create' : verbOf(method, p, watch);
  if (!r.verbs.includes(verb) && !p.subresource) return sendStatus(res, methodNotAllowed(method, r.name));
  const denied = core.access.authorize({ verb, resource: r.name, group: r.group, subresource: p.subresource, namespace: p.namespace, name: p.name });
  if (denied) return sendStatus(res, denied);

  if (r.name === 'selfsubjectaccessreviews') {
    if (method !== 'POST') return sendStatus(res, methodNotAllowed(method, r.name));
    let review: unknown;
    try {
      const body = await readBodyBuffer(req);
      review = isKubeProtobuf(body) ? decodeAccessReview(body) : JSON.parse(body.toString('utf8'));
    } catch {
      return sendStatus(res, badRequest('the request body is not a valid SelfSubjectAccessReview'));
    }
    return sendJson(res, 201, JSON.stringify(reviewAccess(core.access, review)));
  }
  if (r.group === 'metrics.k8s.io') return serveMetrics(core, req, res, url, p, r);
  if (p.subresource) {
    if (r.name !== 'pods' || r.group) return sendStatus(res, pathNotFound(url.pathname));
    const route = { namespace: p.namespace ?? '', name: p.name!, url: withConvertedFlags(url) };
    const handler = podHttpHandlers[p.subresource];
    if (handler) return handler(core, req, res, route);
    // A streaming subresource asked for without an upgrade: its handler answers with the
    // Status kube-apiserver would give (not found, forbidden, upgrade required) on the socket.
    const upgrade = podUpgradeHandlers[p.subresource];
    if (upgrade) return upgrade(core, req, req.socket, Buffer.alloc(0), route);
    return sendStatus(res, pathNotFound(url.pathname));
  }
  if (p.name && !(watch && method === 'GET')) return handleObject(core, req, res, p, r, url);
  if (method === 'POST') return handleCreate(core, req, res, p, r);
  if (method !== 'GET') return sendStatus(res, methodNotAllowed(method, r.name));
  const o = parseListOptions(url.searchParams, p.watchPrefix);
  if (isStatus(o)) return sendStatus(res, o);
  const q = parseListQuery(req, url, r, p.namespace);
  if (p.name) {
    // Watching one object by name: the same as a watch with a metadata.name field selector.
    const byName = q.matches;
    const name = p.name;
    Object.assign(q, { filtered: true, matches: (o: { metadata?: { name?: string } }) => o.metadata?.name === name && byName(o) });
  }
  if (o.watch) return core.hub.serve(req, res, q, o);
  return serveList(core.store, res, o, q, core.now());
}

function serveMetrics(core: SimCore, req: IncomingMessage, res: ServerResponse, url: URL, p: ApiPath, r: ResourceDef): void | Promise<void> {
  const now = core.now();
  const pods = storedResource('pods');
  if (p.name) {
    const pod = core.store.get(pods, p.namespace, p.name);
    const m = pod && podMetrics(pod.metricsSource(metricsSource), core.runtime(p.namespace ?? '', p.name), now);
    return m ? json(res, m) : sendStatus(res, notFound(r.name, p.name, r.group));
  }
  const q = parseListQuery(req, url, pods, p.namespace);
  return serveMetricsList(core, res, q);
}
