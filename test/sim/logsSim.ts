// A small stand-in for the sim server for the log tests: a SimWorld over a few Pods, the
// pods/log handler and GET pod on a loopback node:http server, a socket count, and a
// kubeconfig for kubectl and client-node. It uses only the sim's log code.
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig, type V1Pod, type V1Status } from '@kubernetes/client-node';
import type { PodChangeType, PodRef, SimWorld } from '../../src/sim/world.ts';
import type { PodRuntime } from '../../src/sim/scenario/types.ts';
import { createLogHub, handlePodLog, type LogHub } from '../../src/sim/logs/index.ts';

export interface LogsSim {
  url: string;
  world: SimWorld;
  logs: LogHub;
  kubeconfigPath: string;
  kubeConfig(): KubeConfig;
  openSockets(): number;
  /** Cuts every open connection (a server restart or a network drop), leaving the server up. */
  dropConnections(): void;
  setPod(pod: V1Pod): void;
  deletePod(namespace: string, name: string): void;
  deny(subresource: string | null): void;
  close(): Promise<void>;
}

// Just enough discovery for kubectl to find pods and pods/log.
const DISCOVERY: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [] },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list', 'watch'], shortNames: ['po'] },
      { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
    ],
  },
};

export function runningStatus(name: string, restartCount = 0, startedAt = new Date(Date.now() - 60_000)): NonNullable<NonNullable<V1Pod['status']>['containerStatuses']>[number] {
  return { name, image: 'busybox', imageID: '', ready: true, restartCount, state: { running: { startedAt } } };
}

export function makePod(name: string, containers: string[], options: { namespace?: string; init?: string[]; waiting?: Record<string, string> } = {}): V1Pod {
  const namespace = options.namespace ?? 'default';
  const waiting = options.waiting ?? {};
  const status = (c: string) => (waiting[c] ? { name: c, image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: waiting[c] } } } : runningStatus(c));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: '1' },
    spec: { containers: containers.map((c) => ({ name: c, image: 'busybox' })), initContainers: options.init?.map((c) => ({ name: c, image: 'busybox' })) },
    status: {
      phase: 'Running',
      containerStatuses: containers.map(status),
      initContainerStatuses: options.init?.map((c) => ({
        name: c,
        image: 'busybox',
        imageID: '',
        ready: true,
        restartCount: 0,
        state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(Date.now() - 70_000), finishedAt: new Date(Date.now() - 65_000) } },
      })),
    },
  };
}

export async function startLogsSim(options: { pods?: V1Pod[]; runtime?: Map<string, PodRuntime>; live?: boolean; now?: () => number } = {}): Promise<LogsSim> {
  const pods = new Map<string, V1Pod>();
  for (const p of options.pods ?? []) pods.set(`${p.metadata?.namespace}/${p.metadata?.name}`, p);
  const listeners = new Set<(type: PodChangeType, ref: PodRef) => void>();
  let denied: string | undefined | null = null;
  let rv = 1;
  const dataDir = mkdtempSync(join(tmpdir(), 'podview-logs-sim-'));
  const notify = (type: PodChangeType, pod: V1Pod) => {
    for (const l of listeners) l(type, { namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', pod: () => pod });
  };
  const world: SimWorld = {
    pod: (ns, name) => pods.get(`${ns}/${name}`),
    runtime: (ns, name) => options.runtime?.get(`${ns}/${name}`),
    updatePod(ns, name, mutate) {
      const old = pods.get(`${ns}/${name}`);
      if (!old) return undefined;
      const next = mutate(structuredClone(old));
      next.metadata = { ...next.metadata, resourceVersion: String(++rv) };
      pods.set(`${ns}/${name}`, next);
      notify('MODIFIED', next);
      return next;
    },
    authorize(request): V1Status | undefined {
      if (denied === null || request.subresource !== denied) return undefined;
      const what = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
      return {
        status: 'Failure',
        reason: 'Forbidden',
        code: 403,
        message: `${what} "${request.name}" is forbidden: User "tester" cannot ${request.verb} resource "${request.resource}" in API group "" in the namespace "${request.namespace}"`,
      };
    },
    onPodChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dataDir,
    now: options.now ?? (() => Date.now()),
  };
  const logs = createLogHub(world, { live: options.live });
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const discovery = DISCOVERY[url.pathname];
    if (discovery) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(discovery));
      return;
    }
    const list = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(url.pathname);
    if (list && req.method === 'GET') {
      const items = [...pods.values()].filter((p) => p.metadata?.namespace === decodeURIComponent(list[1]!));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: String(rv) }, items }));
      return;
    }
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)(\/log)?$/.exec(url.pathname);
    if (!m || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    const [namespace, name] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)];
    if (m[3]) {
      void handlePodLog(world, req, res, { namespace, name, url });
      return;
    }
    const pod = pods.get(`${namespace}/${name}`);
    const body = JSON.stringify(pod ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `pods "${name}" not found` });
    res.writeHead(pod ? 200 : 404, { 'Content-Type': 'application/json' }).end(body);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  const kubeconfigPath = join(dataDir, 'kubeconfig');
  writeFileSync(
    kubeconfigPath,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: ${url}\n    insecure-skip-tls-verify: true\nusers:\n- name: tester\n  user:\n    token: sim-token\ncontexts:\n- name: sim\n  context:\n    cluster: sim\n    user: tester\n    namespace: default\ncurrent-context: sim\n`,
  );
  return {
    url,
    world,
    logs,
    kubeconfigPath,
    kubeConfig() {
      const kc = new KubeConfig();
      kc.loadFromFile(kubeconfigPath);
      return kc;
    },
    openSockets: () => sockets.size,
    dropConnections() {
      for (const s of sockets) s.destroy();
    },
    setPod(pod) {
      const k = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
      const existed = pods.has(k);
      pods.set(k, pod);
      notify(existed ? 'MODIFIED' : 'ADDED', pod);
    },
    deletePod(ns, name) {
      const pod = pods.get(`${ns}/${name}`);
      if (!pod) return;
      pods.delete(`${ns}/${name}`);
      notify('DELETED', pod);
    },
    deny(subresource) {
      denied = subresource;
    },
    async close() {
      logs.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Marks a container restarted: restartCount + 1, running again, the last run terminated. */
export function restart(sim: LogsSim, namespace: string, name: string, container: string, cause: { reason: string; exitCode: number } = { reason: 'Error', exitCode: 1 }): void {
  sim.world.updatePod(namespace, name, (pod) => {
    const cs = pod.status?.containerStatuses?.find((c) => c.name === container);
    if (cs) {
      cs.lastState = { terminated: { exitCode: cause.exitCode, reason: cause.reason, startedAt: new Date(Date.now() - 10_000), finishedAt: new Date(), containerID: 'containerd://old' } };
      cs.restartCount = (cs.restartCount ?? 0) + 1;
      cs.state = { running: { startedAt: new Date() } };
    }
    return pod;
  });
}
