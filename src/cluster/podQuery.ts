// Which Pods a `logs` query means: a regular expression on the Pod name, or TYPE/NAME (every Pod
// the workload owns, through ownerReferences), narrowed by -l and --field-selector. The query
// becomes a label selector for the API server (the workload's own selector, so the watch only
// carries candidates) plus a test on each Pod for what a selector cannot say (the owner).
import type { KubeConfig, V1LabelSelector, V1ObjectMeta } from '@kubernetes/client-node';
import { ApiError, describeError, UserError } from './errors.ts';
import { getJson } from './request.ts';
import { selectorQuery } from './resolvePod.ts';

interface Workload {
  kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job';
  plural: string;
  group: string;
}

const WORKLOADS: Record<string, Workload> = {};
const define = (names: string[], w: Workload) => {
  for (const n of names) WORKLOADS[n] = w;
};
define(['deploy', 'deployment', 'deployments'], { kind: 'Deployment', plural: 'deployments', group: 'apis/apps/v1' });
define(['rs', 'replicaset', 'replicasets'], { kind: 'ReplicaSet', plural: 'replicasets', group: 'apis/apps/v1' });
define(['sts', 'statefulset', 'statefulsets'], { kind: 'StatefulSet', plural: 'statefulsets', group: 'apis/apps/v1' });
define(['ds', 'daemonset', 'daemonsets'], { kind: 'DaemonSet', plural: 'daemonsets', group: 'apis/apps/v1' });
define(['job', 'jobs'], { kind: 'Job', plural: 'jobs', group: 'apis/batch/v1' });

export type ParsedQuery = { kind: 'all' } | { kind: 'name'; pattern: RegExp; text: string } | { kind: 'pod'; name: string } | { kind: 'owner'; workload: Workload; name: string; text: string };

/** The query as typed; a bad regular expression or an unknown TYPE is a UserError. */
export function parseQuery(text: string | undefined): ParsedQuery {
  if (text === undefined || text === '') return { kind: 'all' };
  const slash = text.indexOf('/');
  if (slash > 0 && /^[a-z]+$/i.test(text.slice(0, slash))) {
    const type = text.slice(0, slash).toLowerCase();
    const name = text.slice(slash + 1);
    if (!name) throw new UserError(`"${text}" names no ${type}: use TYPE/NAME, e.g. deploy/user-msvc`);
    if (type === 'pod' || type === 'pods' || type === 'po') return { kind: 'pod', name };
    const workload = WORKLOADS[type];
    if (!workload) throw new UserError(`unknown type "${type}" in "${text}": use deploy, rs, sts, ds or job (or a Pod name pattern)`);
    return { kind: 'owner', workload, name, text };
  }
  try {
    return { kind: 'name', pattern: new RegExp(text), text };
  } catch {
    throw new UserError(`invalid Pod query "${text}": not a regular expression`);
  }
}

const joinSelectors = (...parts: (string | undefined)[]): string | undefined => parts.filter((p) => p).join(',') || undefined;

/** What a query decides on: the Pod's name and owners (a whole Pod, or the watch's lean copy with its owners put back). */
export interface QueriedPod {
  metadata?: Pick<V1ObjectMeta, 'name' | 'ownerReferences'>;
}

export interface ResolvedQuery {
  /** What to call the set in messages: `deploy/web`, `"user-msvc"`. */
  label: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Whether the Pod belongs to the set; 'unknown' when an owner must be read first (see learn). */
  matches(pod: QueriedPod): boolean | 'unknown';
  /** Reads what `matches` needs to decide about this Pod (a Deployment's new ReplicaSet). */
  learn(pod: QueriedPod): Promise<void>;
}

interface WorkloadObject {
  metadata?: V1ObjectMeta;
  spec?: { selector?: V1LabelSelector };
}

const ownerUids = (meta: V1ObjectMeta | undefined): string[] => (meta?.ownerReferences ?? []).map((o) => o.uid);

async function readWorkload(kubeConfig: KubeConfig, namespace: string, w: Workload, name: string): Promise<WorkloadObject> {
  try {
    return await getJson<WorkloadObject>(kubeConfig, `/${w.group}/namespaces/${encodeURIComponent(namespace)}/${w.plural}/${encodeURIComponent(name)}`);
  } catch (err) {
    if (err instanceof ApiError && err.statusCode === 404) throw new UserError(`${w.kind} ${namespace}/${name} not found`);
    if (err instanceof ApiError && err.statusCode === 403) throw new UserError(`forbidden: cannot get ${w.plural} ${namespace}/${name} (RBAC: get ${w.plural})`);
    throw new UserError(describeError(err, `read ${w.kind} ${namespace}/${name}`));
  }
}

/**
 * Resolves the query against the cluster (a TYPE/NAME is read once here). `namespace` undefined: -A.
 * userSelector/fieldSelector are -l and --field-selector, combined with the query.
 */
export async function resolveQuery(kubeConfig: KubeConfig, query: ParsedQuery, namespace: string | undefined, userSelector?: string, fieldSelector?: string): Promise<ResolvedQuery> {
  const base = { labelSelector: userSelector, fieldSelector, learn: async () => undefined };
  if (query.kind === 'all') return { ...base, label: userSelector ? `-l ${userSelector}` : 'every Pod', matches: () => true };
  if (query.kind === 'name') return { ...base, label: `"${query.text}"`, matches: (pod) => query.pattern.test(pod.metadata?.name ?? '') };
  if (query.kind === 'pod') return { ...base, label: `pod/${query.name}`, fieldSelector: joinSelectors(`metadata.name=${query.name}`, fieldSelector), matches: () => true };
  if (namespace === undefined) throw new UserError(`${query.text} names one ${query.workload.kind} of one namespace: use -n NAMESPACE instead of -A`);
  const workload = await readWorkload(kubeConfig, namespace, query.workload, query.name);
  const uid = workload.metadata?.uid ?? '';
  const labelSelector = joinSelectors(selectorQuery(workload.spec?.selector), userSelector);
  const label = `${query.workload.kind.toLowerCase()}/${query.name}`;
  if (query.workload.kind !== 'Deployment') return { label, labelSelector, fieldSelector, learn: base.learn, matches: (pod) => ownerUids(pod.metadata).includes(uid) };
  // A Deployment owns ReplicaSets, which own the Pods: a ReplicaSet we have not seen (a rollout)
  // is read once, then its Pods are decided.
  const ours = new Set<string>();
  const decided = new Set<string>();
  const learnReplicaSet = async (name: string, rsUid: string): Promise<void> => {
    try {
      const rs = await getJson<WorkloadObject>(kubeConfig, `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/replicasets/${encodeURIComponent(name)}`);
      if (rs.metadata?.uid === rsUid && ownerUids(rs.metadata).includes(uid)) ours.add(rsUid);
    } catch {
      // Unreadable (deleted, forbidden): not ours, and not asked again.
    }
    decided.add(rsUid);
  };
  const rsOwner = (pod: QueriedPod) => pod.metadata?.ownerReferences?.find((o) => o.kind === 'ReplicaSet');
  return {
    label,
    labelSelector,
    fieldSelector,
    matches(pod) {
      const owner = rsOwner(pod);
      if (!owner) return false;
      if (ours.has(owner.uid)) return true;
      return decided.has(owner.uid) ? false : 'unknown';
    },
    async learn(pod) {
      const owner = rsOwner(pod);
      if (owner && !decided.has(owner.uid)) await learnReplicaSet(owner.name, owner.uid);
    },
  };
}
