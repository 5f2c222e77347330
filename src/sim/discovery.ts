// Discovery documents (legacy format, which kubectl accepts when it asked for the aggregated one).
import { POD_SUBRESOURCES, RESOURCES, apiVersionOf, groupVersions, type ResourceDef } from './resources.ts';

export interface DiscoveryOptions {
  metrics: boolean;
}

const served = (r: { group: string }, o: DiscoveryOptions): boolean => o.metrics || r.group !== 'metrics.k8s.io';

export function versionInfo(): object {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0-podview-sim',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
}

function groupDoc(g: { group: string; version: string }): object {
  const gv = { groupVersion: apiVersionOf(g), version: g.version };
  return { name: g.group, versions: [gv], preferredVersion: gv };
}

export function apiGroupList(o: DiscoveryOptions): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupVersions()
      .filter((g) => served(g, o))
      .map(groupDoc),
  };
}

export function apiGroup(group: string, o: DiscoveryOptions): object | undefined {
  const g = groupVersions().find((x) => x.group === group);
  return g && served(g, o) ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g) } : undefined;
}

function resourceDoc(r: ResourceDef): object {
  return {
    name: r.name,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: r.verbs,
    ...(r.shortNames ? { shortNames: r.shortNames } : {}),
    ...(r.categories ? { categories: r.categories } : {}),
  };
}

export function apiResourceList(group: string, version: string, o: DiscoveryOptions): object | undefined {
  const list = RESOURCES.filter((r) => r.group === group && r.version === version && served(r, o));
  if (!list.length) return undefined;
  const resources: object[] = list.map(resourceDoc);
  if (!group) for (const s of POD_SUBRESOURCES) resources.push({ name: s.name, singularName: '', namespaced: true, kind: s.kind, verbs: s.verbs });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}
