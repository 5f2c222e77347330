// Raw JSON GETs through client-node's own request machinery (authentication, TLS, exec
// plugins, proxies), parsed with JSON.parse instead of the generated ObjectSerializer:
// at 100,000 Pods the serializer's copy into class instances costs more than the network,
// and it turns timestamps into Dates while the watch stream gives strings. One shape everywhere.
import { HttpMethod, IsomorphicFetchHttpLibrary, RequestContext } from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';
import { sleep } from './backoff.ts';
import { ApiError, RequestError } from './errors.ts';
import { readList } from './listStream.ts';
import type { ListHandlers } from './listStream.ts';

export { HttpMethod };

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Gives up after this long (ms); 0: no limit beyond the caller's signal; undefined: the KubeConfig's (see applyRequestTimeout). */
  timeoutMs?: number;
}

/**
 * A one-shot request (a list page, a Pod, events, metrics, an owner) that has no whole answer
 * after this long is given up, so a server that accepts the connection and never answers, or
 * answers a byte a second, cannot hold `--once` or a TUI detail poll forever. `--request-timeout`
 * replaces it (kubectl's flag; `0` means no limit). Watches and log streams are not one-shot:
 * they have their own stall guards.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

const TIMEOUT = Symbol('podview.requestTimeoutMs');
type WithTimeout = KubeConfig & { [TIMEOUT]?: number };

/**
 * Makes `ms` (from --request-timeout; 0: none) the limit of every one-shot request made with
 * this KubeConfig, including those made through a sharedConnections view of it (the symbol is
 * inherited), so events, metrics and owner reads honour the flag like the Pod list does.
 */
export function applyRequestTimeout(kubeConfig: KubeConfig, ms: number | undefined): void {
  (kubeConfig as WithTimeout)[TIMEOUT] = ms;
}

export function timeoutOf(kubeConfig: KubeConfig, options: RequestOptions): number {
  return options.timeoutMs ?? (kubeConfig as WithTimeout)[TIMEOUT] ?? DEFAULT_REQUEST_TIMEOUT_MS;
}

/**
 * How often a 429 (or a 5xx sent with Retry-After) is retried, as client-go does: only when the
 * server says when to come back. Each wait is capped so a hostile Retry-After cannot park a
 * request beyond its timeout's reach (the timeout still ends the whole run of attempts).
 */
export const MAX_RETRIES = 10;
const MAX_RETRY_WAIT_MS = 30_000;

/** The wait the server asked for before trying again, or undefined when this answer is final. */
export function retryAfterMs(status: number, headers: Record<string, string>, attempt: number): number | undefined {
  if (attempt >= MAX_RETRIES) return undefined;
  if (status !== 429 && (status < 500 || status > 504)) return undefined;
  const value = headers['retry-after'];
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Math.min(Number(value) * 1000, MAX_RETRY_WAIT_MS);
}

const http = new IsomorphicFetchHttpLibrary();

export function serverOf(kubeConfig: KubeConfig): string {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster');
  return cluster.server;
}

export async function buildRequest(kubeConfig: KubeConfig, path: string, query: Query, signal?: AbortSignal): Promise<RequestContext> {
  const url = new URL(serverOf(kubeConfig) + path);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const ctx = new RequestContext(url.toString(), HttpMethod.GET);
  ctx.setHeaderParam('Accept', 'application/json');
  await kubeConfig.applySecurityAuthentication(ctx);
  if (signal) ctx.setSignal(signal);
  return ctx;
}

interface Limits {
  signal?: AbortSignal;
  timeoutMs?: number;
}

function combine(kubeConfig: KubeConfig, options: RequestOptions): Limits {
  const timeoutMs = timeoutOf(kubeConfig, options);
  if (!timeoutMs) return { signal: options.signal };
  const timeout = AbortSignal.timeout(timeoutMs);
  return { signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout, timeoutMs };
}

/** Sends a request; no answer at all (refused, DNS, TLS, reset, timed out) becomes a RequestError naming the server. */
async function send(kubeConfig: KubeConfig, ctx: RequestContext, limits: Limits) {
  try {
    return await http.send(ctx).toPromise();
  } catch (err) {
    throw new RequestError(serverOf(kubeConfig), limits.signal?.aborted ? (limits.signal.reason ?? err) : err, limits.timeoutMs);
  }
}

/** Reads a body whose reading may be cut short by the request's signal; a cut becomes a RequestError like a failed send. */
async function bodyText(kubeConfig: KubeConfig, response: { body: { text(): Promise<string> } }, limits: Limits): Promise<string> {
  try {
    return await response.body.text();
  } catch (err) {
    throw new RequestError(serverOf(kubeConfig), limits.signal?.aborted ? (limits.signal.reason ?? err) : err, limits.timeoutMs);
  }
}

