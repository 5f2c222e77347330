import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPodHost } from '../../src/model/podHost.ts';
import type { EventLike } from '../../src/model/types.ts';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const running = { running: { startedAt: '2026-01-01T00:00:00Z' } };

function diagnose(pod: Record<string, unknown>, events?: EventLike[], usage?: Record<string, { memoryBytes?: number }>) {
  return buildPodHost(pod, { now: NOW, events, usage }).diagnosis;
}

test('OOMKilled names the limit and the last usage', () => {
  const d = diagnose(
    {
      spec: { containers: [{ name: 'app', resources: { limits: { memory: '256Mi' } } }] },
      status: { containerStatuses: [{ name: 'app', restartCount: 4, state: running, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }] },
    },
    undefined,
    { app: { memoryBytes: 250 * 2 ** 20 } },
  );
  assert.deepEqual(d, [
    {
      severity: 'error',
      code: 'OOMKilled',
      container: 'app',
      message: 'app was OOMKilled (4 restarts): memory limit 256Mi, last usage 250Mi, exit code 137',
      evidence: 'memory limit 256Mi, last usage 250Mi, exit code 137',
    },
  ]);
});

test('near the memory limit is a warning', () => {
  const d = diagnose(
    { spec: { containers: [{ name: 'app', resources: { limits: { memory: '100Mi' } } }] }, status: { containerStatuses: [{ name: 'app', ready: true, state: running }] } },
    undefined,
    { app: { memoryBytes: 95 * 2 ** 20 } },
  );
  assert.deepEqual(
    d.map((x) => `${x.severity} ${x.code}`),
    ['warning NearMemoryLimit'],
  );
  assert.match(d[0]!.message, /95Mi of its 100Mi memory limit \(95%\)/);
});

test('CrashLoopBackOff with restart count and last exit', () => {
  const d = diagnose({
    spec: { containers: [{ name: 'app' }] },
    status: { containerStatuses: [{ name: 'app', restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error' } } }] },
  });
  assert.deepEqual(d, [{ severity: 'error', code: 'CrashLoopBackOff', container: 'app', message: 'app is crash-looping: 7 restarts, last exit code 1', evidence: '7 restarts, last exit code 1' }]);
});

test('image pull errors name the image', () => {
  for (const reason of ['ErrImagePull', 'ImagePullBackOff']) {
    const d = diagnose({
      spec: { containers: [{ name: 'app', image: 'registry.local/app:nope' }] },
      status: { containerStatuses: [{ name: 'app', state: { waiting: { reason, message: 'manifest unknown' } } }] },
    });
    assert.deepEqual(d, [{ severity: 'error', code: reason, container: 'app', message: 'app cannot pull image registry.local/app:nope: manifest unknown', evidence: 'manifest unknown' }]);
  }
});

test('CreateContainerConfigError carries the missing key', () => {
  const d = diagnose({
    spec: { containers: [{ name: 'app' }] },
    status: { containerStatuses: [{ name: 'app', state: { waiting: { reason: 'CreateContainerConfigError', message: "couldn't find key db-url in ConfigMap default/app" } } }] },
  });
  assert.equal(d[0]!.code, 'CreateContainerConfigError');
  assert.match(d[0]!.message, /couldn't find key db-url in ConfigMap default\/app/);
});

test('a port declared twice is a conflict', () => {
  const d = diagnose({
    spec: {
      containers: [
        { name: 'app', ports: [{ containerPort: 8080 }] },
        { name: 'envoy', ports: [{ containerPort: 8080, protocol: 'TCP' }] },
      ],
    },
  });
  assert.deepEqual(d, [{ severity: 'error', code: 'PortConflict', message: 'port 8080/TCP is declared by app and envoy; only one can bind it' }]);
});

test('a native sidecar that is not ready while app containers wait', () => {
  const d = diagnose({
    spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'app' }] },
    status: {
      initContainerStatuses: [{ name: 'proxy', started: false, ready: false, state: running }],
      containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }],
    },
  });
  assert.deepEqual(d, [{ severity: 'warning', code: 'SidecarNotReady', container: 'proxy', message: 'native sidecar proxy is not started (running); app containers wait for it' }]);
  const appStarted = diagnose({
    spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'app' }] },
    status: {
      initContainerStatuses: [{ name: 'proxy', started: true, ready: false, state: running }],
      containerStatuses: [{ name: 'app', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
    },
  });
  assert.deepEqual(
    appStarted.map((x) => x.code),
    ['CrashLoopBackOff'],
    'a crash-looping app is not waiting for the sidecar',
  );
});

