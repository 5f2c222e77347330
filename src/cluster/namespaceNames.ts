// The cluster's namespace names, for the `:ns` prompt's completion. Names only: the list is
// read once and nothing else of a Namespace is kept.
import type { KubeConfig } from '@kubernetes/client-node';
import { sanitize } from '../text/sanitize.ts';
import { getJson } from './request.ts';

interface NamespaceList {
  items?: { metadata?: { name?: unknown } }[];
}

export async function namespaceNames(kubeConfig: KubeConfig): Promise<string[]> {
  const list = await getJson<NamespaceList>(kubeConfig, '/api/v1/namespaces');
  const names = (list.items ?? []).map((n) => n.metadata?.name).filter((n): n is string => typeof n === 'string' && n !== '');
  return names.map((n) => sanitize(n));
}
