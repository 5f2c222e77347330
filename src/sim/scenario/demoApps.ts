// The healthy majority of the demo: ordinary Deployments to scroll through, a native sidecar
// after a classic init container, a StatefulSet with a PVC, a DaemonSet with hostPath, a CronJob's Job.
import type { V1Container } from '@kubernetes/client-node';
import type { PodRuntime } from './types.ts';
import { podFor, startupEvents, type ContainerPlan } from './builders.ts';
import { cronJob, daemonSet, jobOf, statefulSet, templateOf } from './workloads.ts';
import { ownerRef } from './meta.ts';
import { DAY, deploymentApp, HOUR, listen, placement, type Part } from './demoKit.ts';
import { envoyAccessLog, jsonAppLog, MiB, nginxAccessLog, runtimeOf, SHELLS_BUSYBOX, SHELLS_DEBIAN, SHELLS_DISTROLESS, SILENT, waveUsage, workerLog } from './profiles.ts';

const res = (cpu: string, mem: string, cpuLimit?: string, memLimit?: string) => ({ requests: { cpu, memory: mem }, limits: { ...(cpuLimit ? { cpu: cpuLimit } : {}), memory: memLimit ?? mem } });
const running = (spec: V1Container, sinceMs: number): ContainerPlan => ({ spec, run: { state: 'running', sinceMs } });

/** Plain web/API/worker Deployments spread over a few namespaces so the Pod list scrolls. */
export function ordinaryApps(nowMs: number): Part[] {
  const apps: { ns: string; name: string; replicas: number; image: string; port?: number; kind: 'nginx' | 'json' | 'worker' }[] = [
    { ns: 'shop', name: 'storefront', replicas: 4, image: 'nginx:1.27.2', port: 80, kind: 'nginx' },
    { ns: 'shop', name: 'cart-api', replicas: 3, image: 'ghcr.io/acme/cart-api:1.8.0', port: 8080, kind: 'json' },
    { ns: 'shop', name: 'recommendations', replicas: 2, image: 'ghcr.io/acme/recommendations:0.9.4', port: 8080, kind: 'json' },
    { ns: 'payments', name: 'payments-api', replicas: 3, image: 'ghcr.io/acme/payments-api:3.2.1', port: 8443, kind: 'json' },
    { ns: 'payments', name: 'ledger-worker', replicas: 2, image: 'ghcr.io/acme/ledger-worker:3.2.1', kind: 'worker' },
    { ns: 'catalog', name: 'catalog-api', replicas: 4, image: 'ghcr.io/acme/catalog-api:5.0.2', port: 8080, kind: 'json' },
    { ns: 'catalog', name: 'search-indexer', replicas: 2, image: 'ghcr.io/acme/search-indexer:5.0.2', kind: 'worker' },
    { ns: 'catalog', name: 'image-resizer', replicas: 3, image: 'ghcr.io/acme/image-resizer:1.1.0', port: 9000, kind: 'json' },
    { ns: 'platform', name: 'ingress-nginx-controller', replicas: 2, image: 'registry.k8s.io/ingress-nginx/controller:v1.11.2', port: 443, kind: 'nginx' },
    { ns: 'platform', name: 'coredns-custom', replicas: 2, image: 'registry.k8s.io/coredns/coredns:v1.11.3', port: 53, kind: 'worker' },
    { ns: 'platform', name: 'metrics-exporter', replicas: 3, image: 'quay.io/prometheus/node-exporter:v1.8.2', port: 9100, kind: 'worker' },
  ];
  return apps.map((a, n) => {
    const created = nowMs - (2 + n) * DAY;
    const distroless = a.image.includes('acme') && a.kind === 'worker';
    const shells = a.image.startsWith('nginx') ? SHELLS_DEBIAN : distroless ? SHELLS_DISTROLESS : SHELLS_BUSYBOX;
    const spec: V1Container = {
      name: a.name,
      image: a.image,
      ...(a.port ? { ports: [{ name: a.port === 53 ? 'dns' : 'http', containerPort: a.port, protocol: a.port === 53 ? 'UDP' : 'TCP' }] } : {}),
      resources: res('100m', '128Mi', undefined, '256Mi'),
    };
    const logs =
      a.kind === 'nginx' ? nginxAccessLog(1.5, a.name) : a.kind === 'json' ? jsonAppLog(a.name, 1) : workerLog(a.name, 0.2, ['batch committed', 'heartbeat', 'queue depth 0', 'processed 128 items']);
    return deploymentApp({
      namespace: a.ns,
      name: a.name,
      replicas: a.replicas,
      createdMs: created,
      containers: () => [running(spec, created + 9000)],
      runtime: (pod): PodRuntime => ({
        sockets: a.port ? [listen(a.name, a.port, { udp: a.port === 53 })] : [],
        containers: { [a.name]: runtimeOf(shells, logs, waveUsage(0.05, 90 * MiB, pod.metadata!.name!)) },
      }),
    });
  });
}

