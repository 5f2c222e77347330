// The demo's troubled Pods, one per thing podview should explain: stuck init, a sidecar in
// CrashLoopBackOff, an OOMKilled container, a port declared twice, an image that will not pull,
// a sidecar squatting on the app's port, hostile log output, a Terminating Pod (exotic volumes:
// demoVolumes.ts).
import type { V1Container } from '@kubernetes/client-node';
import { podEvent, startupEvents, type ContainerPlan } from './builders.ts';
import { deploymentApp, HOUR, listen, lonePod, MINUTE, type Part } from './demoKit.ts';
import { hostileLog, jsonAppLog, MiB, nearLimitUsage, nginxAccessLog, runtimeOf, SHELLS_BUSYBOX, SHELLS_DEBIAN, SHELLS_DISTROLESS, SILENT, waveUsage, workerLog } from './profiles.ts';

export const res = (cpu: string, mem: string, memLimit = mem) => ({ requests: { cpu, memory: mem }, limits: { memory: memLimit } });
export const running = (spec: V1Container, sinceMs: number, ready = true): ContainerPlan => ({ spec, run: { state: 'running', sinceMs, ready } });

export function stuckInit(nowMs: number): Part {
  const created = nowMs - 7 * MINUTE;
  const wait: V1Container = { name: 'wait-for-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nc -z orders-db.shop 5432; do sleep 2; done'] };
  const fetch: V1Container = {
    name: 'fetch-assets',
    image: 'ghcr.io/acme/asset-fetcher:0.3.1',
    args: ['--bucket=gs://acme-catalog-assets', '--to=/assets'],
    volumeMounts: [{ name: 'assets', mountPath: '/assets' }],
  };
  const app: V1Container = {
    name: 'catalog-sync',
    image: 'ghcr.io/acme/catalog-sync:2.2.0',
    volumeMounts: [{ name: 'assets', mountPath: '/srv/assets', readOnly: true }],
    resources: res('100m', '128Mi', '256Mi'),
  };
  return deploymentApp({
    namespace: 'catalog',
    name: 'catalog-sync',
    replicas: 1,
    createdMs: created,
    volumes: [{ name: 'assets', emptyDir: {} }],
    initContainers: () => [
      { spec: wait, run: { state: 'terminated', reason: 'Completed', exitCode: 0, startedMs: created + 3000, finishedMs: created + 50_000 } },
      { spec: fetch, run: { state: 'running', sinceMs: created + 52_000 } },
    ],
    containers: () => [{ spec: app, run: { state: 'waiting', reason: 'PodInitializing' } }],
    runtime: (pod) => ({
      sockets: [
        { protocol: 'tcp', family: 'ipv4', localAddress: pod.status!.podIP!, localPort: 42118, state: 'ESTABLISHED', remoteAddress: '142.250.80.27', remotePort: 443, container: 'fetch-assets' },
      ],
      containers: {
        'wait-for-db': runtimeOf(SHELLS_BUSYBOX, SILENT, () => ({ cpuCores: 0, memoryBytes: 0 }), [
          'nc: orders-db.shop (10.96.44.12:5432): Connection refused',
          'orders-db.shop (10.96.44.12:5432) open',
        ]),
        'fetch-assets': runtimeOf(
          SHELLS_DISTROLESS,
          workerLog('fetch-assets', 0.5, ['copied 512 objects (1.2 GiB of 9.8 GiB)', 'copying gs://acme-catalog-assets/img/...']),
          waveUsage(0.3, 60 * MiB, 'fetch'),
        ),
        'catalog-sync': runtimeOf(SHELLS_DISTROLESS, SILENT, () => ({ cpuCores: 0, memoryBytes: 0 })),
      },
    }),
  });
}

