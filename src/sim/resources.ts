// The resources the simulated API server serves, with what discovery says about each, so that
// kubectl's RESTMapper resolves `po`, `deploy`, `cj` and friends as on a real cluster.

export interface ResourceDef {
  /** "" for the core group. */
  group: string;
  version: string;
  /** Plural resource name, as in the URL. */
  name: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames?: string[];
  singular: string;
  verbs: string[];
  categories?: string[];
  /** Not stored: served by a handler (metrics, access reviews). */
  virtual?: boolean;
}

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function def(group: string, version: string, name: string, kind: string, namespaced: boolean, verbs: string[], shortNames?: string[], extra: Partial<ResourceDef> = {}): ResourceDef {
  return { group, version, name, kind, listKind: `${kind}List`, namespaced, verbs, shortNames, singular: kind.toLowerCase(), ...extra };
}

export const RESOURCES: ResourceDef[] = [
  def('', 'v1', 'pods', 'Pod', true, ALL, ['po'], { categories: ['all'] }),
  def('', 'v1', 'events', 'Event', true, ALL, ['ev']),
  def('', 'v1', 'namespaces', 'Namespace', false, ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], ['ns']),
  def('', 'v1', 'configmaps', 'ConfigMap', true, ALL, ['cm']),
  def('', 'v1', 'secrets', 'Secret', true, ALL),
  def('', 'v1', 'nodes', 'Node', false, ALL, ['no']),
  def('apps', 'v1', 'deployments', 'Deployment', true, ALL, ['deploy'], { categories: ['all'] }),
  def('apps', 'v1', 'replicasets', 'ReplicaSet', true, ALL, ['rs'], { categories: ['all'] }),
  def('apps', 'v1', 'statefulsets', 'StatefulSet', true, ALL, ['sts'], { categories: ['all'] }),
  def('apps', 'v1', 'daemonsets', 'DaemonSet', true, ALL, ['ds'], { categories: ['all'] }),
  def('batch', 'v1', 'jobs', 'Job', true, ALL, undefined, { categories: ['all'] }),
  def('batch', 'v1', 'cronjobs', 'CronJob', true, ALL, ['cj'], { categories: ['all'] }),
  def('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics', true, ['get', 'list'], undefined, { virtual: true }),
  def('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, ['create'], undefined, { virtual: true }),
];

/** Subresources listed in discovery (served by their own handlers). */
export const POD_SUBRESOURCES: { name: string; kind: string; verbs: string[] }[] = [
  { name: 'pods/log', kind: 'Pod', verbs: ['get'] },
  { name: 'pods/exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
  { name: 'pods/attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  { name: 'pods/ephemeralcontainers', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
  { name: 'pods/status', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
];

export const apiVersionOf = (r: { group: string; version: string }): string => (r.group ? `${r.group}/${r.version}` : r.version);

export const resourceId = (group: string, name: string): string => (group ? `${name}.${group}` : name);

const byId = new Map(RESOURCES.map((r) => [resourceId(r.group, r.name), r]));

export function findResource(group: string, version: string, name: string): ResourceDef | undefined {
  const r = byId.get(resourceId(group, name));
  return r && r.version === version ? r : undefined;
}

/** The stored (non-virtual) resource for a short control-API name such as "pods" or "deployments". */
export function storedResource(name: string): ResourceDef {
  const r = RESOURCES.find((x) => x.name === name && !x.virtual);
  if (!r) throw new Error(`the simulator stores no resource named ${name}`);
  return r;
}

export function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const r of RESOURCES) if (r.group) seen.set(r.group, { group: r.group, version: r.version });
  return [...seen.values()];
}
