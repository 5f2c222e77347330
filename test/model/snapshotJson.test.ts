import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPodHost } from '../../src/model/podHost.ts';
import { toSnapshotJson } from '../../src/model/snapshotJson.ts';
import { NOW, userMsvcPod } from './fixtures/userMsvc.ts';

test('the documented -o json contract for the reference Pod', () => {
  const json = JSON.parse(JSON.stringify(toSnapshotJson([buildPodHost(userMsvcPod(), { now: NOW })])));
  assert.equal(json.apiVersion, 'podview/v1');
  const [pod] = json.pods;
  assert.equal(pod.namespace, 'default');
  assert.equal(pod.name, 'user-msvc');
  assert.equal(pod.status, 'Running');
  assert.equal(pod.qos, 'Burstable');
  const app = pod.containers[0];
  for (const key of ['name', 'kind', 'image', 'state', 'ready', 'restarts', 'ports', 'requests', 'limits']) assert.ok(key in app, key);
  assert.equal(app.kind, 'app');
  assert.equal(app.state, 'running');
  assert.deepEqual(app.ports, [{ containerPort: 443, protocol: 'TCP', name: 'https', hostPort: null }]);
  assert.deepEqual(app.requests, { cpu: '250m', memory: '256Mi', cpuCores: 0.25, memoryBytes: 268435456 });
  assert.deepEqual(pod.containers[1].limits, { cpu: null, memory: null, cpuCores: null, memoryBytes: null });
  assert.deepEqual(pod.volumes[0].source, { kind: 'emptyDir' });
  assert.deepEqual(pod.volumes[0].mounts[0], { container: 'user-msvc', mountPath: '/var/log', readOnly: false, subPath: null });
  assert.deepEqual(pod.volumes[1].source, { kind: 'secret', secretName: 'user-msvc', items: [], defaultMode: 256 });
  assert.deepEqual(
    pod.ports.map((p: { port: number; protocol: string; containers: string[]; conflict: boolean }) => [p.port, p.protocol, p.containers, p.conflict]),
    [
      [443, 'TCP', ['user-msvc'], false],
      [3306, 'TCP', ['cloudsql-proxy'], false],
    ],
  );
  assert.deepEqual(Object.keys(pod.diagnosis[0]).sort(), ['code', 'container', 'evidence', 'message', 'severity']);
  assert.equal(pod.diagnosis[0].message, `cloudsql-proxy was OOMKilled (1 restarts): ${pod.diagnosis[0].evidence}`, 'evidence is the message after its summary');
});

test('no secret value can reach the json: secret env is a reference', () => {
  const text = JSON.stringify(toSnapshotJson([buildPodHost(userMsvcPod(), { now: NOW })]));
  assert.match(text, /"value":"secret user-msvc\/db-password"/);
  assert.deepEqual(toSnapshotJson(undefined as never), { apiVersion: 'podview/v1', pods: [] });
});