/** An error body is a Status when the server is kube-apiserver-like, and anything at all otherwise. */
function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What podview needs of an undici connection pool (a request's dispatcher). */
export interface Pool {
  destroy(): Promise<void>;
}

export interface SharedConnections {
  /** A view of the KubeConfig whose requests all go through one connection pool. */
  kubeConfig: KubeConfig;
  /** Destroys the pool (and any request still on it). */
  close(): void;
}

/**
 * client-node builds a new connection pool for every request to a TLS cluster, so the 40 pages
 * of a 10,000-Pod list made 40 connections, each with its own TLS handshake on both ends. The
 * requests made through this view share the first request's pool (authentication headers are
 * still applied to each, so a refreshed token is used). For a run of requests that belong
 * together, such as the pages of one list; close() when it is over leaves no socket behind.
 */
export function sharedConnections(kubeConfig: KubeConfig): SharedConnections {
  let pool: Pool | undefined;
  let closed = false;
  const view = Object.create(kubeConfig) as KubeConfig;
  view.applySecurityAuthentication = async (context: RequestContext) => {
    await kubeConfig.applySecurityAuthentication(context);
    const fresh = context.getDispatcher() as Pool | undefined;
    if (fresh === undefined || closed) return;
    if (pool === undefined) {
      pool = fresh;
      return;
    }
    context.setDispatcher(pool as never);
    // Never connected, so destroying it costs nothing.
    fresh.destroy().catch(() => undefined);
  };
  return {
    kubeConfig: view,
    close() {
      closed = true;
      pool?.destroy().catch(() => undefined);
    },
  };
}

/** GETs `path` and returns the parsed JSON body; non-2xx answers throw ApiError with the server's Status. */
export async function getJson<T>(kubeConfig: KubeConfig, path: string, query: Query = {}, options: RequestOptions = {}): Promise<T> {
  const limits = combine(kubeConfig, options);
  const response = await openStream(kubeConfig, path, query, limits);
  const text = await bodyText(kubeConfig, response, limits);
  try {
    return JSON.parse(text) as T;
  } catch {
    // Not the parser's words: they quote the body, which is the server's text, not ours.
    throw new SyntaxError(`the answer from ${serverOf(kubeConfig)} is not JSON`);
  }
}

/** A list request whose server has answered 2xx; its body is read by read(), or let go of by cancel(). */
export interface OpenList {
  /** Hands the items over as they arrive (see listStream.ts); resolves with the rest of the list, items: []. */
  read(handlers: ListHandlers): Promise<Record<string, unknown>>;
  cancel(): void;
}

/**
 * GETs a list and waits for the server's answer, leaving its body unread until read(), so a
 * caller can ask for the next page while this one is still arriving. Errors as getJson: a
 * non-2xx answer throws ApiError with the server's Status, a malformed body SyntaxError.
 */
export async function openList(kubeConfig: KubeConfig, path: string, query: Query, options: RequestOptions = {}): Promise<OpenList> {
  const response = await openStream(kubeConfig, path, query, combine(kubeConfig, options));
  // Locked at once: undici cancels the body of a Response that is garbage-collected while its
  // stream is unlocked, and a page asked for ahead may wait a while (many collections) to be read.
  const reader = response.body.stream()?.getReader();
  return {
    read: (handlers) => (reader ? readList(reader, handlers) : Promise.reject(new SyntaxError('the list response has no body'))),
    cancel: () => void reader?.cancel().catch(() => undefined),
  };
}

/** Sends a JSON body (a SelfSubjectAccessReview, an ephemeral-container patch) and returns the parsed answer. */
export async function sendJson<T>(
  kubeConfig: KubeConfig,
  method: typeof HttpMethod.POST | typeof HttpMethod.PATCH | typeof HttpMethod.DELETE,
  path: string,
  body: unknown,
  options: RequestOptions & { contentType?: string } = {},
): Promise<T> {
  const limits = combine(kubeConfig, options);
  const { signal } = limits;
  const ctx = new RequestContext(serverOf(kubeConfig) + path, method);
  ctx.setHeaderParam('Accept', 'application/json');
  ctx.setHeaderParam('Content-Type', options.contentType ?? 'application/json');
  ctx.setBody(JSON.stringify(body));
  await kubeConfig.applySecurityAuthentication(ctx);
  if (signal) ctx.setSignal(signal);
  const response = await send(kubeConfig, ctx, limits);
  const text = await bodyText(kubeConfig, response, limits);
  const parsed = parseOrUndefined(text);
  if (response.httpStatusCode < 200 || response.httpStatusCode > 299) throw new ApiError(response.httpStatusCode, serverOf(kubeConfig), parsed);
  return parsed as T;
}

/**
 * Sends a GET and waits for the answer; a non-2xx one throws ApiError with the server's Status,
 * a 2xx one's body is the caller's to read. A 429 (or 5xx) with Retry-After is tried again after
 * the wait it names (see retryAfterMs), until the caller's signal ends it.
 */
export async function openStream(kubeConfig: KubeConfig, path: string, query: Query, limits: Limits = {}) {
  for (let attempt = 0; ; attempt++) {
    const ctx = await buildRequest(kubeConfig, path, query, limits.signal);
    const response = await send(kubeConfig, ctx, limits);
    if (response.httpStatusCode >= 200 && response.httpStatusCode <= 299) return response;
    const text = await response.body.text().catch(() => '');
    const wait = retryAfterMs(response.httpStatusCode, response.headers, attempt);
    const answer = new ApiError(response.httpStatusCode, serverOf(kubeConfig), parseOrUndefined(text));
    if (wait === undefined || limits.signal?.aborted) throw answer;
    await sleep(wait, limits.signal ?? new AbortController().signal);
    // Out of time while waiting: the server's last answer says more than "timed out".
    if (limits.signal?.aborted) throw answer;
  }
}
