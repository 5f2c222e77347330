import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerViews } from '../../src/model/containers.ts';
import { probeLines } from '../../src/model/probes.ts';
import { portMap } from '../../src/model/ports.ts';

test('start order by kind: init and native sidecars as declared, then app, then ephemeral', () => {
  const pod = {
    spec: {
      ephemeralContainers: [{ name: 'debug', image: 'busybox' }],
      containers: [
        { name: 'app', image: 'app:1' },
        { name: 'worker', image: 'w:1' },
      ],
      initContainers: [{ name: 'migrate', image: 'm:1' }, { name: 'proxy', image: 'envoy', restartPolicy: 'Always' }, { name: 'warm' }],
    },
    status: {
      initContainerStatuses: [{ name: 'proxy', started: true, ready: true, restartCount: 2, state: { running: { startedAt: '2026-01-01T00:00:00Z' } } }],
      containerStatuses: [{ name: 'app', ready: false, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } } }],
      ephemeralContainerStatuses: [{ name: 'debug', state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: '2026-01-01T00:01:00Z' } } }],
    },
  };
  const views = containerViews(pod);
  assert.deepEqual(
    views.map((c) => `${c.order}:${c.kind}:${c.name}`),
    ['0:init:migrate', '1:sidecar:proxy', '2:init:warm', '3:app:app', '4:app:worker', '5:ephemeral:debug'],
  );
  assert.deepEqual(views[1]!.state, { state: 'running', since: '2026-01-01T00:00:00Z' });
  assert.equal(views[1]!.started, true);
  assert.equal(views[1]!.restarts, 2);
  assert.deepEqual(views[3]!.state, { state: 'waiting', reason: 'CrashLoopBackOff', message: 'back-off 5m0s' });
  assert.deepEqual(views[5]!.state, { state: 'terminated', exitCode: 0, reason: 'Completed', since: '2026-01-01T00:01:00Z' });
  assert.deepEqual(views[4]!.state, { state: 'unknown' }, 'no status yet');
});

test('probes in a short form', () => {
  const lines = probeLines({
    startupProbe: { exec: { command: ['cat', '/tmp/ok'] } },
    livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5, initialDelaySeconds: 3, failureThreshold: 6 },
    readinessProbe: { tcpSocket: { port: 3306 } },
  });
  assert.deepEqual(lines, ['startup exec cat /tmp/ok', 'liveness http GET :8080/healthz every 5s after 3s fails after 6', 'readiness tcp :3306']);
  assert.deepEqual(probeLines({ readinessProbe: { grpc: { port: 9000, service: 'health' } } }), ['readiness grpc :9000 health']);
  assert.deepEqual(probeLines({ livenessProbe: { httpGet: { port: 'http' } } }), ['liveness http GET :http/']);
  assert.deepEqual(probeLines({ livenessProbe: 'nonsense', readinessProbe: {} }), ['readiness unknown']);
});

test('env shows literal values and names every valueFrom source', () => {
  const [c] = containerViews({
    spec: {
      containers: [
        {
          name: 'a',
          env: [
            { name: 'PLAIN', value: 'x' },
            { name: 'EMPTY' },
            { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'token', optional: true } } },
            { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cm', key: 'mode' } } },
            { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
          ],
          envFrom: [{ secretRef: { name: 's' }, prefix: 'S_' }, { configMapRef: { name: 'cm', optional: true } }, { bogus: {} }],
        },
      ],
    },
  });
  assert.deepEqual(
    c!.env.map((e) => `${e.name}=${e.value}`),
    ['PLAIN=x', 'EMPTY=', 'TOKEN=secret s/token', 'MODE=configMap cm/mode', 'IP=field status.podIP', 'CPU=resource limits.cpu'],
  );
  assert.deepEqual(c!.env[2]!.source, { kind: 'secret', name: 's', key: 'token', optional: true });
  assert.deepEqual(c!.envFrom, [
    { kind: 'secret', name: 's', prefix: 'S_' },
    { kind: 'configMap', name: 'cm', optional: true },
  ]);
});

test('ports default to TCP and keep hostPort; usage is attached by container name', () => {
  const [c] = containerViews(
    { spec: { containers: [{ name: 'a', ports: [{ containerPort: 53, protocol: 'UDP', hostPort: 53 }, { containerPort: 80 }, { containerPort: 'x' }] }] } },
    new Map([['a', { cpuCores: 0.1, memoryBytes: 1024 }]]),
  );
  assert.deepEqual(c!.ports, [
    { containerPort: 53, protocol: 'UDP', hostPort: 53 },
    { containerPort: 80, protocol: 'TCP' },
  ]);
  assert.deepEqual(c!.usage, { cpuCores: 0.1, memoryBytes: 1024 });
  assert.deepEqual(portMap([c!]), [
    { port: 53, protocol: 'UDP', containers: ['a'], names: [], conflict: false, hostPorts: [53] },
    { port: 80, protocol: 'TCP', containers: ['a'], names: [], conflict: false },
  ]);
});

test('strings from the cluster are sanitized', () => {
  const [c] = containerViews({
    spec: { containers: [{ name: 'a\u001b[2J', image: 'img\u001b]0;title\u0007' }] },
    status: { containerStatuses: [{ name: 'a\u001b[2J', state: { waiting: { reason: 'X', message: 'm\u001b[31mred' } } }] },
  });
  assert.equal(c!.name, 'a\ufffd');
  assert.equal(c!.image, 'img\ufffd');
  assert.equal(c!.state.message, 'mred', 'colour alone is removed quietly');
});
