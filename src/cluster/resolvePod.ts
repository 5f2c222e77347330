// What a Pod argument names, as kubectl reads it and one step further: the exact name;
// TYPE/NAME of a workload (deploy, rs, sts, ds, job), meaning the Pods it owns; and a unique
// prefix of a Pod's name (`user-msvc` for `user-msvc-7d9f8c6b5-x2kqp`).
import type { KubeConfig, V1LabelSelector, V1Pod, V1PodList } from '@kubernetes/client-node';
import { describeError, httpStatus, UserError } from './errors.ts';
import { getJson, serverOf } from './request.ts';

interface WorkloadKind {
  path: string;
  kind: string;
}

const APPS = '/apis/apps/v1';
const BATCH = '/apis/batch/v1';
const WORKLOADS: Record<string, WorkloadKind> = {};
for (const [names, path, kind] of [
  [['deploy', 'deployment', 'deployments'], `${APPS}/namespaces/NS/deployments`, 'Deployment'],
  [['rs', 'replicaset', 'replicasets'], `${APPS}/namespaces/NS/replicasets`, 'ReplicaSet'],
  [['sts', 'statefulset', 'statefulsets'], `${APPS}/namespaces/NS/statefulsets`, 'StatefulSet'],
  [['ds', 'daemonset', 'daemonsets'], `${APPS}/namespaces/NS/daemonsets`, 'DaemonSet'],
  [['job', 'jobs'], `${BATCH}/namespaces/NS/jobs`, 'Job'],
] as const) {
  for (const name of names) WORKLOADS[name] = { path, kind };
}
const POD_TYPES = new Set(['po', 'pod', 'pods']);

export interface ResolvedPods {
  /** The Pod to show or read: the named one, or the one kubectl would pick among several. */
  name: string;
  /** Every Pod the argument names, the chosen one first (one for a name or prefix). */
  pods: string[];
  /** Set for TYPE/NAME: what the Pods belong to, e.g. "deployment/user-msvc". */
  owner?: string;
  /** Set for TYPE/NAME: the owner's label selector, which lists exactly its Pods. */
  selector?: string;
}

export interface ResolveOptions {
  timeoutMs?: number;
}

/** "app=a,tier=b" from a selector's matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
export function selectorQuery(selector: V1LabelSelector | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector?.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** kubectl's choice among a workload's Pods: running and ready first, then the newest. */
export function preferredOrder(pods: readonly V1Pod[]): V1Pod[] {
  const rank = (p: V1Pod) => (p.metadata?.deletionTimestamp ? 3 : p.status?.phase !== 'Running' ? 2 : p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  const created = (p: V1Pod) => new Date(p.metadata?.creationTimestamp ?? 0).getTime();
  return [...pods].sort((a, b) => rank(a) - rank(b) || created(b) - created(a) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

async function listPods(kubeConfig: KubeConfig, namespace: string, labelSelector: string | undefined, options: ResolveOptions): Promise<V1Pod[]> {
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
  try {
    const list = await getJson<V1PodList>(kubeConfig, path, labelSelector === undefined ? {} : { labelSelector }, options);
    return Array.isArray(list?.items) ? list.items.filter((p): p is V1Pod => p !== null && typeof p === 'object') : [];
  } catch (err) {
    throw new UserError(describeError(err, `list pods in namespace "${namespace}"`, serverOf(kubeConfig)));
  }
}

async function ownedPods(kubeConfig: KubeConfig, namespace: string, type: string, name: string, options: ResolveOptions): Promise<ResolvedPods> {
  const workload = WORKLOADS[type.toLowerCase()];
  const label = `${type}/${name}`;
  if (!workload) throw new UserError(`cannot show "${label}": TYPE must be pod, deploy, rs, sts, ds or job`);
  const path = `${workload.path.replace('NS', encodeURIComponent(namespace))}/${encodeURIComponent(name)}`;
  let owner: { spec?: { selector?: V1LabelSelector } };
  try {
    owner = await getJson(kubeConfig, path, {}, options);
  } catch (err) {
    if (httpStatus(err) === 404) throw new UserError(`${workload.kind.toLowerCase()} "${name}" not found in namespace "${namespace}"`);
    throw new UserError(describeError(err, `get ${workload.kind.toLowerCase()} "${name}" in namespace "${namespace}"`, serverOf(kubeConfig)));
  }
  const selector = selectorQuery(owner?.spec?.selector);
  // An empty selector would select every Pod of the namespace: never what a workload owns.
  if (!selector) throw new UserError(`${workload.kind.toLowerCase()} "${name}" has no Pod selector`);
  const pods = preferredOrder(await listPods(kubeConfig, namespace, selector, options));
  const names = pods.map((p) => p.metadata?.name ?? '').filter(Boolean);
  if (names.length === 0) throw new UserError(`${workload.kind.toLowerCase()} "${name}" has no Pods in namespace "${namespace}"`);
  return { name: names[0]!, pods: names, owner: `${workload.kind.toLowerCase()}/${name}`, selector };
}

/** TYPE/NAME of a workload (not of a Pod): it names a set of Pods. */
export function isOwnerArg(arg: string): boolean {
  const slash = arg.indexOf('/');
  return slash !== -1 && !POD_TYPES.has(arg.slice(0, slash).toLowerCase());
}

/** Resolves a Pod argument to Pod names in `namespace`; a UserError (one line) when it names none or several. */
export async function resolvePodArg(kubeConfig: KubeConfig, namespace: string, arg: string, options: ResolveOptions = {}): Promise<ResolvedPods> {
  const slash = arg.indexOf('/');
  if (slash !== -1) {
    const type = arg.slice(0, slash);
    const name = arg.slice(slash + 1);
    if (!name || name.includes('/')) throw new UserError(`invalid Pod argument "${arg}": use NAME or TYPE/NAME`);
    if (!POD_TYPES.has(type.toLowerCase())) return ownedPods(kubeConfig, namespace, type, name, options);
    arg = name;
  }
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(arg)}`;
  try {
    await getJson<V1Pod>(kubeConfig, path, {}, options);
    return { name: arg, pods: [arg] };
  } catch (err) {
    if (httpStatus(err) !== 404) throw new UserError(describeError(err, `get pod "${arg}" in namespace "${namespace}"`, serverOf(kubeConfig)));
  }
  const matches = (await listPods(kubeConfig, namespace, undefined, options))
    .map((p) => p.metadata?.name ?? '')
    .filter((n) => n.startsWith(arg))
    .sort();
  if (matches.length === 1) return { name: matches[0]!, pods: matches };
  if (matches.length === 0) throw new UserError(`pod "${arg}" not found in namespace "${namespace}"`);
  throw new UserError(`"${arg}" matches ${matches.length} Pods in namespace "${namespace}": ${matches.join(', ')}; name one`);
}