/** checkout: a classic db-migrate init container, then an istio-proxy native sidecar, then the app. */
export function nativeSidecarApp(nowMs: number): Part {
  const created = nowMs - 5 * HOUR;
  const migrate: V1Container = { name: 'db-migrate', image: 'ghcr.io/acme/checkout:4.1.0', command: ['/app/checkout', 'migrate', '--up'], resources: res('100m', '64Mi') };
  const proxy: V1Container = {
    name: 'istio-proxy',
    image: 'docker.io/istio/proxyv2:1.23.2',
    restartPolicy: 'Always',
    args: ['proxy', 'sidecar'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090, protocol: 'TCP' }],
    readinessProbe: { httpGet: { path: '/healthz/ready', port: 15021 }, periodSeconds: 15, failureThreshold: 4 },
    resources: res('100m', '128Mi', '2', '1Gi'),
  };
  const app: V1Container = { name: 'checkout', image: 'ghcr.io/acme/checkout:4.1.0', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], resources: res('200m', '256Mi', '1', '512Mi') };
  return deploymentApp({
    namespace: 'payments',
    name: 'checkout',
    replicas: 2,
    createdMs: created,
    initContainers: () => [
      { spec: migrate, run: { state: 'terminated', reason: 'Completed', exitCode: 0, startedMs: created + 4000, finishedMs: created + 11_000 } },
      running(proxy, created + 12_000),
    ],
    containers: () => [running(app, created + 14_000)],
    runtime: (pod): PodRuntime => ({
      sockets: [
        listen('istio-proxy', 15001),
        listen('istio-proxy', 15006),
        listen('istio-proxy', 15021),
        listen('istio-proxy', 15090),
        listen('istio-proxy', 15000, { address: '127.0.0.1' }),
        listen('checkout', 8080),
      ],
      containers: {
        'db-migrate': runtimeOf(SHELLS_DISTROLESS, SILENT, () => ({ cpuCores: 0, memoryBytes: 0 }), ['applying migration 0042_add_refund_table.sql', 'migrations complete: 42 applied, 0 pending']),
        'istio-proxy': runtimeOf(SHELLS_DEBIAN, envoyAccessLog(8080, 3), waveUsage(0.03, 60 * MiB, `${pod.metadata!.name}envoy`)),
        checkout: runtimeOf(SHELLS_DISTROLESS, jsonAppLog('checkout', 2), waveUsage(0.12, 180 * MiB, pod.metadata!.name!)),
      },
    }),
  });
}

export function statefulDatabase(nowMs: number): Part {
  const created = nowMs - 20 * DAY;
  const labels = { app: 'orders-db' };
  const spec: V1Container = {
    name: 'postgres',
    image: 'postgres:16.4',
    ports: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }],
    env: [
      { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
      { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } } },
    ],
    resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
  };
  const pods = [0, 1].map((i) => {
    const name = `orders-db-${i}`;
    return podFor({
      namespace: 'shop',
      name,
      labels: { ...labels, 'apps.kubernetes.io/pod-index': String(i), 'statefulset.kubernetes.io/pod-name': name },
      owner: ownerRef('apps/v1', 'StatefulSet', 'orders-db', ''),
      createdMs: created + i * 60_000,
      ...placement('shop', name),
      containers: [running(spec, created + i * 60_000 + 20_000)],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `data-orders-db-${i}` } }],
      spec: { hostname: name, subdomain: 'orders-db' },
    });
  });
  const sts = statefulSet('shop', 'orders-db', labels, 2, 2, templateOf(pods[0]!, labels), created);
  for (const p of pods) p.metadata!.ownerReferences![0]!.uid = sts.metadata!.uid!;
  const pgLog = workerLog('postgres', 0.3, ['checkpoint starting: time', 'checkpoint complete: wrote 112 buffers (0.7%)', 'automatic vacuum of table "orders.public.line_items"']);
  return {
    objects: { pods, statefulSets: [sts], events: pods.flatMap((p, i) => startupEvents(p, created + i * 60_000)) },
    runtime: pods.map((p) => [
      `shop/${p.metadata!.name}`,
      { sockets: [listen('postgres', 5432), listen('postgres', 5432, { address: '::' })], containers: { postgres: runtimeOf(SHELLS_DEBIAN, pgLog, waveUsage(0.2, 700 * MiB, p.metadata!.name!)) } },
    ]),
  };
}

