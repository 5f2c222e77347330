// client-node builds a new connection pool (an undici Agent) for every request to a TLS
// cluster and leaves it holding an idle keep-alive socket for as long as the server allows.
// A log view opens many requests over its life (Pod polls, re-opens after restarts), so each
// request here gets a KubeConfig view that hands us its pool, and we destroy the pool when
// the request is over: closing a view leaves no socket behind. (request.ts's sharedConnections
// is the other way round: one pool for a run of requests that belong together.)
import type { KubeConfig } from '@kubernetes/client-node';
import type { Pool } from './request.ts';

/** A KubeConfig that reports the connection pool of each request it authenticates. */
function reportingConfig(kubeConfig: KubeConfig, report: (pool: Pool) => void): KubeConfig {
  const view = Object.create(kubeConfig) as KubeConfig;
  view.applySecurityAuthentication = async (context) => {
    await kubeConfig.applySecurityAuthentication(context);
    const pool = context.getDispatcher() as Pool | undefined;
    if (pool) report(pool);
  };
  return view;
}

/**
 * Runs one request with a config of its own and destroys the pools it created once the
 * request is over (settled and, for streams, ended).
 */
export async function withOwnConnections<T>(kubeConfig: KubeConfig, request: (config: KubeConfig) => Promise<T>): Promise<T> {
  const pools: Pool[] = [];
  try {
    return await request(reportingConfig(kubeConfig, (p) => pools.push(p)));
  } finally {
    for (const p of pools) p.destroy().catch(() => undefined);
  }
}
