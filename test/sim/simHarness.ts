// Shared helpers for the core sim tests: a small hand-made scenario, a started sim with its
// kubeconfig in a temp dir, a kubectl runner, and raw HTTPS requests that trust the sim's CA.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { emptyScenario, startSim, type SimOptions, type SimServer } from '../../src/sim/index.ts';
import type { PodRuntime, Scenario } from '../../src/sim/scenario/types.ts';

export const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
export const NO_KUBECTL = KUBECTL ? false : 'kubectl is not installed on this machine: the kubectl checks of the sim are skipped';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export function testPod(name: string, options: { namespace?: string; labels?: Record<string, string>; node?: string; phase?: string; containers?: string[] } = {}): V1Pod {
  const now = Date.now();
  const containers = options.containers ?? ['app'];
  const running = (options.phase ?? 'Running') === 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: options.namespace ?? 'default', labels: options.labels ?? {}, creationTimestamp: iso(now - 600_000) as never },
    spec: { nodeName: options.node ?? 'node-1', containers: containers.map((c) => ({ name: c, image: `${c}:1` })) },
    status: {
      phase: options.phase ?? 'Running',
      podIP: '10.1.0.7',
      conditions: [{ type: 'Ready', status: running ? 'True' : 'False' }],
      containerStatuses: containers.map((c) => ({
        name: c,
        image: `${c}:1`,
        imageID: '',
        ready: running,
        started: running,
        restartCount: 0,
        containerID: `containerd://${name}-${c}`,
        state: running ? { running: { startedAt: iso(now - 500_000) as never } } : { waiting: { reason: 'ContainerCreating' } },
      })),
    },
  };
}

const usageRuntime = (containers: string[]): PodRuntime => ({
  sockets: [],
  containers: Object.fromEntries(
    containers.map((c, i) => [
      c,
      { shells: ['/bin/sh'], logs: { ratePerSecond: 0, line: (n: number) => `line ${n}` }, usage: () => ({ cpuCores: 0.05 * (i + 1), memoryBytes: (64 + i) * 1024 * 1024 }) },
    ]),
  ),
});

/** Four Pods in two namespaces: web-1 and web-2 (app=web), db-0 (app=db), and queue-0 Pending in "jobs". */
export function smallScenario(): Scenario {
  const s = emptyScenario();
  s.objects.namespaces.push({ metadata: { name: 'jobs' }, status: { phase: 'Active' } });
  s.objects.pods.push(
    testPod('web-1', { labels: { app: 'web', tier: 'front' }, containers: ['app', 'proxy'] }),
    testPod('web-2', { labels: { app: 'web' }, node: 'node-2' }),
    testPod('db-0', { labels: { app: 'db' }, node: 'node-2' }),
    testPod('queue-0', { namespace: 'jobs', labels: { app: 'queue' }, phase: 'Pending' }),
  );
  s.runtime.set('default/web-1', usageRuntime(['app', 'proxy']));
  s.runtime.set('default/web-2', usageRuntime(['app']));
  s.runtime.set('default/db-0', usageRuntime(['app']));
  return s;
}

export interface TestSim {
  sim: SimServer;
  kubeconfig: string;
  dir: string;
  close(): Promise<void>;
}

export async function startTestSim(options: SimOptions = {}): Promise<TestSim> {
  const sim = await startSim({ scenario: smallScenario(), ...options });
  const dir = mkdtempSync(join(tmpdir(), 'podview-sim-test-'));
  const kubeconfig = join(dir, 'kubeconfig');
  sim.writeKubeconfig(kubeconfig);
  return {
    sim,
    kubeconfig,
    dir,
    async close() {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function kubectl(t: TestSim, args: string[], timeoutMs = 20_000): Promise<KubectlResult> {
  return new Promise((resolve) => {
    execFile(KUBECTL!, ['--kubeconfig', t.kubeconfig, '--cache-dir', join(t.dir, 'cache'), ...args], { timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts a long-running kubectl (like `get -w`) and lets the test wait for its output. */
export function kubectlStream(t: TestSim, args: string[]): { proc: ChildProcess; waitFor(re: RegExp, timeoutMs?: number): Promise<string>; stop(): Promise<void> } {
  const proc = spawn(KUBECTL!, ['--kubeconfig', t.kubeconfig, '--cache-dir', join(t.dir, 'cache'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = new Set<() => void>();
  proc.stdout!.on('data', (d) => {
    out += d;
    for (const w of waiters) w();
  });
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    proc,
    waitFor(re, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (re.test(out)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(out);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`kubectl output never matched ${re}:\n${out}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body as it came, before any decoding: a gzipped one is only readable here. */
  bytes: Buffer;
}

/** One HTTPS request to the sim, trusting its CA; token: undefined sends the right one, null none. */
export function raw(sim: SimServer, path: string, options: { method?: string; token?: string | null; body?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const token = options.token === undefined ? sim.token : options.token;
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, sim.url),
      {
        method: options.method ?? 'GET',
        ca: sim.caPem,
        agent: false,
        headers: {
          ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
          ...(options.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
