// A seeded cluster of any size (100,000 Pods across 1,000 namespaces in a few seconds) with
// realistic specs. Memory stays lean because Pods of one Deployment share every immutable part
// (container specs, volumes, labels, owner refs, managedFields, conditions, runtime profiles);
// only names, ids, IPs and container statuses are per Pod. Consumers must copy before changing.
import type { V1Container, V1ContainerStatus, V1Pod, V1PodCondition, V1PodSpec } from '@kubernetes/client-node';
import type { PodRuntime, Scenario, SocketSpec } from './types.ts';
import { hash32, mulberry32, type Rng } from './rng.ts';
import { imageID, qualifiedImage, tokenVolume, withContainerDefaults } from './builders.ts';
import { nameSuffix, podManagedFields, ts } from './meta.ts';
import { podConditions, qosClass } from './podStatus.ts';
import { deploymentChain, namespace } from './workloads.ts';
import { emptyObjects } from './demo.ts';
import { APP_KINDS, NAMESPACE_WORDS, SERVICE_WORDS, SIDECAR_KINDS, type ContainerKind } from './scaleCatalog.ts';

export interface ScaleOptions {
  pods: number;
  namespaces: number;
  seed: number;
  nowMs: number;
}

export const PODS_PER_DEPLOYMENT = 10;
const NODES = 512;
const EMPTY = Object.freeze({}) as Record<string, never>;

interface Template {
  namespace: string;
  deployment: string;
  chain: ReturnType<typeof deploymentChain>;
  spec: V1PodSpec;
  kinds: ContainerKind[];
  createdMs: number;
  managedFields: NonNullable<V1Pod['metadata']>['managedFields'];
  ownerReferences: NonNullable<V1Pod['metadata']>['ownerReferences'];
  readyConditions: V1PodCondition[];
  qosClass: string;
  runtime: PodRuntime;
  /** Per replica slot: timestamps and the running state object, shared by the Pods in that slot. */
  slots: { createdMs: number; created: Date; started: Date; startTime: Date; running: V1ContainerStatus['state'] }[];
}

export const scaleNamespaceName = (n: number): string => `${NAMESPACE_WORDS[n % NAMESPACE_WORDS.length]}-${String(n).padStart(4, '0')}`;

const TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];
// One token volume name per cluster (real ones differ per Pod) so sidecar specs can be shared.
const tokenName = (seed: number): string => `kube-api-access-${nameSuffix(`scale:${seed}`, 5)}`;
const sidecars = new Map<string, V1Container>();
function sharedSidecar(kind: ContainerKind, token: string): V1Container {
  const key = `${kind.spec.name}/${token}`;
  let spec = sidecars.get(key);
  if (!spec) sidecars.set(key, (spec = withContainerDefaults(kind.spec, token)));
  return spec;
}

const deploymentCount = (opts: Pick<ScaleOptions, 'pods'>): number => Math.max(1, Math.ceil(opts.pods / PODS_PER_DEPLOYMENT));