export function crashLoopingSidecar(nowMs: number): Part {
  const created = nowMs - 2 * HOUR;
  const app: V1Container = { name: 'fraud-scorer', image: 'ghcr.io/acme/fraud-scorer:1.9.2', ports: [{ name: 'grpc', containerPort: 9090, protocol: 'TCP' }], resources: res('300m', '512Mi', '1Gi') };
  const fwd: V1Container = { name: 'log-forwarder', image: 'docker.io/timberio/vector:0.41.1-debian', args: ['--config', '/etc/vector/vector.yaml'], resources: res('50m', '64Mi', '128Mi') };
  const previous = [
    '2024-01-01T00:00:00.100Z  INFO vector::app: Log level is enabled. level="info"',
    '2024-01-01T00:00:00.120Z  INFO vector::app: Loading configs. paths=["/etc/vector/vector.yaml"]',
    '2024-01-01T00:00:00.180Z ERROR vector::cli: Configuration error. error=Sink "datadog": missing field `default_api_key` at line 14 column 3',
    'Error: could not load configuration: 1 error(s) in /etc/vector/vector.yaml',
  ];
  return deploymentApp({
    namespace: 'payments',
    name: 'fraud-scorer',
    replicas: 1,
    createdMs: created,
    containers: () => [
      running(app, created + 9000),
      {
        spec: fwd,
        run: { state: 'waiting', reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=log-forwarder pod=fraud-scorer_payments' },
        restarts: 14,
        last: { reason: 'Error', exitCode: 1, startedMs: nowMs - 4 * MINUTE, finishedMs: nowMs - 4 * MINUTE + 1000 },
      },
    ],
    runtime: (pod) => ({
      sockets: [listen('fraud-scorer', 9090, { address: '::' })],
      containers: {
        'fraud-scorer': runtimeOf(SHELLS_DISTROLESS, jsonAppLog('fraud-scorer', 1), waveUsage(0.25, 380 * MiB, pod.metadata!.name!)),
        'log-forwarder': runtimeOf(SHELLS_DEBIAN, SILENT, () => ({ cpuCores: 0, memoryBytes: 0 }), previous),
      },
    }),
    events: (pod) => [
      ...startupEvents(pod, created),
      podEvent(pod, {
        type: 'Warning',
        reason: 'BackOff',
        fieldPath: 'spec.containers{log-forwarder}',
        atMs: nowMs - 30_000,
        firstMs: created + 20_000,
        count: 61,
        message: `Back-off restarting failed container log-forwarder in pod ${pod.metadata!.name}_payments(${pod.metadata!.uid})`,
      }),
    ],
  });
}

export function oomKilled(nowMs: number): Part {
  const created = nowMs - 6 * HOUR;
  const spec: V1Container = {
    name: 'thumbnailer',
    image: 'ghcr.io/acme/thumbnailer:0.7.0',
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  };
  const lastEnd = nowMs - 12 * MINUTE;
  return deploymentApp({
    namespace: 'catalog',
    name: 'thumbnailer',
    replicas: 1,
    createdMs: created,
    containers: () => [{ spec, run: { state: 'running', sinceMs: lastEnd + 1000 }, restarts: 3, last: { reason: 'OOMKilled', exitCode: 137, startedMs: nowMs - 50 * MINUTE, finishedMs: lastEnd } }],
    runtime: () => ({
      sockets: [listen('thumbnailer', 8080)],
      containers: {
        thumbnailer: runtimeOf(
          SHELLS_BUSYBOX,
          workerLog('thumbnailer', 1, ['resized 4096x4096 -> 256x256', 'loaded image into memory (48 MiB)', 'cache size 190 MiB']),
          nearLimitUsage(256 * MiB, 0.35),
          ['resized 8192x8192 -> 512x512', 'loaded image into memory (212 MiB)', 'cache size 231 MiB'],
        ),
      },
    }),
    events: (pod) => [
      ...startupEvents(pod, created),
      podEvent(pod, {
        type: 'Warning',
        reason: 'OOMKilling',
        fieldPath: 'spec.containers{thumbnailer}',
        atMs: lastEnd,
        firstMs: nowMs - 4 * HOUR,
        count: 3,
        message: 'Memory cgroup out of memory: Killed process 4121 (thumbnailer) total-vm:1873412kB, anon-rss:261344kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:720kB oom_score_adj:985',
      }),
      podEvent(pod, {
        type: 'Warning',
        reason: 'BackOff',
        fieldPath: 'spec.containers{thumbnailer}',
        atMs: lastEnd + 500,
        firstMs: nowMs - 4 * HOUR,
        count: 3,
        message: `Back-off restarting failed container thumbnailer in pod ${pod.metadata!.name}_catalog(${pod.metadata!.uid})`,
      }),
    ],
  });
}

export function duplicatePorts(nowMs: number): Part {
  const created = nowMs - 26 * HOUR;
  const gw: V1Container = { name: 'gateway', image: 'ghcr.io/acme/legacy-gateway:0.12.0', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], resources: res('100m', '128Mi') };
  const shim: V1Container = { name: 'metrics-shim', image: 'ghcr.io/acme/metrics-shim:0.2.0', ports: [{ name: 'metrics', containerPort: 8080, protocol: 'TCP' }], resources: res('20m', '32Mi') };
  return deploymentApp({
    namespace: 'shop',
    name: 'legacy-gateway',
    replicas: 1,
    createdMs: created,
    containers: () => [running(gw, created + 7000), running(shim, created + 7000, false)],
    runtime: (pod) => ({
      sockets: [listen('gateway', 8080)],
      containers: {
        gateway: runtimeOf(SHELLS_BUSYBOX, nginxAccessLog(0.5, 'legacy'), waveUsage(0.04, 70 * MiB, pod.metadata!.name!)),
        'metrics-shim': runtimeOf(SHELLS_BUSYBOX, workerLog('metrics-shim', 0.2, ['listen tcp 0.0.0.0:8080: bind: address already in use; retrying in 5s']), waveUsage(0.001, 8 * MiB, 'shim')),
      },
    }),
  });
}

