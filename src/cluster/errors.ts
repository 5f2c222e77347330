// Every failure the user sees from the cluster layer is one line on stderr: what we tried,
// against what, and why it failed. Never a stack, never a header, never a credential.
import { sanitize } from '../text/sanitize.ts';

/** An error whose message is fit to print as-is (one line) before exiting with code 1. */
export class UserError extends Error {
  constructor(message: string) {
    super(oneLine(message));
    this.name = 'UserError';
  }
}

/** An HTTP answer that was not 2xx, with the Status object the API server sent when it sent one. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly reason: string | undefined;
  readonly details: { name?: string; kind?: string } | undefined;
  readonly server: string;

  constructor(statusCode: number, server: string, status: unknown) {
    const s = (status && typeof status === 'object' ? status : {}) as Record<string, unknown>;
    const message = typeof s.message === 'string' ? s.message : '';
    super(message || `HTTP ${statusCode}`);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.reason = typeof s.reason === 'string' ? s.reason : undefined;
    this.details = s.details && typeof s.details === 'object' ? (s.details as { name?: string; kind?: string }) : undefined;
    this.server = server;
  }
}

/**
 * A request that got no HTTP answer: the connection failed (refused, DNS, TLS, reset) or no
 * answer came in time. It carries the server it was for, so every line built from it can say
 * where, and how long it waited, so a timeout is told apart from a status.
 */
export class RequestError extends Error {
  readonly server: string;
  readonly timeoutMs: number | undefined;

  constructor(server: string, cause: unknown, timeoutMs?: number) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'RequestError';
    this.server = server;
    this.timeoutMs = isTimeout(cause) ? timeoutMs : undefined;
  }

  /** True when the request was given up because no (whole) answer came within its time. */
  get timedOut(): boolean {
    return isTimeout(this.cause);
  }
}

/** AbortSignal.timeout()'s reason is a DOMException named TimeoutError (its numeric code, 23, is no HTTP status). */
function isTimeout(err: unknown): boolean {
  return err instanceof Error && err.name === 'TimeoutError';
}

const SECRET_PATTERNS: [RegExp, string][] = [
  // User info in a URL (https://admin:PASSWORD@host): kubeconfig server fields and proxies carry it.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']+@/gi, '$1<redacted>@'],
  [/-----BEGIN [A-Z ]+-----[\s\S]*?(?:-----END [A-Z ]+-----|$)/g, '<redacted>'],
  [/\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)(?:(?:bearer|basic)\s+)?[^\s"',}]+/gi, '$1$2<redacted>'],
  [/\b(bearer|basic)\s+[^\s"',}]+/gi, '$1 <redacted>'],
  [/\b(token|password|passwd|secret|client-key-data|client-certificate-data|key-data|api-key)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1$2<redacted>'],
  [/eyJ[\w-]{6,}\.[\w-]+(?:\.[\w-]*)?/g, '<redacted>'], // JWTs (service-account tokens)
];

/** Removes anything that looks like a credential; applied to every message we build from foreign text. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** One printable line: server text may carry newlines, escapes or bidi overrides. */
function oneLine(text: string): string {
  return sanitize(text.replace(/\s*[\r\n]+\s*/g, ' ')).trim();
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name resolution failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending',
  UND_ERR_SOCKET: 'connection closed by the server',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate chain is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not match its name',
};

/** The innermost system error code (undici wraps the socket error in `cause`, sometimes twice). */
export function networkCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (code in NETWORK_CODES || code.startsWith('E'))) return code;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      current = errors[0];
      continue;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when the error means the API server could not be reached at all (as opposed to an HTTP answer). */
export function isUnreachable(err: unknown): boolean {
  if (err instanceof RequestError) return true;
  if (err instanceof ApiError || err instanceof UserError) return false;
  if (httpStatus(err) !== undefined) return false;
  return networkCode(err) !== undefined || (err instanceof Error && /fetch failed|socket|network/i.test(err.message));
}

/** The HTTP status of an error from our requests or from client-node's ApiException / Watch. */
export function httpStatus(err: unknown): number | undefined {
  if (!err || typeof err !== 'object' || err instanceof RequestError) return undefined;
  const e = err as { statusCode?: unknown; code?: unknown; name?: unknown };
  if (typeof e.statusCode === 'number') return e.statusCode;
  // client-node's ApiException keeps the status in `code`; a DOMException (TimeoutError: 23,
  // AbortError: 20) and Node's system errors also have a `code` that is no status.
  if (typeof e.code === 'number' && e.code >= 100 && e.code <= 599 && !(err instanceof DOMException)) return e.code;
  return undefined;
}

function statusMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  const body = (err as { body?: unknown }).body;
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  const message = parsed && typeof parsed === 'object' ? (parsed as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : '';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Why a connection failed, in words: the system error's meaning, else the innermost message (undici's `fetch failed` says nothing). */
function connectionCause(err: RequestError): string {
  const code = networkCode(err);
  if (code) return NETWORK_CODES[code] ?? code;
  let inner: unknown = err;
  for (let depth = 0; depth < 5 && inner instanceof Error && inner.cause instanceof Error; depth++) inner = inner.cause;
  const message = inner instanceof Error ? inner.message : String(inner);
  return message.split('\n')[0] || 'the connection failed';
}

/**
 * Turns any error from client-node, undici or the network into one printable line.
 * `what` names the attempted action, e.g. `list pods in namespace "web"`.
 */
export function describeError(err: unknown, what: string, server?: string): string {
  if (err instanceof UserError) return err.message;
  const where = server ?? (err instanceof ApiError ? err.server : undefined);
  const status = httpStatus(err);
  let line: string;
  if (status !== undefined) {
    const message = statusMessage(err);
    switch (status) {
      case 401:
        line = 'unauthorized: the server rejected the credentials';
        break;
      case 403:
        line = message ? `forbidden: ${message.replace(/^[^:]*is forbidden:\s*/i, '')}` : `forbidden: cannot ${what}`;
        break;
      case 404:
        line = message || `not found: ${what}`;
        break;
      case 410:
        line = `gone: ${message || 'the requested resourceVersion is too old'}`;
        break;
      default:
        line = `cannot ${what}: ${message || `HTTP ${status}`}${where ? ` (${where})` : ''}`;
    }
  } else if (err instanceof RequestError) {
    line = err.timedOut
      ? `cannot ${what}: no answer from ${err.server} within ${err.timeoutMs ? seconds(err.timeoutMs) : 'the time allowed'}`
      : `cannot reach the API server at ${err.server}: ${connectionCause(err)}`;
  } else {
    const code = networkCode(err);
    const fsCode = (err as { code?: unknown } | null)?.code;
    if (fsCode === 'ENOENT' && (err as { path?: unknown }).path) {
      line = `${String((err as { path: unknown }).path)}: no such file`;
    } else if (code) {
      const why = NETWORK_CODES[code] ?? code;
      line = `cannot reach the API server${where ? ` at ${where}` : ''}: ${why}`;
    } else if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
      line = `cannot ${what}: the request timed out${where ? ` (${where})` : ''}`;
    } else {
      const message = err instanceof Error ? err.message : String(err);
      line = `cannot ${what}: ${message.split('\n')[0]}`;
    }
  }
  return redact(oneLine(line));
}