function buildTemplate(d: number, opts: Pick<ScaleOptions, 'seed' | 'namespaces' | 'nowMs'>): Template {
  const rng = mulberry32(hash32(`deployment:${opts.seed}:${d}`));
  const ns = scaleNamespaceName(d % opts.namespaces);
  const name = `${rng.pick(SERVICE_WORDS)}-${rng.pick(['api', 'web', 'worker', 'svc', 'gateway'])}-${d}`;
  const createdMs = opts.nowMs - rng.int(3_600_000, 60 * 86_400_000);
  const chain = deploymentChain(ns, name, { app: name }, PODS_PER_DEPLOYMENT, createdMs);
  const app = rng.pick(APP_KINDS);
  const sidecars = [...SIDECAR_KINDS].sort(() => rng.next() - 0.5).slice(0, rng.int(1, 4));
  const kinds = [app, ...sidecars];
  const token = tokenName(opts.seed);
  const containers: V1Container[] = kinds.map((k, i) =>
    i === 0
      ? withContainerDefaults(
          {
            ...k.spec,
            name,
            volumeMounts: [
              { name: 'logs', mountPath: '/var/log/app' },
              { name: 'config', mountPath: '/etc/app', readOnly: true },
            ],
          },
          token,
        )
      : sharedSidecar(k, token),
  );
  const spec: V1PodSpec = {
    containers,
    volumes: [{ name: 'logs', emptyDir: {} }, { name: 'config', configMap: { name, defaultMode: 420 } }, tokenVolume(token)],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    serviceAccount: 'default',
    securityContext: {},
    schedulerName: 'default-scheduler',
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    tolerations: TOLERATIONS,
  };
  chain.finish({ metadata: { labels: chain.podLabels }, spec }, PODS_PER_DEPLOYMENT);
  const probe: V1Pod = { spec, status: { containerStatuses: containers.map((c) => ({ name: c.name, ready: true, started: true, restartCount: 0, image: '', imageID: '', state: { running: {} } })) } };
  const sockets: SocketSpec[] = containers.flatMap((c) =>
    (c.ports ?? []).map(
      (p): SocketSpec => ({
        protocol: p.protocol === 'UDP' ? 'udp' : 'tcp',
        family: 'ipv4',
        localAddress: '0.0.0.0',
        localPort: p.containerPort,
        state: p.protocol === 'UDP' ? 'CLOSE' : 'LISTEN',
        container: c.name,
      }),
    ),
  );
  return {
    namespace: ns,
    deployment: name,
    chain,
    spec,
    kinds,
    createdMs,
    managedFields: podManagedFields(
      'kube-controller-manager',
      Object.keys(chain.podLabels),
      containers.map((c) => c.name),
      createdMs,
      createdMs + 20_000,
    ),
    ownerReferences: [chain.owner],
    readyConditions: podConditions(probe, 'Running', createdMs + 20_000, createdMs + 1000),
    qosClass: qosClass(containers),
    runtime: { sockets, containers: Object.fromEntries(containers.map((c, i) => [c.name, kinds[i]!.runtime])) },
    slots: Array.from({ length: PODS_PER_DEPLOYMENT }, (_, k) => {
      const at = createdMs + k * 61_000;
      return { createdMs: at, created: ts(at), started: ts(at + 8000), startTime: ts(at + 1000), running: { running: { startedAt: ts(at + 8000) } } };
    }),
  };
}

// Ids are slices of one random hex pool plus a unique counter: unique, deterministic, and cheap
// (a V8 sliced string costs a few bytes instead of a fresh 64-character string per container).
const pools = new Map<number, string>();
function hexPool(seed: number): string {
  let pool = pools.get(seed);
  if (!pool) {
    const rng = mulberry32(seed ^ 0x5eed);
    const words: string[] = [];
    for (let i = 0; i < 8192; i++)
      words.push(
        Math.floor(rng.next() * 0x100000000)
          .toString(16)
          .padStart(8, '0'),
      );
    pool = words.join('');
    pools.set(seed, pool);
  }
  return pool;
}

function hexId(rng: Rng, seed: number, unique: number, length: number): string {
  const pool = hexPool(seed);
  const tail = unique.toString(16).padStart(10, '0');
  const start = rng.int(0, pool.length - length);
  return pool.slice(start, start + length - tail.length) + tail;
}