export function imagePullBackOff(nowMs: number): Part {
  const created = nowMs - 9 * MINUTE;
  const image = 'ghcr.io/acme/price-feed:1.4.0-rc1';
  const spec: V1Container = { name: 'price-feed', image, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], resources: res('100m', '128Mi') };
  return deploymentApp({
    namespace: 'catalog',
    name: 'price-feed',
    replicas: 1,
    createdMs: created,
    containers: () => [
      {
        spec,
        run: {
          state: 'waiting',
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${image}": ErrImagePull: failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
        },
      },
    ],
    // Never started: the runtime exists so the sim can answer "container is waiting to start".
    runtime: () => ({ sockets: [], containers: { 'price-feed': runtimeOf(SHELLS_DISTROLESS, SILENT, () => ({ cpuCores: 0, memoryBytes: 0 })) } }),
    events: (pod) => [
      podEvent(pod, { reason: 'Scheduled', source: 'default-scheduler', atMs: created + 1000, message: `Successfully assigned catalog/${pod.metadata!.name} to ${pod.spec!.nodeName}` }),
      podEvent(pod, { reason: 'Pulling', fieldPath: 'spec.containers{price-feed}', atMs: nowMs - 2 * MINUTE, firstMs: created + 2000, count: 6, message: `Pulling image "${image}"` }),
      podEvent(pod, {
        type: 'Warning',
        reason: 'Failed',
        fieldPath: 'spec.containers{price-feed}',
        atMs: nowMs - 2 * MINUTE,
        firstMs: created + 3000,
        count: 6,
        message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": not found`,
      }),
      podEvent(pod, {
        type: 'Warning',
        reason: 'BackOff',
        fieldPath: 'spec.containers{price-feed}',
        atMs: nowMs - 20_000,
        firstMs: created + 4000,
        count: 34,
        message: `Back-off pulling image "${image}"`,
      }),
    ],
  });
}

/**
 * grafana declares 3000, but the oauth2-proxy sidecar holds :3000 and grafana listens on
 * 127.0.0.1:3001. oauth2-proxy runs its -alpine image (busybox), so the probe can read its fds.
 */
