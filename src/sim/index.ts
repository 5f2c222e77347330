// startSim: a simulated Kubernetes API server on 127.0.0.1 that real kubectl, client-node and
// podview accept — objects, list/watch, discovery, metrics, access reviews, logs and exec.
import { randomBytes } from 'node:crypto';
import type { Churn } from './churn.ts';
import { createControl, type SimControl } from './control.ts';
import { SimHttpServer } from './httpServer.ts';
import { kubeconfigYaml, writeKubeconfigFile } from './kubeconfig.ts';
import { startLiveScenario } from './live.ts';
import { createLogHub } from './logs/index.ts';
import type { Scenario } from './scenario/types.ts';
import { SimCore } from './simCore.ts';
import { makeSimTempDir, removeSimTempDir } from './tempDir.ts';
import { selfSignedCert } from './tls.ts';

export type { SimControl } from './control.ts';
export type { Churn } from './churn.ts';
export { CHANGED_AT } from './churn.ts';

export interface SimOptions {
  /** Default: an empty cluster with the namespace "default". */
  scenario?: Scenario;
  /** HTTPS with a generated self-signed CA (default true: kubectl sends bearer tokens only over TLS). */
  tls?: boolean;
  port?: number;
  /** Watch events kept for resuming, a fixed count (a watch from an older resourceVersion gets 410); default: as kube-apiserver keeps them. */
  historyWindow?: number;
  bookmarkIntervalMs?: number;
  /** Serve metrics.k8s.io (default true); false: the group is absent from discovery and 404s. */
  metrics?: boolean;
  /** The scenario keeps living: containers restart now and then, logs flow. */
  live?: boolean;
}

export interface KubeconfigOptions {
  context?: string;
  namespace?: string;
}

export interface SimServer {
  url: string;
  token: string;
  caPem?: string;
  kubeconfigYaml(opts?: KubeconfigOptions): string;
  /** A new file, mode 0600; refuses an existing path or a link unless `replace` (a regular file only). */
  writeKubeconfig(path: string, opts?: KubeconfigOptions & { replace?: boolean }): void;
  control: SimControl;
  /**
   * Resolves once the scenario's objects are all stored as JSON: until then the sim encodes
   * them in the background (100,000 Pods: ~30 s), and a benchmark would measure that too.
   */
  settled: Promise<void>;
  close(): Promise<void>;
}

export function emptyScenario(): Scenario {
  const empty = { namespaces: [], pods: [], configMaps: [], secrets: [], replicaSets: [], deployments: [], statefulSets: [], daemonSets: [], jobs: [], cronJobs: [], events: [] };
  return { objects: { ...empty, namespaces: [{ metadata: { name: 'default' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }] }, runtime: new Map() };
}

export async function startSim(options: SimOptions = {}): Promise<SimServer> {
  const dataDir = makeSimTempDir();
  const core = new SimCore({ historyWindow: options.historyWindow, bookmarkIntervalMs: options.bookmarkIntervalMs ?? 10_000, dataDir });
  core.load(options.scenario ?? emptyScenario());
  const token = randomBytes(24).toString('base64url');
  const tls = (options.tls ?? true) ? selfSignedCert() : undefined;
  const http = new SimHttpServer(core, { token, tls, metrics: options.metrics ?? true });
  let port: number;
  try {
    port = await http.listen(options.port ?? 0);
  } catch (err) {
    core.close();
    removeSimTempDir(dataDir);
    throw err;
  }
  const logs = createLogHub(core, { live: options.live ?? false });
  const churns = new Set<Churn>();
  const stopLive = options.live ? startLiveScenario(core) : () => {};
  const control = createControl(core, () => http, logs, churns);
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const kc = (o: KubeconfigOptions = {}) => ({ url, token, caPem: tls?.certPem, ...o });
  let closed = false;
  return {
    url,
    token,
    caPem: tls?.certPem,
    kubeconfigYaml: (o) => kubeconfigYaml(kc(o)),
    writeKubeconfig: (path, o) => writeKubeconfigFile(path, kc(o), { replace: o?.replace === true }),
    control,
    settled: core.settled,
    async close() {
      if (closed) return;
      closed = true;
      stopLive();
      for (const c of [...churns]) c.stop();
      logs.close();
      await http.close();
      core.close();
      removeSimTempDir(dataDir);
    },
  };
}
