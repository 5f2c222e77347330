// Hand-written Pods for the UI tests. userMsvc is the seed's Pod: user-msvc, cloudsql-proxy
// and datadog-agent sharing an emptyDir (/var/log, /var/log/monitor), a read-only Secret
// volume, and 127.0.0.1:443 and :3306.
import type { V1Pod } from '@kubernetes/client-node';

export const NOW = Date.parse('2026-01-01T12:00:00Z');
const created = new Date(NOW - 3 * 3600 * 1000);

export function simplePod(namespace: string, name: string, extra: { uid?: string; rv?: string; labels?: Record<string, string>; phase?: string; node?: string } = {}): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace,
      name,
      uid: extra.uid ?? `uid-${namespace}-${name}`,
      resourceVersion: extra.rv ?? '1',
      creationTimestamp: created,
      labels: extra.labels ?? {},
    },
    spec: { nodeName: extra.node ?? 'node-1', containers: [{ name: 'app', image: 'nginx:1.27' }] },
    status: {
      phase: extra.phase ?? 'Running',
      containerStatuses: [{ name: 'app', image: 'nginx:1.27', imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: created } } }],
    },
  };
}

const running = (name: string, image: string, restarts = 0) => ({
  name,
  image,
  imageID: '',
  ready: true,
  started: true,
  restartCount: restarts,
  state: { running: { startedAt: created } },
});

export function userMsvc(): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: 'shop',
      name: 'user-msvc',
      uid: 'uid-user-msvc',
      resourceVersion: '100',
      creationTimestamp: created,
      labels: { app: 'user-msvc', tier: 'backend' },
    },
    spec: {
      nodeName: 'node-2',
      containers: [
        {
          name: 'user-msvc',
          image: 'registry.example/user-msvc:1.4.2',
          ports: [{ name: 'https', containerPort: 443 }],
          env: [
            { name: 'DB_HOST', value: '127.0.0.1:3306' },
            { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'user-msvc', key: 'db-password' } } },
          ],
          envFrom: [{ configMapRef: { name: 'user-msvc' } }],
          resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
          volumeMounts: [
            { name: 'logs', mountPath: '/var/log' },
            { name: 'secret', mountPath: '/etc/user-msvc/secret', readOnly: true },
          ],
        },
        {
          name: 'cloudsql-proxy',
          image: 'gcr.io/cloudsql-docker/gce-proxy:1.33',
          ports: [{ name: 'mysql', containerPort: 3306 }],
          resources: { requests: { cpu: '100m', memory: '64Mi' } },
        },
        {
          name: 'datadog-agent',
          image: 'datadog/agent:7',
          resources: { requests: { cpu: '100m', memory: '128Mi' } },
          volumeMounts: [
            { name: 'logs', mountPath: '/var/log/monitor' },
            { name: 'secret', mountPath: '/etc/datadog-agent/secret', readOnly: true },
          ],
        },
      ],
      volumes: [
        { name: 'logs', emptyDir: {} },
        { name: 'secret', secret: { secretName: 'user-msvc' } },
      ],
    },
    status: {
      phase: 'Running',
      podIP: '10.1.2.3',
      qosClass: 'Burstable',
      containerStatuses: [running('user-msvc', 'registry.example/user-msvc:1.4.2'), running('cloudsql-proxy', 'gcr.io/cloudsql-docker/gce-proxy:1.33'), running('datadog-agent', 'datadog/agent:7', 2)],
    },
  };
}

/** Two containers that both declare 8080/TCP. */
export function conflictingPorts(): V1Pod {
  const pod = simplePod('shop', 'clash', { uid: 'uid-clash' });
  pod.spec!.containers = [
    { name: 'web', image: 'nginx', ports: [{ containerPort: 8080 }] },
    { name: 'metrics', image: 'exporter', ports: [{ containerPort: 8080 }] },
  ];
  pod.status!.containerStatuses = [running('web', 'nginx'), running('metrics', 'exporter')];
  return pod;
}

/** An init container, a native sidecar and an app container crash-looping after an OOM kill. */
export function crashingWithSidecar(): V1Pod {
  const pod = simplePod('shop', 'worker-0', { uid: 'uid-worker-0' });
  pod.spec!.initContainers = [
    { name: 'migrate', image: 'migrate:1' },
    { name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always' },
  ];
  pod.spec!.containers = [{ name: 'worker', image: 'worker:2', resources: { limits: { memory: '256Mi' } } }];
  pod.status!.phase = 'Running';
  pod.status!.initContainerStatuses = [
    { name: 'migrate', image: 'migrate:1', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    { name: 'proxy', image: 'envoy:1.30', imageID: '', ready: true, started: true, restartCount: 0, state: { running: { startedAt: new Date(NOW - 3600_000) } } },
  ];
  pod.status!.containerStatuses = [
    {
      name: 'worker',
      image: 'worker:2',
      imageID: '',
      ready: false,
      started: false,
      restartCount: 6,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } },
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: new Date(NOW - 60_000) } },
    },
  ];
  return pod;
}
