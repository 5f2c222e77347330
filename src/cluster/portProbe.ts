// The live port probe: all containers of a Pod share one network namespace, so reading
// /proc/net/{tcp,tcp6,udp,udp6} in any running container that has `cat` shows every socket
// of the Pod, but not whose they are: each container's fd table (`ls -l /proc/*/fd`, its own
// processes only) says which socket inodes its processes hold. Read-only by construction: the
// only commands it ever runs are that `cat` and that `ls`.
import type { KubeConfig, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { PodKey } from '../store/types.ts';
import type { PortProbeResult } from '../store/requests.ts';
import { getJson } from './request.ts';
import { describeError } from './errors.ts';
import { execCapture } from './execCapture.ts';

export const PROBE_COMMAND = ['cat', '/proc/net/tcp', '/proc/net/tcp6', '/proc/net/udp', '/proc/net/udp6'];
/** Every process of the container (the glob needs a shell); without one, pid 1 alone. */
export const FD_COMMANDS = [
  ['sh', '-c', 'ls -l /proc/[0-9]*/fd'],
  ['ls', '-l', '/proc/1/fd'],
];

/** Running containers, app containers first, then running native sidecars. */
export function runningContainers(pod: V1Pod): string[] {
  const running = (list: V1ContainerStatus[] | undefined): string[] => (list ?? []).filter((s) => s.state?.running).map((s) => s.name);
  return [...running(pod.status?.containerStatuses), ...running(pod.status?.initContainerStatuses)];
}

// A host without IPv6 has no tcp6/udp6 and `cat` exits 1 after printing the rest: still an answer.
const hasTable = (text: string): boolean => /^\s*sl\s+local_address/m.test(text);
// ls exits 1 when a process it lists is another user's or has just gone; what it printed still counts.
const hasFdListing = (text: string): boolean => /(^|\n)\/proc\/\d+\/fd:|\s->\s/.test(text);

/** One container's fd listing, or undefined where it cannot be read (no shell, no ls, forbidden). */
async function readFds(kubeConfig: KubeConfig, key: PodKey, container: string): Promise<string | undefined> {
  for (const command of FD_COMMANDS) {
    const result = await execCapture(kubeConfig, { namespace: key.namespace, pod: key.name, container }, command, { keepBytes: 4 << 20 });
    if (result.kind === 'exited' && hasFdListing(result.stdout)) return result.stdout;
    if (result.kind === 'error') return undefined;
  }
  return undefined;
}

/** Each running container's fd listing, read one after another (an exec each); undefined where unreadable. */
export async function readFdTables(kubeConfig: KubeConfig, key: PodKey, containers: readonly string[]): Promise<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = {};
  for (const container of containers) out[container] = await readFds(kubeConfig, key, container);
  return out;
}

export async function probePorts(kubeConfig: KubeConfig, key: PodKey): Promise<PortProbeResult> {
  let pod: V1Pod;
  try {
    pod = await getJson<V1Pod>(kubeConfig, `/api/v1/namespaces/${encodeURIComponent(key.namespace)}/pods/${encodeURIComponent(key.name)}`, {}, {});
  } catch (err) {
    return { ok: false, reason: describeError(err, `get pod ${key.namespace}/${key.name}`) };
  }
  const containers = runningContainers(pod);
  if (containers.length === 0) return { ok: false, reason: 'no running container to read /proc/net from' };
  const failures: string[] = [];
  for (const container of containers) {
    const result = await execCapture(kubeConfig, { namespace: key.namespace, pod: key.name, container }, PROBE_COMMAND, { keepBytes: 8 << 20 });
    if (result.kind === 'exited' && hasTable(result.stdout)) return { ok: true, container, tables: result.stdout, fds: await readFdTables(kubeConfig, key, containers) };
    if (result.kind === 'error' && result.forbidden) return { ok: false, reason: `probe skipped: ${result.message}` };
    const why = result.kind === 'exited' ? `exit code ${result.exitCode}` : result.kind === 'missing-executable' ? 'no cat in the image' : result.message;
    failures.push(`${container}: ${why}`);
  }
  return { ok: false, reason: `no container could read /proc/net (${failures.join('; ')})` };
}
