// Raw JSON GETs through client-node's own request machinery (authentication, TLS, exec
// plugins, proxies), parsed with JSON.parse instead of the generated ObjectSerializer:
// at 100,000 Pods the serializer's copy into class instances costs more than the network,
// and it turns timestamps into Dates while the watch stream gives strings. One shape everywhere.
import { HttpMethod, IsomorphicFetchHttpLibrary, RequestContext } from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';
import { ApiError } from './errors.ts';
import { readList } from './listStream.ts';
import type { ListHandlers } from './listStream.ts';

export { HttpMethod };

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Gives up after this long (ms); 0 or undefined: no limit beyond the caller's signal. */
  timeoutMs?: number;
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

function combine(options: RequestOptions): { signal?: AbortSignal } {
  if (!options.timeoutMs) return { signal: options.signal };
  const timeout = AbortSignal.timeout(options.timeoutMs);
  return { signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout };
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
  const response = await openStream(kubeConfig, path, query, combine(options).signal);
  return JSON.parse(await response.body.text()) as T;
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
  const response = await openStream(kubeConfig, path, query, combine(options).signal);
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
  method: typeof HttpMethod.POST | typeof HttpMethod.PATCH,
  path: string,
  body: unknown,
  options: RequestOptions & { contentType?: string } = {},
): Promise<T> {
  const { signal } = combine(options);
  const ctx = new RequestContext(serverOf(kubeConfig) + path, method);
  ctx.setHeaderParam('Accept', 'application/json');
  ctx.setHeaderParam('Content-Type', options.contentType ?? 'application/json');
  ctx.setBody(JSON.stringify(body));
  await kubeConfig.applySecurityAuthentication(ctx);
  if (signal) ctx.setSignal(signal);
  const response = await http.send(ctx).toPromise();
  const text = await response.body.text();
  const parsed = parseOrUndefined(text);
  if (response.httpStatusCode < 200 || response.httpStatusCode > 299) throw new ApiError(response.httpStatusCode, serverOf(kubeConfig), parsed);
  return parsed as T;
}

/** Sends a GET and waits for the answer; a non-2xx one throws ApiError with the server's Status, a 2xx one's body is the caller's to read. */
export async function openStream(kubeConfig: KubeConfig, path: string, query: Query, signal?: AbortSignal) {
  const ctx = await buildRequest(kubeConfig, path, query, signal);
  const response = await http.send(ctx).toPromise();
  if (response.httpStatusCode < 200 || response.httpStatusCode > 299) {
    const text = await response.body.text().catch(() => '');
    throw new ApiError(response.httpStatusCode, serverOf(kubeConfig), parseOrUndefined(text));
  }
  return response;
}
