// The request-target of an HTTP request as Go's net/http reads it for kube-apiserver: an
// origin-form path ("//a:99999/x" is a path, never an authority) or an absolute URI, whose
// path counts. A target that cannot be parsed (a bad %-escape in the path, a broken absolute
// URI, no path at all) is undefined: the caller answers 400 instead of throwing.

const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const BASE = 'http://127.0.0.1';

export function parseRequestTarget(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  let path = raw;
  let query = '';
  if (!raw.startsWith('/')) {
    let absolute: URL;
    try {
      absolute = new URL(raw);
    } catch {
      return undefined;
    }
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') return undefined;
    path = absolute.pathname;
    query = absolute.search.slice(1);
  } else {
    const q = raw.indexOf('?');
    if (q >= 0) {
      path = raw.slice(0, q);
      query = raw.slice(q + 1);
    }
  }
  if (BAD_ESCAPE.test(path)) return undefined;
  try {
    const url = new URL(BASE);
    url.pathname = path;
    url.search = query;
    // The pathname setter must not have re-read the path as anything but a path.
    return url.origin === BASE ? url : undefined;
  } catch {
    return undefined;
  }
}