export function nodeLogShipper(nowMs: number): Part {
  const created = nowMs - 40 * DAY;
  const labels = { 'app.kubernetes.io/name': 'fluent-bit' };
  const spec: V1Container = {
    name: 'fluent-bit',
    image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9',
    ports: [{ name: 'http', containerPort: 2020, protocol: 'TCP' }],
    resources: res('50m', '64Mi', undefined, '128Mi'),
    volumeMounts: [
      { name: 'varlog', mountPath: '/var/log', readOnly: true },
      { name: 'containers', mountPath: '/var/lib/docker/containers', readOnly: true },
    ],
  };
  const pods = [0, 1, 2].map((i) => {
    const name = `fluent-bit-${['7xk2p', 'm9q4d', 'c5vzn'][i]}`;
    const pod = podFor({
      namespace: 'platform',
      name,
      labels: { ...labels, 'controller-revision-hash': '6d5f8b9c7f', 'pod-template-generation': '1' },
      owner: ownerRef('apps/v1', 'DaemonSet', 'fluent-bit', ''),
      createdMs: created,
      ...placement('platform', name),
      containers: [running(spec, created + 15_000)],
      volumes: [
        { name: 'varlog', hostPath: { path: '/var/log', type: '' } },
        { name: 'containers', hostPath: { path: '/var/lib/docker/containers', type: '' } },
      ],
    });
    return pod;
  });
  const ds = daemonSet('platform', 'fluent-bit', labels, 3, templateOf(pods[0]!, labels), created);
  for (const p of pods) p.metadata!.ownerReferences![0]!.uid = ds.metadata!.uid!;
  return {
    objects: { pods, daemonSets: [ds], events: pods.flatMap((p) => startupEvents(p, created)) },
    runtime: pods.map((p) => [
      `platform/${p.metadata!.name}`,
      {
        sockets: [listen('fluent-bit', 2020)],
        containers: {
          'fluent-bit': runtimeOf(
            SHELLS_DISTROLESS,
            workerLog('fluent-bit', 0.5, ['[input:tail:tail.0] inotify_fs_add(): inode=1835 watch_fd=12', '[output:es:es.0] HTTP status=200 URI=/_bulk']),
            waveUsage(0.02, 40 * MiB, p.metadata!.name!),
          ),
        },
      },
    ]),
  };
}

export function nightlyReportJob(nowMs: number): Part {
  const created = nowMs - 30 * DAY;
  const lastRun = Math.floor((nowMs - 2 * HOUR) / HOUR) * HOUR;
  const spec: V1Container = { name: 'report', image: 'ghcr.io/acme/reports:2.0.0', command: ['/report', '--day=yesterday'], resources: res('500m', '512Mi') };
  const cron = cronJob('shop', 'nightly-report', '0 * * * *', { spec: { restartPolicy: 'OnFailure', containers: [spec] } }, created, lastRun);
  const job = jobOf(cron, lastRun, 38_000);
  const name = `${job.metadata!.name}-${'r4v8q'}`;
  const pod = podFor({
    namespace: 'shop',
    name,
    labels: job.spec!.template.metadata!.labels!,
    owner: ownerRef('batch/v1', 'Job', job.metadata!.name!, job.metadata!.uid!),
    createdMs: lastRun,
    ...placement('shop', name),
    restartPolicy: 'OnFailure',
    containers: [{ spec, run: { state: 'terminated', reason: 'Completed', exitCode: 0, startedMs: lastRun + 3000, finishedMs: lastRun + 38_000 } }],
  });
  const log = [`loading orders for ${new Date(lastRun - DAY).toISOString().slice(0, 10)}`, 'aggregated 18211 orders into 412 rows', 'report uploaded to gs://acme-reports/daily/', 'done in 35.2s'];
  return {
    objects: { pods: [pod], jobs: [job], cronJobs: [cron], events: startupEvents(pod, lastRun) },
    runtime: [
      [`shop/${name}`, { sockets: [], containers: { report: runtimeOf(SHELLS_DISTROLESS, { ratePerSecond: 0, line: (n) => log[n % log.length]! }, () => ({ cpuCores: 0, memoryBytes: 0 }), log) } }],
    ],
  };
}
