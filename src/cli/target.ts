// Which cluster, namespace and scope a command works on: the user's kubeconfig with kubectl's
// rules, or (--demo) a simulated cluster started in this process whose kubeconfig never
// leaves memory, so the user's ~/.kube is never touched.
import { KubeConfig } from '@kubernetes/client-node';
import { loadConfig, parseRequestTimeout } from '../cluster/config.ts';
import type { LoadedConfig } from '../cluster/config.ts';
import { applyRequestTimeout } from '../cluster/request.ts';
import type { ClusterArgs } from './commandTypes.ts';
import { keepWasmOnBaseline } from './runtime/wasmTiering.ts';
import { sanitize } from '../text/sanitize.ts';

export interface Target extends LoadedConfig {
  /** undefined: every namespace (-A). */
  scope: string | undefined;
  labelSelector?: string;
  fieldSelector?: string;
  demo: boolean;
  /** Stops what the target started (the demo sim); idempotent. */
  close(): Promise<void>;
}

export const DEMO_CONTEXT = 'podview-demo';

async function demoConfig(args: ClusterArgs): Promise<{ loaded: LoadedConfig; close(): Promise<void> }> {
  // The simulated cluster is loaded only for --demo, never for a real one.
  const [{ startSim }, { demoScenario }] = await Promise.all([import('../sim/index.ts'), import('../sim/scenario/demo.ts')]);
  const sim = await startSim({ scenario: demoScenario(Date.now()), live: true });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(sim.kubeconfigYaml({ context: DEMO_CONTEXT, namespace: args.namespace ?? 'shop' }));
  const loaded: LoadedConfig = {
    kubeConfig,
    contextName: DEMO_CONTEXT,
    namespace: args.namespace ?? 'shop',
    server: sim.url,
    requestTimeoutMs: args.requestTimeout !== undefined ? parseRequestTimeout(args.requestTimeout) : undefined,
    source: 'the built-in demo cluster',
  };
  return { loaded, close: () => sim.close() };
}

export async function openTarget(args: ClusterArgs): Promise<Target> {
  keepWasmOnBaseline();
  let loaded: LoadedConfig;
  let close = async (): Promise<void> => {};
  if (args.demo) {
    const demo = await demoConfig(args);
    loaded = demo.loaded;
    close = demo.close;
  } else {
    loaded = loadConfig({
      kubeconfig: args.kubeconfig,
      context: args.context,
      cluster: args.cluster,
      user: args.user,
      namespace: args.namespace,
      requestTimeout: args.requestTimeout,
    });
    if (loaded.notice) process.stderr.write(`${sanitize(loaded.notice)}\n`);
  }
  applyRequestTimeout(loaded.kubeConfig, loaded.requestTimeoutMs);
  // The demo shows its whole (small) cluster unless a namespace was asked for.
  const everywhere = args.allNamespaces || (args.demo && args.namespace === undefined);
  let closed = false;
  return {
    ...loaded,
    scope: everywhere ? undefined : loaded.namespace,
    labelSelector: args.selector,
    fieldSelector: args.fieldSelector,
    demo: args.demo,
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}

/** Runs `work` against the target and closes it (the demo's simulated cluster) however it ends. */
export async function withTarget<T>(args: ClusterArgs, work: (target: Target) => Promise<T>): Promise<T> {
  const target = await openTarget(args);
  try {
    return await work(target);
  } finally {
    await target.close();
  }
}
