import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPodHost } from '../../src/model/podHost.ts';
import { renderSnapshotText } from '../../src/ui/snapshot/text.ts';
import { displayWidth } from '../../src/text/width.ts';
import { visibleWidth } from '../../src/ui/snapshot/ansi.ts';
import { NOW, userMsvcPod } from '../model/fixtures/userMsvc.ts';

const events = [{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP 503', count: 4, lastTimestamp: '2026-11-25T11:58:00Z' }];

test('a readable report of the reference Pod', () => {
  const text = renderSnapshotText([buildPodHost(userMsvcPod(), { now: NOW, events })], { color: false, width: 200 });
  const lines = text.split('\n');
  assert.equal(lines[0], 'default/user-msvc  Running  ready 3/3  restarts 1 (30m ago)  age 3h  node node-a  qos Burstable  ip 10.8.0.14');
  assert.ok(lines.includes('Containers (start order)'));
  assert.match(text, /2 {2}app {3}cloudsql-proxy {2}running {2}yes {4}1 +OOMKilled exit 137/);
  assert.match(text, /logs {4}emptyDir +\/var\/log rw +- +\/var\/log\/monitor rw +shared/);
  assert.match(text, /secret +secret user-msvc mode 0400 +\/etc\/user-msvc\/secret ro +- +\/etc\/datadog-agent\/secret ro +shared/);
  assert.match(text, /443 +TCP +user-msvc +https/);
  assert.match(text, /3306 +TCP +cloudsql-proxy +mysql/);
  assert.match(text, /\(pod\) +400m +1 +- +448Mi +768Mi/);
  assert.match(text, /user-msvc: DB_PASSWORD <- secret user-msvc\/db-password/);
  assert.match(text, /Owners: ReplicaSet\/user-msvc-7d9f8 \(unresolved\)/);
  assert.match(text, /ERROR {3}OOMKilled: cloudsql-proxy was OOMKilled/);
  assert.match(text, /2m +Warning +Unhealthy +4 +Readiness probe failed: HTTP 503/);
  assert.ok(!text.includes('\u001b'), 'no escape codes without colour');
  assert.ok(text.endsWith('\n'));
});

test('lines fit the width; colour only when asked; hostile strings are neutralised', () => {
  const pod = userMsvcPod();
  pod.status.containerStatuses[0].state = { waiting: { reason: 'Err\u001b]0;pwned\u0007Pull', message: '\u001b[2Jboom' } };
  const host = buildPodHost(pod, { now: NOW });
  const plain = renderSnapshotText([host], { color: false, width: 60 });
  for (const line of plain.split('\n')) assert.ok(displayWidth(line) <= 60, line);
  assert.ok(!/\u001b|\u0007/.test(plain));
  const colored = renderSnapshotText([host], { color: true, width: 60 });
  for (const line of colored.split('\n')) assert.ok(visibleWidth(line) <= 60, line);
  assert.ok(!/\u001b(?!\[[0-9;]*m)/.test(colored), 'only colour sequences');
  assert.match(colored, /\u001b\[1mdefault\/user-msvc\u001b\[0m/);
  assert.ok(!colored.includes('pwned'));
});

test('a port conflict and a deleted Pod stand out', () => {
  const pod = userMsvcPod();
  pod.spec.containers[2].ports = [{ containerPort: 443 }];
  // Not ready: had both run ready, they would bind different addresses and the model calls it a note.
  pod.status.containerStatuses[2].ready = false;
  const text = renderSnapshotText([buildPodHost(pod, { now: NOW, deleted: true })], { color: false, width: 200 });
  assert.match(text.split('\n')[0]!, /DELETED \(last known state\)$/);
  assert.match(text, /443 +TCP +user-msvc,datadog-agent +https +CONFLICT/);
  assert.match(text, /ERROR {3}PortConflict: port 443\/TCP is declared by user-msvc and datadog-agent/);
  assert.equal(renderSnapshotText([], { color: false, width: 80 }), 'No pods.\n');
});

test('usage shows its share of the limit or request', () => {
  const usage = { 'user-msvc': { cpuCores: 0.5, memoryBytes: 500 * 2 ** 20 }, 'cloudsql-proxy': { cpuCores: 0.05 } };
  const text = renderSnapshotText([buildPodHost(userMsvcPod(), { now: NOW, usage })], { color: false, width: 200 });
  assert.match(text, /user-msvc +250m +1 +500m \(50% of limit\) +256Mi +512Mi +500Mi \(98% of limit\)/);
  assert.match(text, /cloudsql-proxy +100m +- +50m \(50% of request\)/);
});

test('whole (not on a TTY): every fact in full, however long; a matrix wider than the width turns per container', () => {
  const pod = userMsvcPod();
  const image = `registry.example.com/${'very-long-team-name/'.repeat(4)}cloudsql-proxy:2.1.0-alpine-with-a-long-tag`;
  pod.spec.containers[1].image = image;
  const message = `Readiness probe failed: ${'a long explanation from the kubelet, '.repeat(8)}end`;
  const text = renderSnapshotText([buildPodHost(pod, { now: NOW, events: [{ ...events[0], message }] })], { color: false, width: 80, whole: true });
  assert.ok(text.includes(image), 'the image whole');
  assert.ok(text.includes(message), 'the event message whole');
  assert.ok(!text.includes('…'), 'nothing cut');
  // Three containers side by side do not fit 80 columns: one block per container instead, none dropped.
  assert.ok(!text.includes('Volumes (volume x container -> path)'));
  const volumes = text.slice(text.indexOf('Volumes'), text.indexOf('Ports'));
  for (const c of ['user-msvc', 'cloudsql-proxy', 'datadog-agent']) assert.match(volumes, new RegExp(`^  ${c}$`, 'm'), c);
  assert.match(volumes, /^ {4}logs +emptyDir +\/var\/log\/monitor rw +shared$/m);
  // The same Pod at 200 columns keeps the matrix.
  assert.match(renderSnapshotText([buildPodHost(pod, { now: NOW })], { color: false, width: 200, whole: true }), /Volumes \(volume x container -> path\)/);
});

test('on a terminal the width is honoured and the matrix still never drops a container', () => {
  const text = renderSnapshotText([buildPodHost(userMsvcPod(), { now: NOW })], { color: false, width: 70 });
  for (const line of text.split('\n')) assert.ok(displayWidth(line) <= 70, line);
  const volumes = text.slice(text.indexOf('Volumes'), text.indexOf('Ports'));
  for (const c of ['user-msvc', 'cloudsql-proxy', 'datadog-agent']) assert.match(volumes, new RegExp(`^  ${c}$`, 'm'), c);
});
