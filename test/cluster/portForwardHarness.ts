// The port-forward tests' cluster: the real simulated API server (TLS, bearer token) with the
// exec scenario's Pods, their ports given names (so `PORT` may be a name), a UDP-only port and
// a Pod that is not running yet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Socket } from 'node:net';
import { KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { startSim } from '../../src/sim/index.ts';
import { execScenario } from '../sim/execHarness.ts';

export interface ForwardSim {
  kubeConfig: KubeConfig;
  kubeconfigPath: string;
  close(): Promise<void>;
}

function withNamedPorts(pods: V1Pod[]): V1Pod[] {
  const [userMsvc, ...rest] = pods;
  const containers = userMsvc!.spec!.containers.map((c) => {
    if (c.name === 'user-msvc') return { ...c, ports: [{ name: 'https', containerPort: 443 }] };
    if (c.name === 'cloudsql-proxy') return { ...c, ports: [{ name: 'mysql', containerPort: 3306 }] };
    if (c.name === 'datadog-agent') return { ...c, ports: [{ name: 'statsd', containerPort: 8125, protocol: 'UDP' }] };
    return c;
  });
  const pending: V1Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'starting', namespace: 'shop', uid: 'uid-9', resourceVersion: '1' },
    spec: { containers: [{ name: 'app', image: 'app:1' }] },
    status: { phase: 'Pending' },
  };
  return [{ ...userMsvc!, spec: { ...userMsvc!.spec!, containers } }, ...rest, pending];
}

export async function startForwardSim(): Promise<ForwardSim> {
  const scenario = execScenario();
  scenario.objects.pods = withNamedPorts(scenario.objects.pods);
  const sim = await startSim({ scenario });
  const dir = mkdtempSync(join(tmpdir(), 'podview-forward-test-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  sim.writeKubeconfig(kubeconfigPath, { namespace: 'shop' });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  return {
    kubeConfig,
    kubeconfigPath,
    async close() {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends `message` on a new connection and resolves with everything read until the other end closes it. */
export function untilClosed(port: number, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(message));
    let got = '';
    socket.on('data', (chunk) => (got += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
  });
}

/** Sends `message` on a new connection, resolves with the first `message.length` bytes back and closes. */
export function echoed(port: number, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(message));
    let got = '';
    socket.on('data', (chunk) => {
      got += chunk.toString();
      if (got.length >= message.length) {
        socket.end();
        resolve(got);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
  });
}
