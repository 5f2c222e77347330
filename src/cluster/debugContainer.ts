// `kubectl debug`-style ephemeral containers: added to a running Pod (for good: they cannot be
// removed), sharing the target container's process namespace, then waited for until running.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import type { PodKey } from '../store/types.ts';
import { sleep } from './backoff.ts';
import { describeError } from './errors.ts';
import { getJson, HttpMethod, sendJson } from './request.ts';

export const DEFAULT_DEBUG_IMAGE = 'busybox:1.36';

export interface DebugRequest extends PodKey {
  target: string;
  image?: string;
  /** Give up waiting for it to run after this long (default 60 s). */
  timeoutMs?: number;
  pollMs?: number;
}

export type DebugResult = { ok: true; container: string } | { ok: false; message: string };

// kubectl debug names them debugger-xxxxx from this alphabet.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
export const debugContainerName = (): string => `debugger-${[...randomBytes(5)].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;

const podPath = (namespace: string, name: string): string => `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;

export async function createDebugContainer(kubeConfig: KubeConfig, request: DebugRequest): Promise<DebugResult> {
  const { namespace, name, target } = request;
  const container = debugContainerName();
  const body = {
    spec: {
      ephemeralContainers: [
        { name: container, image: request.image ?? DEFAULT_DEBUG_IMAGE, targetContainerName: target, stdin: true, tty: true, terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' },
      ],
    },
  };
  try {
    await sendJson(kubeConfig, HttpMethod.PATCH, `${podPath(namespace, name)}/ephemeralcontainers`, body, { contentType: 'application/strategic-merge-patch+json', timeoutMs: 30_000 });
  } catch (err) {
    return { ok: false, message: describeError(err, `add an ephemeral container to ${namespace}/${name}`) };
  }
  const deadline = Date.now() + (request.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    let pod: V1Pod;
    try {
      pod = await getJson<V1Pod>(kubeConfig, podPath(namespace, name), {}, { timeoutMs: 10_000 });
    } catch (err) {
      return { ok: false, message: describeError(err, `get pod ${namespace}/${name}`) };
    }
    const status = pod.status?.ephemeralContainerStatuses?.find((s) => s.name === container);
    if (status?.state?.running) return { ok: true, container };
    if (status?.state?.terminated) return { ok: false, message: `debug container ${container} exited: ${status.state.terminated.reason ?? `exit code ${status.state.terminated.exitCode}`}` };
    const waiting = status?.state?.waiting?.reason;
    if (waiting && /ErrImagePull|ImagePullBackOff|InvalidImageName/.test(waiting)) return { ok: false, message: `debug container ${container} cannot start: ${waiting}` };
    await sleep(request.pollMs ?? 250);
  }
  return { ok: false, message: `debug container ${container} did not start within ${Math.round((request.timeoutMs ?? 60_000) / 1000)} s` };
}