test('readiness failing, from events or from the container state', () => {
  const pod = {
    spec: { containers: [{ name: 'app', readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }] },
    status: { containerStatuses: [{ name: 'app', ready: false, state: running }] },
  };
  const events = [{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 12 }];
  assert.deepEqual(
    diagnose(pod, events).map((x) => [x.severity, x.code, x.container, x.message]),
    [['warning', 'ReadinessProbeFailing', 'app', 'app is running but not ready: Readiness probe failed: HTTP probe failed with statuscode: 503 (12x)']],
  );
  assert.equal(diagnose(pod)[0]!.message, 'app is running but not ready: readiness http GET :8080/ready');
});

test('terminating for how long, and evicted with its message', () => {
  const d = diagnose({
    metadata: { deletionTimestamp: '2026-01-01T00:55:30Z', deletionGracePeriodSeconds: 30, finalizers: ['example.com/hold'] },
    spec: { containers: [{ name: 'app' }] },
    status: { phase: 'Running' },
  });
  assert.deepEqual(d, [{ severity: 'warning', code: 'Terminating', message: 'Pod is terminating for 5m (grace period 30s); finalizers: example.com/hold' }]);
  const e = diagnose({ spec: { containers: [{ name: 'app' }] }, status: { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' } });
  assert.deepEqual(e, [{ severity: 'error', code: 'Evicted', message: 'Pod was evicted: The node was low on resource: memory.', evidence: 'The node was low on resource: memory.' }]);
});

test('volumes: shared but read-only everywhere, an unused volume; an emptyDir only one container mounts is no finding', () => {
  const d = diagnose({
    spec: {
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'scratch', emptyDir: {} },
        { name: 'conf', configMap: { name: 'c' } },
        { name: 'unused', emptyDir: {} },
      ],
      containers: [
        {
          name: 'a',
          volumeMounts: [
            { name: 'data', mountPath: '/d', readOnly: true },
            { name: 'scratch', mountPath: '/s' },
            { name: 'conf', mountPath: '/c', readOnly: true },
          ],
        },
        {
          name: 'b',
          volumeMounts: [
            { name: 'data', mountPath: '/d', readOnly: true },
            { name: 'conf', mountPath: '/c', readOnly: true },
          ],
        },
      ],
    },
  });
  assert.deepEqual(
    d.map((x) => `${x.severity} ${x.code}`),
    ['warning SharedVolumeReadOnly', 'info VolumeUnused'],
  );
  assert.match(d[0]!.message, /volume data \(emptyDir\) is shared by a, b but mounted read-only everywhere/);
});

test('a healthy Pod has nothing to say; errors come before warnings before info', () => {
  assert.deepEqual(diagnose({ spec: { containers: [{ name: 'a' }] }, status: { containerStatuses: [{ name: 'a', ready: true, state: running }] } }), []);
  const d = diagnose({
    spec: {
      volumes: [{ name: 'v', emptyDir: {} }],
      containers: [
        { name: 'a', ports: [{ containerPort: 80 }], volumeMounts: [{ name: 'v', mountPath: '/v' }] },
        { name: 'b', ports: [{ containerPort: 80 }] },
      ],
    },
    status: { containerStatuses: [{ name: 'a', ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
  });
  assert.deepEqual(
    d.map((x) => `${x.severity} ${x.code}`),
    ['error CrashLoopBackOff', 'error PortConflict'],
  );
});
