// Shared pieces for the demo's Pods: nodes, addresses, and "a Deployment of N such Pods".
import type { CoreV1Event, V1Pod, V1Volume } from '@kubernetes/client-node';
import type { PodRuntime, ScenarioObjects } from './types.ts';
import { podFor, startupEvents, type ContainerPlan, type PodPlan } from './builders.ts';
import { deploymentChain, templateOf } from './workloads.ts';
import { hash32 } from './rng.ts';

export interface Part {
  objects: Partial<ScenarioObjects>;
  runtime: [string, PodRuntime][];
}

export const NODES = [
  { name: 'gke-prod-pool-1-5f7c9a2e-k8x1', ip: '10.128.0.14' },
  { name: 'gke-prod-pool-1-5f7c9a2e-q2mz', ip: '10.128.0.15' },
  { name: 'gke-prod-pool-2-91b3d0c4-7hfn', ip: '10.128.0.21' },
];

export function placement(ns: string, name: string): { nodeName: string; hostIP: string; podIP: string } {
  const h = hash32(`${ns}/${name}`);
  const node = NODES[h % NODES.length];
  const index = NODES.indexOf(node!);
  return { nodeName: node!.name, hostIP: node!.ip, podIP: `10.244.${index}.${10 + ((h >>> 8) % 240)}` };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface AppInput {
  namespace: string;
  name: string;
  replicas: number;
  createdMs: number;
  labels?: Record<string, string>;
  containers(i: number): ContainerPlan[];
  initContainers?(i: number): ContainerPlan[];
  volumes?: V1Volume[];
  runtime(pod: V1Pod, i: number): PodRuntime;
  events?(pod: V1Pod, i: number): CoreV1Event[];
  extra?: Partial<PodPlan>;
}

/** A Deployment, its ReplicaSet and `replicas` Pods with their runtime and start-up events. */
export function deploymentApp(input: AppInput): Part {
  const labels = input.labels ?? { app: input.name };
  const chain = deploymentChain(input.namespace, input.name, labels, input.replicas, input.createdMs);
  const pods: V1Pod[] = [];
  const events: CoreV1Event[] = [];
  const runtime: [string, PodRuntime][] = [];
  for (let i = 0; i < input.replicas; i++) {
    const name = chain.podName(i);
    const pod = podFor({
      namespace: input.namespace,
      name,
      labels: chain.podLabels,
      owner: chain.owner,
      createdMs: input.createdMs + i * 3000,
      ...placement(input.namespace, name),
      containers: input.containers(i),
      initContainers: input.initContainers?.(i),
      volumes: input.volumes,
      ...input.extra,
    });
    pods.push(pod);
    events.push(...(input.events ? input.events(pod, i) : startupEvents(pod, input.createdMs + i * 3000)));
    runtime.push([`${input.namespace}/${name}`, input.runtime(pod, i)]);
  }
  const ready = pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
  chain.finish(templateOf(pods[0]!, labels), ready);
  return { objects: { pods, events, replicaSets: [chain.replicaSet], deployments: [chain.deployment] }, runtime };
}

/** A standalone Pod (no controller) from a plan, with its start-up events. */
export function lonePod(plan: Omit<PodPlan, 'nodeName' | 'hostIP' | 'podIP'>, runtime: PodRuntime, events?: (pod: V1Pod) => CoreV1Event[]): Part {
  const pod = podFor({ ...placement(plan.namespace, plan.name), ...plan });
  return { objects: { pods: [pod], events: events ? events(pod) : startupEvents(pod, plan.createdMs) }, runtime: [[`${plan.namespace}/${plan.name}`, runtime]] };
}

export function listen(container: string, port: number, opts: { address?: string; udp?: boolean; uid?: number } = {}): PodRuntime['sockets'][number] {
  const address = opts.address ?? '0.0.0.0';
  const family = address.includes(':') ? 'ipv6' : 'ipv4';
  return { protocol: opts.udp ? 'udp' : 'tcp', family, localAddress: address, localPort: port, state: opts.udp ? 'CLOSE' : 'LISTEN', container, ...(opts.uid !== undefined ? { uid: opts.uid } : {}) };
}

/** Both ends of one established loopback TCP connection, each held by its container. */
export function loopbackPair(client: string, clientPort: number, server: string, serverPort: number, uids: { client?: number; server?: number } = {}): PodRuntime['sockets'] {
  const end = (container: string, local: number, remote: number, uid: number | undefined): PodRuntime['sockets'][number] => ({
    protocol: 'tcp',
    family: 'ipv4',
    localAddress: '127.0.0.1',
    localPort: local,
    state: 'ESTABLISHED',
    remoteAddress: '127.0.0.1',
    remotePort: remote,
    container,
    ...(uid !== undefined ? { uid } : {}),
  });
  return [end(client, clientPort, serverPort, uids.client), end(server, serverPort, clientPort, uids.server)];
}
