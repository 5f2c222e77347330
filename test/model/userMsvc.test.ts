// The seed article's user-msvc Pod as the reference case for the whole host view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPodHost } from '../../src/model/memo.ts';
import { NOW, userMsvcPod } from './fixtures/userMsvc.ts';

const host = () => toPodHost(userMsvcPod(), { now: NOW });

test('header columns', () => {
  const h = host();
  assert.equal(h.name, 'user-msvc');
  assert.equal(h.namespace, 'default');
  assert.equal(h.status, 'Running');
  assert.equal(h.ready, '3/3');
  assert.equal(h.restarts, 1);
  assert.equal(h.lastRestartAgeSeconds, 1802);
  assert.equal(h.ageSeconds, 3 * 3600);
  assert.equal(h.node, 'node-a');
  assert.equal(h.resources.qos, 'Burstable');
  assert.equal(h.resources.qosSource, 'status');
  assert.deepEqual(h.owners, [{ kind: 'ReplicaSet', name: 'user-msvc-7d9f8', resolved: false }]);
});

test('the shared emptyDir and the read-only Secret volume', () => {
  const [logs, secret] = host().volumes;
  assert.equal(logs!.name, 'logs');
  assert.deepEqual(logs!.source, { kind: 'emptyDir' });
  assert.equal(logs!.summary, 'emptyDir');
  assert.equal(logs!.shared, true);
  assert.deepEqual(logs!.mounts, [
    { container: 'user-msvc', mountPath: '/var/log', readOnly: false },
    { container: 'datadog-agent', mountPath: '/var/log/monitor', readOnly: false },
  ]);
  assert.equal(secret!.source.kind, 'secret');
  assert.equal(secret!.source.secretName, 'user-msvc');
  assert.equal(secret!.source.defaultMode, 0o400);
  assert.equal(secret!.summary, 'secret user-msvc mode 0400');
  assert.equal(secret!.shared, true);
  assert.deepEqual(
    secret!.mounts.map((m) => `${m.container} ${m.mountPath} ${m.readOnly ? 'ro' : 'rw'}`),
    ['user-msvc /etc/user-msvc/secret ro', 'datadog-agent /etc/datadog-agent/secret ro'],
  );
});

test('its two ports, no conflict', () => {
  assert.deepEqual(host().ports, [
    { port: 443, protocol: 'TCP', containers: ['user-msvc'], names: ['https'], conflict: false },
    { port: 3306, protocol: 'TCP', containers: ['cloudsql-proxy'], names: ['mysql'], conflict: false },
  ]);
});

test('ConfigMap env and secret refs that are never resolved', () => {
  const app = host().containers[0];
  assert.deepEqual(
    app!.env.map((e) => `${e.name}=${e.value}`),
    ['DB_HOST=127.0.0.1', 'DB_PORT=3306', 'LOG_LEVEL=configMap user-msvc/log-level', 'DB_PASSWORD=secret user-msvc/db-password'],
  );
  assert.deepEqual(app!.env[3]!.source, { kind: 'secret', name: 'user-msvc', key: 'db-password' });
  assert.deepEqual(app!.envFrom, [{ kind: 'configMap', name: 'user-msvc' }]);
});

test('containers in start order with state, restarts and last termination', () => {
  const c = host().containers;
  assert.deepEqual(
    c.map((x) => `${x.order} ${x.kind} ${x.name} ${x.state.state} ${x.ready} ${x.restarts}`),
    ['0 app user-msvc running true 0', '1 app cloudsql-proxy running true 1', '2 app datadog-agent running true 0'],
  );
  assert.deepEqual(c[1]!.lastTermination, { reason: 'OOMKilled', exitCode: 137, finishedAt: '2026-11-25T11:29:58Z' });
  assert.deepEqual(c[0]!.probes, ['readiness https GET :443/healthz every 10s']);
  assert.deepEqual(c[1]!.probes, ['readiness tcp :3306']);
  assert.equal(c[0]!.requests.cpu, '250m');
  assert.equal(c[0]!.requests.cpuCores, 0.25);
  assert.equal(c[0]!.limits.memoryBytes, 512 * 2 ** 20);
});

test('pod totals and the diagnosis of the reference Pod', () => {
  const h = host();
  assert.equal(h.resources.requests.cpu, '400m');
  assert.equal(h.resources.requests.memory, '448Mi');
  assert.deepEqual(
    h.diagnosis.map((d) => d.code),
    ['OOMKilled'],
  );
  assert.match(h.diagnosis[0]!.message, /cloudsql-proxy was OOMKilled \(1 restarts\): no memory limit/);
});

test('a Pod deserialized by client-node (timestamps as Date objects) reads the same', () => {
  const pod = userMsvcPod();
  pod.metadata.creationTimestamp = new Date(pod.metadata.creationTimestamp);
  for (const cs of pod.status.containerStatuses) {
    cs.state.running.startedAt = new Date(cs.state.running.startedAt);
    if (cs.lastState) cs.lastState.terminated.finishedAt = new Date(cs.lastState.terminated.finishedAt);
  }
  pod.metadata.resourceVersion = 'dates';
  const h = toPodHost(pod, { now: NOW });
  assert.equal(h.ageSeconds, 3 * 3600);
  assert.equal(h.lastRestartAgeSeconds, 1802);
  assert.equal(h.containers[1]!.lastTermination?.finishedAt, '2026-11-25T11:29:58Z');
  assert.equal(h.containers[0]!.state.since, '2026-11-25T09:00:10Z');
});