function uuid(rng: Rng, seed: number, unique: number): string {
  const h = hexId(rng, seed, unique, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Health = 'ok' | 'crashloop' | 'imagepull' | 'oomkilled' | 'unready';
function healthOf(rng: Rng): Health {
  const x = rng.next();
  return x < 0.95 ? 'ok' : x < 0.965 ? 'crashloop' : x < 0.975 ? 'imagepull' : x < 0.99 ? 'oomkilled' : 'unready';
}

function podFromTemplate(i: number, t: Template, seed: number): V1Pod {
  const rng = mulberry32(hash32(`pod:${seed}:${i}`));
  const health = healthOf(rng);
  const slot = t.slots[i % PODS_PER_DEPLOYMENT];
  const createdMs = slot!.createdMs;
  const startedAt = slot!.started;
  const node = hash32(`node:${seed}:${i}`) % NODES;
  const broken = rng.int(0, t.spec.containers.length - 1);
  const statuses: V1ContainerStatus[] = t.spec.containers.map((c, n) => {
    const mine = n === broken ? health : 'ok';
    const status: V1ContainerStatus = {
      name: c.name,
      image: qualifiedImage(c.image!),
      imageID: imageID(c.image!),
      containerID: `containerd://${hexId(rng, seed, i * 8 + n, 64)}`,
      ready: true,
      started: true,
      restartCount: 0,
      state: slot!.running,
      lastState: EMPTY,
    };
    if (mine === 'crashloop')
      Object.assign(status, {
        ready: false,
        started: false,
        restartCount: rng.int(3, 40),
        state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${c.name}` } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt, finishedAt: startedAt, containerID: status.containerID } },
      });
    if (mine === 'imagepull')
      Object.assign(status, { ready: false, started: false, imageID: '', containerID: undefined, state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } } });
    if (mine === 'oomkilled')
      Object.assign(status, { restartCount: rng.int(1, 6), lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt, finishedAt: startedAt, containerID: status.containerID } } });
    if (mine === 'unready') status.ready = false;
    if (status.containerID === undefined) delete status.containerID;
    return status;
  });
  const name = `${t.chain.replicaSet.metadata!.name}-${nameSuffix(`${seed}:${i}`, 5)}`;
  const pod: V1Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${t.chain.replicaSet.metadata!.name}-`,
      namespace: t.namespace,
      uid: uuid(rng, seed, i),
      creationTimestamp: slot!.created,
      labels: t.chain.podLabels,
      ownerReferences: t.ownerReferences,
      managedFields: t.managedFields,
    },
    spec: { ...t.spec, nodeName: `node-${String(node).padStart(3, '0')}` },
    status: {
      phase: health === 'imagepull' ? 'Pending' : 'Running',
      hostIP: `10.128.${node >> 8}.${node & 255}`,
      hostIPs: undefined,
      podIP: `10.${64 + ((i >> 16) & 63)}.${(i >> 8) & 255}.${i & 255}`,
      startTime: slot!.startTime,
      containerStatuses: statuses,
      qosClass: t.qosClass,
    },
  };
  delete pod.status!.hostIPs;
  pod.status!.podIPs = [{ ip: pod.status!.podIP! }];
  pod.status!.conditions = health === 'ok' || health === 'oomkilled' ? t.readyConditions : podConditions(pod, pod.status!.phase!, createdMs + 20_000, createdMs + 1000);
  return pod;
}

/** Pod number i of a scale cluster; used by churn to create Pods beyond the initial set. */
export function makeScalePod(i: number, opts: ScaleOptions): V1Pod {
  const d = Math.floor(i / PODS_PER_DEPLOYMENT) % deploymentCount(opts);
  return podFromTemplate(i, buildTemplate(d, opts), opts.seed);
}

export function scaleScenario(opts: ScaleOptions): Scenario {
  const objects = emptyObjects();
  const runtime = new Map<string, PodRuntime>();
  const born = opts.nowMs - 90 * 86_400_000;
  for (let n = 0; n < opts.namespaces; n++) objects.namespaces.push(namespace(scaleNamespaceName(n), born));
  const templates = new Map<number, Template>();
  for (let i = 0; i < opts.pods; i++) {
    const d = Math.floor(i / PODS_PER_DEPLOYMENT) % deploymentCount(opts);
    let t = templates.get(d);
    if (!t) {
      t = buildTemplate(d, opts);
      templates.set(d, t);
      objects.deployments.push(t.chain.deployment);
      objects.replicaSets.push(t.chain.replicaSet);
    }
    const pod = podFromTemplate(i, t, opts.seed);
    objects.pods.push(pod);
    runtime.set(`${t.namespace}/${pod.metadata!.name}`, t.runtime);
  }
  return { objects, runtime };
}
