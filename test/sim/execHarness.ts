// The exec tests' cluster: the real simulated API server with a small scenario of its own
// (containers with and without shells, a crashed and a never-started one, a shared emptyDir,
// a sidecar holding the port the app declares).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig, type V1Pod, type V1Secret } from '@kubernetes/client-node';
import { startSim } from '../../src/sim/index.ts';
import type { PodRuntime, Scenario } from '../../src/sim/scenario/types.ts';
import type { SimWorld } from '../../src/sim/world.ts';
import { ensureBubblewrap } from './bubblewrap.ts';

/** The real kubectl, when this machine has it, and the reason to skip a test when not. */
export { KUBECTL, NO_KUBECTL as noKubectl } from './simHarness.ts';

const running = { running: { startedAt: new Date('2024-01-01T00:00:00Z') } };
const status = (name: string) => ({ name, image: `${name}:1`, imageID: '', ready: true, restartCount: 0, containerID: `containerd://${name}`, state: running });

export function demoPods(): V1Pod[] {
  const base = (name: string, uid: string): V1Pod['metadata'] => ({ name, namespace: 'shop', uid, resourceVersion: '1' });
  return [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: base('user-msvc', 'uid-1'),
      spec: {
        containers: [
          {
            name: 'user-msvc',
            image: 'user-msvc:1',
            ports: [{ containerPort: 443 }],
            env: [
              { name: 'GREETING', value: 'hello from env' },
              { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'user-msvc', key: 'password' } } },
            ],
            volumeMounts: [
              { name: 'logs', mountPath: '/var/log' },
              { name: 'secret', mountPath: '/etc/user-msvc/secret', readOnly: true },
            ],
          },
          { name: 'cloudsql-proxy', image: 'distroless/proxy:1', ports: [{ containerPort: 3306 }] },
          { name: 'datadog-agent', image: 'datadog:1', volumeMounts: [{ name: 'logs', mountPath: '/var/log/monitor' }] },
          { name: 'crashy', image: 'crashy:1' },
          { name: 'pending', image: 'pending:1' },
        ],
        volumes: [
          { name: 'logs', emptyDir: {} },
          { name: 'secret', secret: { secretName: 'user-msvc' } },
        ],
      },
      status: {
        phase: 'Running',
        containerStatuses: [
          status('user-msvc'),
          status('cloudsql-proxy'),
          status('datadog-agent'),
          { ...status('crashy'), state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } },
          { name: 'pending', image: 'pending:1', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: base('distroless', 'uid-2'),
      spec: { containers: [{ name: 'app', image: 'gcr.io/distroless/static:1' }] },
      status: { phase: 'Running', containerStatuses: [status('app')] },
    },
  ];
}

export function demoRuntime(): Map<string, PodRuntime> {
  const quiet = { shells: [] as string[], logs: { ratePerSecond: 0, line: () => '' }, usage: () => ({ cpuCores: 0, memoryBytes: 0 }) };
  return new Map<string, PodRuntime>([
    [
      'shop/user-msvc',
      {
        // The sidecar holds 443, which the app declares: the conflict the port probe must show.
        sockets: [
          { protocol: 'tcp', family: 'ipv4', localAddress: '0.0.0.0', localPort: 443, state: 'LISTEN', container: 'datadog-agent' },
          { protocol: 'tcp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 3306, state: 'LISTEN', container: 'cloudsql-proxy' },
          { protocol: 'tcp', family: 'ipv6', localAddress: '::', localPort: 8126, state: 'LISTEN', container: 'datadog-agent' },
          { protocol: 'udp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 8125, state: 'CLOSE', container: 'datadog-agent' },
        ],
        containers: {
          'user-msvc': { ...quiet, shells: ['/bin/sh'] },
          'cloudsql-proxy': { ...quiet, shells: [] },
          'datadog-agent': { ...quiet, shells: ['/bin/sh', '/bin/bash'] },
          crashy: { ...quiet, shells: ['/bin/sh'] },
          pending: { ...quiet, shells: ['/bin/sh'] },
        },
      },
    ],
    ['shop/distroless', { sockets: [], containers: { app: { ...quiet, shells: [] } } }],
  ]);
}

export interface ExecHarness {
  url: string;
  kubeconfigPath: string;
  kubeConfig: KubeConfig;
  world: SimWorld;
  /** What a raw WebSocket client needs to reach the sim (bearer token, CA). */
  wsOptions: { headers: Record<string, string>; ca?: string };
  /** Turns a real 403 for pods/exec on or off. */
  denyExec(deny: boolean): void;
  close(): Promise<void>;
}

export function execScenario(): Scenario {
  const secret: V1Secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'user-msvc', namespace: 'shop' }, data: { password: Buffer.from('s3cret').toString('base64') } };
  return {
    objects: {
      namespaces: [{ metadata: { name: 'shop' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }],
      pods: demoPods(),
      configMaps: [],
      secrets: [secret],
      replicaSets: [],
      deployments: [],
      statefulSets: [],
      daemonSets: [],
      jobs: [],
      cronJobs: [],
      events: [],
    },
    runtime: demoRuntime(),
  };
}

/** The real simulated API server (TLS, bearer token) loaded with the exec scenario above. */
export async function startExecHarness(): Promise<ExecHarness> {
  // The sim runs exec'd commands in a bwrap sandbox; without one they get a Status, not a shell.
  const missing = ensureBubblewrap();
  if (missing) process.stderr.write(`exec tests: ${missing}\n`);
  const sim = await startSim({ scenario: execScenario() });
  const dir = mkdtempSync(join(tmpdir(), 'podview-exec-test-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  sim.writeKubeconfig(kubeconfigPath, { namespace: 'shop' });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  let undo: (() => void) | undefined;
  return {
    url: sim.url,
    kubeconfigPath,
    kubeConfig,
    world: sim.control.world,
    wsOptions: { headers: { Authorization: `Bearer ${sim.token}` }, ...(sim.caPem ? { ca: sim.caPem } : {}) },
    denyExec(deny) {
      undo?.();
      undo = deny ? sim.control.deny({ verb: 'create', resource: 'pods', subresource: 'exec' }) : undefined;
    },
    async close() {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
