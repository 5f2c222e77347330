// GET /api/v1/namespaces/{ns}/pods/{name}/log, with kube-apiserver's and the kubelet's
// parameters and error wording, so that kubectl and client-node behave as against a cluster.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { V1ContainerStatus } from '@kubernetes/client-node';
import type { PodHttpHandler, PodRoute, SimWorld } from '../world.ts';
import { hubFor, type ContainerLogs } from './hub.ts';
import { formatRecord, type ContainerInstance, type LogRecord } from './instance.ts';
import { allContainerNames, appContainerNames, containerStatus, initContainerNames } from './podContainers.ts';
import { badRequest, notFound, sendStatus } from './status.ts';
import { parseRfc3339 } from './timestamps.ts';
import { QueryError, queryBool, queryInt } from '../queryParams.ts';

interface LogQuery {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceMs?: number;
  limitBytes?: number;
}

function parseQuery(url: URL, now: number): LogQuery | string {
  const params = url.searchParams;
  const q: LogQuery = { follow: queryBool(params, 'follow'), previous: queryBool(params, 'previous'), timestamps: queryBool(params, 'timestamps') };
  q.container = params.get('container') || undefined;
  let tail: number | undefined;
  let since: number | undefined;
  let limit: number | undefined;
  try {
    tail = queryInt(params, 'tailLines');
    since = queryInt(params, 'sinceSeconds');
    limit = queryInt(params, 'limitBytes');
  } catch (err) {
    if (err instanceof QueryError) return err.message;
    throw err;
  }
  const sinceTime = url.searchParams.get('sinceTime');
  if (since !== undefined && sinceTime) return 'at most one of sinceTime or sinceSeconds may be specified';
  if (typeof tail === 'number') {
    if (tail < 0) return `tailLines: Invalid value: ${tail}: must be greater than or equal to 0`;
    q.tailLines = tail;
  }
  if (typeof since === 'number') {
    if (since < 1) return `sinceSeconds: Invalid value: ${since}: must be greater than 0`;
    q.sinceMs = now - since * 1000;
  }
  if (sinceTime) {
    const ms = parseRfc3339(sinceTime);
    if (!Number.isFinite(ms)) return `sinceTime: Invalid value: "${sinceTime}": must be RFC3339`;
    q.sinceMs = ms;
  }
  if (typeof limit === 'number') {
    if (limit < 1) return `limitBytes: Invalid value: ${limit}: must be greater than 0`;
    q.limitBytes = limit;
  }
  return q;
}

/** Picks the instance the kubelet would read, or its error (validateContainerLogStatus). */
function pickInstance(entry: ContainerLogs, status: V1ContainerStatus | undefined, q: LogQuery, c: string, p: string): ContainerInstance | string {
  const lastTerminated = status?.lastState?.terminated;
  if (q.previous) return lastTerminated && entry.previous ? entry.previous : `previous terminated container "${c}" in pod "${p}" not found`;
  const state = status?.state;
  if (state?.running || state?.terminated) return entry.current;
  if (lastTerminated && entry.previous) return entry.previous;
  const reason = state?.waiting?.reason;
  if (reason === 'ErrImagePull') return `container "${c}" in pod "${p}" is waiting to start: image can't be pulled`;
  if (reason === 'ImagePullBackOff') return `container "${c}" in pod "${p}" is waiting to start: trying and failing to pull image`;
  if (reason) return `container "${c}" in pod "${p}" is waiting to start: ${reason}`;
  return `container "${c}" in pod "${p}" is waiting to start - no logs yet`;
}

function selectHistory(records: LogRecord[], q: LogQuery): LogRecord[] {
  let out = q.sinceMs === undefined ? records : records.filter((r) => r.ms >= (q.sinceMs as number));
  if (q.tailLines !== undefined) out = q.tailLines === 0 ? [] : out.slice(-q.tailLines);
  return out;
}

function serve(world: SimWorld, req: IncomingMessage, res: ServerResponse, route: PodRoute): void {
  const { namespace, name } = route;
  const denied = world.authorize({ verb: 'get', resource: 'pods', subresource: 'log', namespace, name });
  if (denied) return sendStatus(res, { ...denied, code: denied.code ?? 403 });
  const pod = world.pod(namespace, name);
  if (!pod) return sendStatus(res, notFound(`pods "${name}" not found`, name));
  const q = parseQuery(route.url, world.now());
  if (typeof q === 'string') return sendStatus(res, badRequest(q));
  let container = q.container;
  if (!container) {
    const apps = appContainerNames(pod);
    if (apps.length !== 1) {
      const inits = initContainerNames(pod);
      const initPart = inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : '';
      return sendStatus(res, badRequest(`a container name must be specified for pod ${name}, choose one of: [${apps.join(' ')}]${initPart}`));
    }
    container = apps[0];
  }
  if (!allContainerNames(pod).includes(container!)) return sendStatus(res, badRequest(`container ${container} is not valid for pod ${name}`));
  const hub = hubFor(world);
  const entry = hub.logs(namespace, name, container!);
  const instance = pickInstance(entry, containerStatus(pod, container!), q, container!, name);
  if (typeof instance === 'string') return sendStatus(res, badRequest(instance));

  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  let body = '';
  for (const r of selectHistory(instance.records(), q)) body += formatRecord(r, q.timestamps);
  if (q.limitBytes !== undefined && Buffer.byteLength(body) >= q.limitBytes) {
    res.end(Buffer.from(body).subarray(0, q.limitBytes));
    return;
  }
  const remaining = q.limitBytes === undefined ? Infinity : q.limitBytes - Buffer.byteLength(body);
  if (body) res.write(body);
  if (!q.follow || instance.ended) {
    res.end();
    return;
  }
  // Clients learn the stream is open from the headers; send them now, not with the first line.
  res.flushHeaders();
  const stop = hub.follow(namespace, name, container!, instance, { res, timestamps: q.timestamps, remaining });
  res.on('close', stop);
  req.on('close', stop);
}

export const handlePodLog: PodHttpHandler = (world, req, res, route) => serve(world, req, res, route);
