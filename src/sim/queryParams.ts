// Query parameters read as kube-apiserver's API machinery converts them into typed options
// (runtime.Convert_Slice_string_To_bool / _int64): the first value counts; a boolean is false
// only when absent, "0" or "false" in any case; an integer is Go's strconv.ParseInt, whose
// error text is what the 400 Status carries.

export class QueryError extends Error {}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** true for anything but absent, "0" and "false" (any case): `watch=True`, `follow=`, `tty=yes`. */
export function queryBool(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  return v !== null && v !== '0' && v.toLowerCase() !== 'false';
}

/** Absent: undefined (a pointer field left nil); `sendInitialEvents` is one. */
export function queryOptionalBool(params: URLSearchParams, name: string): boolean | undefined {
  return params.has(name) ? queryBool(params, name) : undefined;
}

/** Absent: undefined. Anything ParseInt(s, 10, 64) refuses (including "") throws QueryError. */
export function queryInt(params: URLSearchParams, name: string): number | undefined {
  const v = params.get(name);
  if (v === null) return undefined;
  if (!/^[+-]?\d+$/.test(v)) throw new QueryError(`strconv.ParseInt: parsing ${goQuote(v)}: invalid syntax`);
  const n = BigInt(v);
  if (n > INT64_MAX || n < INT64_MIN) throw new QueryError(`strconv.ParseInt: parsing ${goQuote(v)}: value out of range`);
  return Number(n);
}

/** Go's %q for the strings a client can send: quotes, backslashes and control characters escaped. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}

/**
 * The booleans of an upgraded Pod subresource (exec, attach, portforward) rewritten to the
 * values they convert to, so that a handler reading "true" sees what kube-apiserver would.
 */
const STREAM_FLAGS = ['stdin', 'stdout', 'stderr', 'tty'];

export function withConvertedFlags(url: URL): URL {
  const out = new URL(url.href);
  for (const name of STREAM_FLAGS) if (out.searchParams.has(name)) out.searchParams.set(name, String(queryBool(url.searchParams, name)));
  return out;
}
