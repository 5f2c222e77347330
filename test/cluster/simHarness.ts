// Starts the simulated API server with a kubeconfig on disk (as a user would point kubectl at
// it), and reads the truth the way a user would: with the real kubectl.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { startSim } from '../../src/sim/index.ts';
import type { SimOptions, SimServer } from '../../src/sim/index.ts';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { loadConfig } from '../../src/cluster/config.ts';
import type { LoadedConfig } from '../../src/cluster/config.ts';
import type { PodStore } from '../../src/store/podStore.ts';

const run = promisify(execFile);

export interface SimHarness {
  sim: SimServer;
  config: LoadedConfig;
  kubeconfigPath: string;
  /** `kubectl get pods -A -o json` (or `-n NS`) against the sim: uid -> resourceVersion. */
  kubectlPods(namespace?: string): Promise<Map<string, string>>;
}

export async function withSim(t: { after(fn: () => Promise<void> | void): void }, options: SimOptions = {}): Promise<SimHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-cluster-'));
  const sim = await startSim({ scenario: demoScenario(Date.now()), tls: true, ...options });
  t.after(async () => {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  sim.writeKubeconfig(kubeconfigPath);
  const config = loadConfig({ kubeconfig: kubeconfigPath, env: {} });
  return {
    sim,
    config,
    kubeconfigPath,
    async kubectlPods(namespace) {
      const scope = namespace === undefined ? ['-A'] : ['-n', namespace];
      const { stdout } = await run('kubectl', ['get', 'pods', ...scope, '-o', 'json', '--kubeconfig', kubeconfigPath], { maxBuffer: 256 * 1024 * 1024 });
      const list = JSON.parse(stdout) as { items: V1Pod[] };
      return new Map(list.items.map((p) => [p.metadata!.uid!, p.metadata!.resourceVersion!]));
    },
  };
}

/** uid -> resourceVersion of the Pods the store shows as present (not lingering deleted ones). */
export function storePods(store: PodStore): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of store.all()) {
    if (entry.deletedAt === undefined) out.set(entry.pod.metadata!.uid!, entry.pod.metadata!.resourceVersion!);
  }
  return out;
}

export function sameMap(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** One kubeconfig with two contexts: "alpha" (namespace shop, current) on one sim, "beta" (namespace payments) on the other. */
export function twoContexts(alpha: SimHarness, beta: SimHarness): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(alpha.sim.kubeconfigYaml({ context: 'alpha', namespace: 'shop' }));
  const other = new KubeConfig();
  other.loadFromString(beta.sim.kubeconfigYaml({ context: 'beta', namespace: 'payments' }));
  kubeConfig.addCluster(other.clusters[0]!);
  kubeConfig.addUser(other.users[0]!);
  kubeConfig.addContext(other.contexts[0]!);
  return kubeConfig;
}
