// The container kinds a scale cluster is made of: image, ports, resources and runtime profile.
// Profiles and runtimes are built once and shared by every Pod that uses them.
import type { V1Container } from '@kubernetes/client-node';
import type { ContainerRuntime } from './types.ts';
import { cloudSqlProxyLog, datadogAgentLog, envoyAccessLog, jsonAppLog, MiB, nginxAccessLog, runtimeOf, SHELLS_BUSYBOX, SHELLS_DEBIAN, SHELLS_DISTROLESS, waveUsage, workerLog } from './profiles.ts';

export interface ContainerKind {
  spec: V1Container;
  runtime: ContainerRuntime;
}

const r = (cpu: string, mem: string, memLimit: string) => ({ requests: { cpu, memory: mem }, limits: { memory: memLimit } });
const kind = (spec: V1Container, runtime: ContainerRuntime): ContainerKind => ({ spec, runtime });

/** Main application containers: one per Pod. */
export const APP_KINDS: readonly ContainerKind[] = [
  kind(
    { name: 'web', image: 'nginx:1.27.2', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }], resources: r('100m', '64Mi', '128Mi') },
    runtimeOf(SHELLS_DEBIAN, nginxAccessLog(0.5), waveUsage(0.02, 30 * MiB, 'web')),
  ),
  kind(
    { name: 'api', image: 'ghcr.io/acme/api:3.4.1', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], resources: r('250m', '256Mi', '512Mi') },
    runtimeOf(SHELLS_DISTROLESS, jsonAppLog('api', 1), waveUsage(0.1, 180 * MiB, 'api')),
  ),
  kind(
    { name: 'worker', image: 'ghcr.io/acme/worker:3.4.1', resources: r('200m', '384Mi', '768Mi') },
    runtimeOf(SHELLS_BUSYBOX, workerLog('worker', 0.2, ['job done', 'heartbeat']), waveUsage(0.15, 300 * MiB, 'worker')),
  ),
  kind(
    {
      name: 'grpc-server',
      image: 'ghcr.io/acme/grpc-server:1.12.0',
      ports: [{ name: 'grpc', containerPort: 9090, protocol: 'TCP' }],
      resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    },
    runtimeOf(SHELLS_DISTROLESS, jsonAppLog('grpc-server', 0.5), waveUsage(0.3, 400 * MiB, 'grpc')),
  ),
  kind(
    { name: 'redis', image: 'redis:7.4.1-alpine', ports: [{ name: 'redis', containerPort: 6379, protocol: 'TCP' }], resources: r('100m', '128Mi', '256Mi') },
    runtimeOf(SHELLS_BUSYBOX, workerLog('redis', 0.05, ['DB saved on disk', 'Background saving started']), waveUsage(0.02, 90 * MiB, 'redis')),
  ),
];

/** Sidecars: zero to four per Pod. */
export const SIDECAR_KINDS: readonly ContainerKind[] = [
  kind(
    {
      name: 'envoy',
      image: 'envoyproxy/envoy:v1.31.2',
      ports: [
        { name: 'admin', containerPort: 9901, protocol: 'TCP' },
        { name: 'proxy', containerPort: 15001, protocol: 'TCP' },
      ],
      resources: r('50m', '64Mi', '256Mi'),
    },
    runtimeOf(SHELLS_DEBIAN, envoyAccessLog(8080, 1), waveUsage(0.02, 50 * MiB, 'envoy')),
  ),
  kind(
    { name: 'log-shipper', image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', resources: r('20m', '32Mi', '64Mi'), volumeMounts: [{ name: 'logs', mountPath: '/var/log/app', readOnly: true }] },
    runtimeOf(SHELLS_DISTROLESS, workerLog('fluent-bit', 0.1, ['flush ok']), waveUsage(0.005, 20 * MiB, 'fb')),
  ),
  kind(
    {
      name: 'metrics',
      image: 'quay.io/prometheus/statsd-exporter:v0.27.1',
      ports: [
        { name: 'metrics', containerPort: 9102, protocol: 'TCP' },
        { name: 'statsd', containerPort: 9125, protocol: 'UDP' },
      ],
      resources: r('10m', '16Mi', '32Mi'),
    },
    runtimeOf(SHELLS_BUSYBOX, workerLog('statsd', 0.02, ['scrape ok']), waveUsage(0.002, 12 * MiB, 'statsd')),
  ),
  kind(
    { name: 'cloudsql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.4', ports: [{ name: 'mysql', containerPort: 3306, protocol: 'TCP' }], resources: r('20m', '32Mi', '64Mi') },
    runtimeOf(SHELLS_DISTROLESS, cloudSqlProxyLog('acme:us-central1:db', 0.1), waveUsage(0.005, 20 * MiB, 'sql')),
  ),
  kind(
    { name: 'datadog-agent', image: 'gcr.io/datadoghq/agent:7.57.2', resources: r('50m', '128Mi', '256Mi'), volumeMounts: [{ name: 'logs', mountPath: '/var/log/monitor' }] },
    runtimeOf(SHELLS_DEBIAN, datadogAgentLog(0.2), waveUsage(0.03, 150 * MiB, 'dd')),
  ),
];

export const NAMESPACE_WORDS = ['shop', 'payments', 'catalog', 'search', 'auth', 'billing', 'media', 'ml', 'data', 'edge', 'chat', 'ads'];
export const SERVICE_WORDS = ['users', 'orders', 'cart', 'inventory', 'pricing', 'reviews', 'sessions', 'profile', 'notify', 'export', 'ingest', 'ranker'];