export function sidecarOwnsAppPort(nowMs: number): Part {
  const created = nowMs - 12 * 24 * HOUR;
  const grafana: V1Container = {
    name: 'grafana',
    image: 'grafana/grafana:11.2.2',
    ports: [{ name: 'http', containerPort: 3000, protocol: 'TCP' }],
    env: [
      { name: 'GF_SERVER_HTTP_PORT', value: '3001' },
      { name: 'GF_SERVER_HTTP_ADDR', value: '127.0.0.1' },
    ],
    resources: res('100m', '256Mi', '512Mi'),
    volumeMounts: [{ name: 'tls', mountPath: '/etc/grafana/tls', readOnly: true }],
  };
  const oauth: V1Container = {
    name: 'oauth2-proxy',
    image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.7.1-alpine',
    args: ['--http-address=0.0.0.0:3000', '--upstream=http://127.0.0.1:3001'],
    resources: res('10m', '32Mi'),
  };
  return deploymentApp({
    namespace: 'platform',
    name: 'grafana',
    replicas: 1,
    createdMs: created,
    volumes: [{ name: 'tls', secret: { secretName: 'grafana-tls', defaultMode: 420 } }],
    containers: () => [running(grafana, created + 20_000), running(oauth, created + 20_000)],
    runtime: (pod) => ({
      sockets: [
        listen('oauth2-proxy', 3000),
        listen('grafana', 3001, { address: '127.0.0.1', uid: 472 }),
        { protocol: 'tcp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 52814, state: 'ESTABLISHED', remoteAddress: '127.0.0.1', remotePort: 3001, container: 'oauth2-proxy' },
        { protocol: 'tcp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 3001, state: 'ESTABLISHED', remoteAddress: '127.0.0.1', remotePort: 52814, container: 'grafana', uid: 472 },
      ],
      containers: {
        grafana: runtimeOf(
          SHELLS_BUSYBOX,
          workerLog('grafana', 0.3, ['logger=context userId=1 orgId=1 uname=admin t=... method=GET path=/api/dashboards/uid/k8s status=200']),
          waveUsage(0.03, 150 * MiB, pod.metadata!.name!),
        ),
        'oauth2-proxy': runtimeOf(SHELLS_BUSYBOX, nginxAccessLog(0.5, 'oauth'), waveUsage(0.002, 18 * MiB, 'oauth')),
      },
    }),
    events: (pod) => [
      podEvent(pod, {
        type: 'Warning',
        reason: 'FailedMount',
        atMs: created + 9000,
        firstMs: created + 2000,
        count: 4,
        message: 'MountVolume.SetUp failed for volume "tls" : secret "grafana-tls" not found',
      }),
      ...startupEvents(pod, created + 10_000),
    ],
  });
}

/** A guestbook whose visitors write terminal escape sequences into the log. */
export function hostileLogs(nowMs: number): Part {
  const created = nowMs - 3 * HOUR;
  const spec: V1Container = { name: 'guestbook', image: 'ghcr.io/acme/guestbook:1.0.0', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], resources: res('50m', '64Mi') };
  return lonePod(
    { namespace: 'shop', name: 'guestbook', labels: { app: 'guestbook' }, createdMs: created, containers: [running(spec, created + 5000)] },
    { sockets: [listen('guestbook', 8080)], containers: { guestbook: runtimeOf(SHELLS_BUSYBOX, hostileLog(0.5), waveUsage(0.01, 20 * MiB, 'guestbook')) } },
  );
}

/** A Pod being deleted: deletionTimestamp set, containers still shutting down. */
export function terminating(nowMs: number): Part {
  const created = nowMs - 50 * MINUTE;
  const spec: V1Container = { name: 'toolbox', image: 'nicolaka/netshoot:v0.13', command: ['sleep', 'infinity'] };
  return lonePod(
    { namespace: 'shop', name: 'debug-toolbox', labels: { run: 'debug-toolbox' }, createdMs: created, deletionMs: nowMs + 25_000, containers: [running(spec, created + 4000)] },
    { sockets: [], containers: { toolbox: runtimeOf(['/bin/zsh', '/bin/bash', '/bin/sh'], SILENT, waveUsage(0.001, 4 * MiB, 'toolbox')) } },
  );
}
