// Splits a resource URL (/api/v1/namespaces/ns/pods/name/log, /apis/apps/v1/watch/deployments)
// into its parts, the way kube-apiserver's request info resolver does.

export interface ApiPath {
  group: string;
  version: string;
  /** Deprecated /watch/ prefix form. */
  watchPrefix: boolean;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

function decodeSegment(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** Undefined for a path that names no resource, including one with a %-escape that decodes to nothing. */
export function parseApiPath(pathname: string): ApiPath | undefined {
  const seg = pathname.split('/').filter(Boolean).map(decodeSegment);
  if (seg.some((s) => s === undefined)) return undefined;
  return resourcePath(seg as string[]);
}

function resourcePath(seg: string[]): ApiPath | undefined {
  let group: string;
  let version: string;
  let rest: string[];
  if (seg[0] === 'api' && seg.length >= 3) {
    group = '';
    version = seg[1]!;
    rest = seg.slice(2);
  } else if (seg[0] === 'apis' && seg.length >= 4) {
    group = seg[1]!;
    version = seg[2]!;
    rest = seg.slice(3);
  } else return undefined;
  let watchPrefix = false;
  if (rest[0] === 'watch') {
    watchPrefix = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  // "namespaces/x" alone is the Namespace object; "namespaces/x/pods..." scopes a resource.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length === 0 || rest.length > 3) return undefined;
  return { group, version, watchPrefix, namespace, resource: rest[0]!, name: rest[1], subresource: rest[2] };
}
