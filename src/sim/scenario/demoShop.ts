// The seed article's Pod: user-msvc with cloudsql-proxy and datadog-agent sharing an emptyDir
// log volume and a read-only Secret volume, env from its ConfigMap, owned by a Deployment.
import type { V1Container } from '@kubernetes/client-node';
import type { PodRuntime } from './types.ts';
import { loopbackPair, type Part } from './demoKit.ts';
import { podEvent, podFor, startupEvents } from './builders.ts';
import { configMap, deploymentChain, secret, templateOf } from './workloads.ts';
import { cloudSqlProxyLog, datadogAgentLog, jsonAppLog, MiB, runtimeOf, SHELLS_BUSYBOX, SHELLS_DEBIAN, SHELLS_DISTROLESS, waveUsage } from './profiles.ts';

export const SHOP_NS = 'shop';
const HOUR = 3_600_000;

export function shopPart(nowMs: number): Part {
  const created = nowMs - 3 * 24 * HOUR;
  const labels = { app: 'user-msvc', tier: 'backend' };
  const chain = deploymentChain(SHOP_NS, 'user-msvc', labels, 1, created);
  const cm = configMap(
    SHOP_NS,
    'user-msvc',
    { LOG_LEVEL: 'info', DB_HOST: '127.0.0.1', DB_PORT: '3306', DB_NAME: 'users', DD_AGENT_HOST: '127.0.0.1', DD_DOGSTATSD_PORT: '8125', DD_LOGS_ENABLED: 'true' },
    created - HOUR,
  );
  const sec = secret(
    SHOP_NS,
    'user-msvc',
    {
      'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIB...demo\n-----END CERTIFICATE-----\n',
      'tls.key': '-----BEGIN PRIVATE KEY-----\nMIIE...demo\n-----END PRIVATE KEY-----\n',
      'db-password': 'demo-not-a-real-password',
      'dd-api-key': '0000000000000000demo0000000000000',
    },
    created - HOUR,
  );
  const secretMount = (path: string) => ({ name: 'user-msvc-secret', mountPath: path, readOnly: true });
  const app: V1Container = {
    name: 'user-msvc',
    image: 'gcr.io/acme-prod/user-msvc:2.14.3',
    ports: [{ name: 'https', containerPort: 443, protocol: 'TCP' }],
    envFrom: [{ configMapRef: { name: 'user-msvc' } }],
    env: [
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'user-msvc', key: 'db-password' } } },
      { name: 'TLS_CERT_FILE', value: '/etc/user-msvc/secret/tls.crt' },
      { name: 'ERROR_LOG', value: '/var/log/user-msvc-error.log' },
    ],
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    volumeMounts: [{ name: 'logs', mountPath: '/var/log' }, secretMount('/etc/user-msvc/secret')],
    readinessProbe: { httpGet: { path: '/healthz', port: 443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    livenessProbe: { httpGet: { path: '/healthz', port: 443, scheme: 'HTTPS' }, initialDelaySeconds: 15, periodSeconds: 20, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
  };
  const proxy: V1Container = {
    name: 'cloudsql-proxy',
    image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.4',
    args: ['--port=3306', '--address=127.0.0.1', '--credentials-file=/etc/cloudsql/credentials.json', 'acme-prod:us-central1:users-db'],
    ports: [{ name: 'mysql', containerPort: 3306, protocol: 'TCP' }],
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
    securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
  };
  const agent: V1Container = {
    name: 'datadog-agent',
    image: 'gcr.io/datadoghq/agent:7.57.2',
    env: [
      { name: 'DD_API_KEY', valueFrom: { secretKeyRef: { name: 'user-msvc', key: 'dd-api-key' } } },
      { name: 'DD_LOGS_CONFIG_CONTAINER_COLLECT_ALL', value: 'false' },
      { name: 'DD_SITE', value: 'datadoghq.com' },
    ],
    envFrom: [{ configMapRef: { name: 'user-msvc' } }],
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    volumeMounts: [{ name: 'logs', mountPath: '/var/log/monitor' }, secretMount('/etc/datadog-agent/secret')],
  };
  const started = created + 8000;
  const pod = podFor({
    namespace: SHOP_NS,
    name: chain.podName(0),
    labels: chain.podLabels,
    owner: chain.owner,
    createdMs: created,
    nodeName: 'gke-prod-pool-1-5f7c9a2e-k8x1',
    hostIP: '10.128.0.14',
    podIP: '10.244.1.23',
    serviceAccountName: 'user-msvc',
    containers: [
      { spec: app, run: { state: 'running', sinceMs: started } },
      { spec: proxy, run: { state: 'running', sinceMs: started } },
      { spec: agent, run: { state: 'running', sinceMs: started } },
    ],
    volumes: [
      { name: 'logs', emptyDir: {} },
      { name: 'user-msvc-secret', secret: { secretName: 'user-msvc', defaultMode: 420 } },
    ],
  });
  chain.finish(templateOf(pod, labels), 1);
  const key = `${SHOP_NS}/${pod.metadata!.name}`;
  const events = [
    ...startupEvents(pod, created),
    podEvent(pod, {
      type: 'Warning',
      reason: 'Unhealthy',
      fieldPath: 'spec.containers{user-msvc}',
      atMs: nowMs - 40 * 60_000,
      firstMs: created + 9000,
      count: 3,
      message: 'Readiness probe failed: Get "https://10.244.1.23:443/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    }),
  ];
  const runtime: PodRuntime = {
    sockets: [
      { protocol: 'tcp', family: 'ipv6', localAddress: '::', localPort: 443, state: 'LISTEN', container: 'user-msvc', uid: 1000 },
      { protocol: 'tcp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 3306, state: 'LISTEN', container: 'cloudsql-proxy', uid: 65532 },
      { protocol: 'udp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 8125, state: 'CLOSE', container: 'datadog-agent' },
      { protocol: 'tcp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 5000, state: 'LISTEN', container: 'datadog-agent' },
      // The app's pool of four database connections through the proxy: both ends of each.
      ...[47322, 47330, 47338, 47346].flatMap((client) => loopbackPair('user-msvc', client, 'cloudsql-proxy', 3306, { client: 1000, server: 65532 })),
      // statsd metrics: a connected UDP socket to the agent's 8125.
      { protocol: 'udp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 39012, state: 'ESTABLISHED', remoteAddress: '127.0.0.1', remotePort: 8125, container: 'user-msvc', uid: 1000 },
      { protocol: 'tcp', family: 'ipv4', localAddress: '10.244.1.23', localPort: 51840, state: 'ESTABLISHED', remoteAddress: '10.20.0.5', remotePort: 3307, container: 'cloudsql-proxy', uid: 65532 },
      {
        protocol: 'tcp',
        family: 'ipv6',
        localAddress: '::ffff:10.244.1.23',
        localPort: 443,
        state: 'ESTABLISHED',
        remoteAddress: '::ffff:10.244.0.1',
        remotePort: 38112,
        container: 'user-msvc',
        uid: 1000,
      },
      { protocol: 'tcp', family: 'ipv4', localAddress: '10.244.1.23', localPort: 40126, state: 'ESTABLISHED', remoteAddress: '34.149.66.137', remotePort: 443, container: 'datadog-agent' },
      { protocol: 'tcp', family: 'ipv6', localAddress: '::ffff:10.244.1.23', localPort: 443, state: 'TIME_WAIT', remoteAddress: '::ffff:10.244.0.1', remotePort: 38090, container: 'user-msvc' },
    ],
    containers: {
      'user-msvc': runtimeOf(SHELLS_BUSYBOX, jsonAppLog('user-msvc', 2), waveUsage(0.18, 210 * MiB, `${key}app`)),
      'cloudsql-proxy': runtimeOf(SHELLS_DISTROLESS, cloudSqlProxyLog('acme-prod:us-central1:users-db', 0.5), waveUsage(0.01, 24 * MiB, `${key}sql`)),
      'datadog-agent': runtimeOf(SHELLS_DEBIAN, datadogAgentLog(1), waveUsage(0.04, 180 * MiB, `${key}dd`)),
    },
  };
  return {
    objects: { pods: [pod], configMaps: [cm], secrets: [sec], replicaSets: [chain.replicaSet], deployments: [chain.deployment], events },
    runtime: [[key, runtime]],
  };
}
