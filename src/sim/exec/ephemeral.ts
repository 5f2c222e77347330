// pods/ephemeralcontainers: how `kubectl debug` (and podview's debug offer) add a container to
// a running Pod. Accepts JSON patch, merge patch and strategic merge patch; the new container
// starts running shortly after, as the kubelet would report it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { V1EphemeralContainer, V1Pod, V1Status } from '@kubernetes/client-node';
import type { PodHttpHandler } from '../world.ts';
import { failure } from './protocol.ts';

const START_DELAY_MS = 300;

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
const sendStatus = (res: ServerResponse, status: V1Status): void => send(res, status.code ?? 500, status);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The ephemeral containers the patch asks for, or a Status saying why it cannot be applied. */
function requested(contentType: string, body: unknown, existing: V1EphemeralContainer[]): V1EphemeralContainer[] | V1Status {
  const invalid = (message: string): V1Status => failure(422, 'Invalid', message);
  if (contentType.includes('json-patch')) {
    if (!Array.isArray(body)) return failure(400, 'BadRequest', 'json patch must be an array of operations');
    let list = [...existing];
    for (const op of body as Array<{ op?: string; path?: string; value?: unknown }>) {
      if ((op.op === 'add' || op.op === 'replace') && op.path === '/spec/ephemeralContainers' && Array.isArray(op.value)) list = op.value as V1EphemeralContainer[];
      else if (op.op === 'add' && op.path === '/spec/ephemeralContainers/-' && op.value) list.push(op.value as V1EphemeralContainer);
      else return invalid(`unsupported patch operation ${op.op} ${op.path}: only spec.ephemeralContainers may change`);
    }
    return list;
  }
  const wanted = (body as { spec?: { ephemeralContainers?: V1EphemeralContainer[] } })?.spec?.ephemeralContainers;
  if (!Array.isArray(wanted)) return existing;
  const merged = [...existing];
  for (const container of wanted) {
    const at = merged.findIndex((c) => c.name === container.name);
    if (at >= 0) merged[at] = { ...merged[at], ...container };
    else merged.push(container);
  }
  return merged;
}

function validate(pod: V1Pod, list: V1EphemeralContainer[], existing: V1EphemeralContainer[]): V1Status | undefined {
  const podName = pod.metadata?.name ?? '';
  const invalid = (message: string): V1Status => failure(422, 'Invalid', `Pod "${podName}" is invalid: ${message}`);
  if (existing.some((old) => !list.some((c) => c.name === old.name))) return invalid('spec.ephemeralContainers: Forbidden: existing ephemeral containers may not be removed');
  const taken = new Set([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name));
  for (const c of list) {
    if (!c.name) return invalid('spec.ephemeralContainers[].name: Required value');
    if (!c.image) return invalid(`spec.ephemeralContainers[${c.name}].image: Required value`);
    if (taken.has(c.name)) return invalid(`spec.ephemeralContainers[${c.name}].name: Duplicate value: "${c.name}"`);
    if (c.targetContainerName && !taken.has(c.targetContainerName)) {
      return invalid(`spec.ephemeralContainers[${c.name}].targetContainerName: Not found: "${c.targetContainerName}"`);
    }
  }
  return undefined;
}

export const handleEphemeralContainers: PodHttpHandler = async (world, req, res, route) => {
  const { namespace, name } = route;
  const verb = req.method === 'GET' ? 'get' : req.method === 'PATCH' ? 'patch' : req.method === 'PUT' ? 'update' : '';
  if (!verb) return sendStatus(res, failure(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource (${(req.method ?? '').toLowerCase()} pods ephemeralcontainers)`));
  const denied = world.authorize({ verb, resource: 'pods', subresource: 'ephemeralcontainers', namespace, name });
  if (denied) return sendStatus(res, denied);
  const pod = world.pod(namespace, name);
  if (!pod) return sendStatus(res, failure(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' }));
  if (verb === 'get') return send(res, 200, pod);
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    return sendStatus(res, failure(400, 'BadRequest', 'the request body is not valid JSON'));
  }
  const existing = pod.spec?.ephemeralContainers ?? [];
  const list = verb === 'update' ? ((body as V1Pod).spec?.ephemeralContainers ?? []) : requested(req.headers['content-type'] ?? '', body, existing);
  if (!Array.isArray(list)) return sendStatus(res, list);
  const problem = validate(pod, list, existing);
  if (problem) return sendStatus(res, problem);
  const added = list.filter((c) => !existing.some((old) => old.name === c.name));
  const updated = world.updatePod(namespace, name, (p) => {
    const statuses = [...(p.status?.ephemeralContainerStatuses ?? [])];
    for (const c of added) {
      statuses.push({ name: c.name, image: c.image ?? '', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } });
    }
    return { ...p, spec: { ...p.spec!, ephemeralContainers: list }, status: { ...p.status, ephemeralContainerStatuses: statuses } };
  });
  if (added.length > 0) {
    setTimeout(() => {
      world.updatePod(namespace, name, (p) => {
        const startedAt = new Date(world.now());
        const statuses = (p.status?.ephemeralContainerStatuses ?? []).map((s) =>
          added.some((c) => c.name === s.name) ? { ...s, containerID: `containerd://${(p.metadata?.uid ?? '').replace(/-/g, '')}${s.name}`.slice(0, 77), state: { running: { startedAt } } } : s,
        );
        return { ...p, status: { ...p.status, ephemeralContainerStatuses: statuses } };
      });
    }, START_DELAY_MS).unref();
  }
  send(res, 200, updated ?? pod);
};
