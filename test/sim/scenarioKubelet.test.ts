import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { addEphemeralContainer, crashLoop, ephemeralRunning, markTerminating, oomKill, randomStatusChange, restartContainer, setReady } from '../../src/sim/scenario/kubelet.ts';
import { mulberry32 } from '../../src/sim/scenario/rng.ts';

const NOW = Date.UTC(2025, 4, 1, 12, 0, 0);
const userMsvc = (): V1Pod => demoScenario(NOW).objects.pods.find((p) => p.metadata!.labels?.app === 'user-msvc')!;
const status = (pod: V1Pod, name: string) => pod.status!.containerStatuses!.find((s) => s.name === name)!;
const condition = (pod: V1Pod, type: string) => pod.status!.conditions!.find((c) => c.type === type)!.status;

test('restartContainer increments restartCount, fills lastState and never mutates its input', () => {
  const pod = userMsvc();
  const before = structuredClone(pod);
  const next = restartContainer(pod, 'cloudsql-proxy', { reason: 'Error', exitCode: 2, nowMs: NOW + 60_000 });
  assert.deepEqual(pod, before);
  const s = status(next, 'cloudsql-proxy');
  assert.equal(s.restartCount, 1);
  assert.equal(s.lastState!.terminated!.exitCode, 2);
  assert.equal(s.lastState!.terminated!.reason, 'Error');
  assert.equal(String(s.lastState!.terminated!.finishedAt), '2025-05-01T12:01:00Z');
  assert.equal(String(s.state!.running!.startedAt), '2025-05-01T12:01:00Z');
  assert.notEqual(s.containerID, status(pod, 'cloudsql-proxy').containerID);
  assert.equal(s.ready, true, 'a container without a readiness probe is ready as soon as it runs');
  const probed = restartContainer(pod, 'user-msvc', { reason: 'Error', exitCode: 2, nowMs: NOW + 60_000 });
  assert.equal(status(probed, 'user-msvc').ready, false);
  assert.equal(condition(probed, 'Ready'), 'False', 'a fresh instance is not ready until its probe passes');
  assert.equal(condition(setReady(probed, 'user-msvc', true, NOW + 70_000), 'Ready'), 'True');
});

test('crashLoop and oomKill set the states a kubelet reports', () => {
  const pod = userMsvc();
  const crashed = crashLoop(pod, 'datadog-agent', { exitCode: 1, nowMs: NOW });
  assert.equal(status(crashed, 'datadog-agent').state!.waiting!.reason, 'CrashLoopBackOff');
  assert.equal(crashed.status!.phase, 'Running');
  assert.equal(condition(crashed, 'ContainersReady'), 'False');
  assert.match(crashed.status!.conditions!.find((c) => c.type === 'Ready')!.message!, /\[datadog-agent\]/);
  const oom = oomKill(pod, 'user-msvc', NOW);
  assert.deepEqual([status(oom, 'user-msvc').lastState!.terminated!.reason, status(oom, 'user-msvc').lastState!.terminated!.exitCode], ['OOMKilled', 137]);
});

test('terminating and ephemeral containers', () => {
  const pod = userMsvc();
  const gone = markTerminating(pod, NOW);
  assert.equal(String(gone.metadata!.deletionTimestamp), '2025-05-01T12:00:30Z');
  assert.equal(pod.metadata!.deletionTimestamp, undefined);
  const debug = addEphemeralContainer(pod, { name: 'debugger-x7', image: 'busybox:1.36', targetContainerName: 'user-msvc' }, NOW);
  assert.equal(debug.spec!.ephemeralContainers!.length, 1);
  assert.equal(debug.status!.ephemeralContainerStatuses![0]!.state!.waiting!.reason, 'ContainerCreating');
  assert.equal(condition(debug, 'Ready'), 'True', 'ephemeral containers do not affect readiness');
  const up = ephemeralRunning(debug, 'debugger-x7', NOW + 2000);
  assert.ok(up.status!.ephemeralContainerStatuses![0]!.state!.running);
  assert.equal(pod.spec!.ephemeralContainers, undefined);
});

test('randomStatusChange is seeded and keeps Ready consistent with container readiness', () => {
  const pods = demoScenario(NOW).objects.pods;
  const run = () => {
    const rng = mulberry32(7);
    return pods.map((p, i) => randomStatusChange(p, rng, NOW + i * 1000));
  };
  const a = run();
  assert.deepEqual(a, run());
  for (const p of a) {
    if (p.status!.phase !== 'Running') continue;
    const allReady = [
      ...p.status!.containerStatuses!,
      ...(p.status!.initContainerStatuses ?? []).filter((s) => p.spec!.initContainers!.find((c) => c.name === s.name)?.restartPolicy === 'Always'),
    ].every((s) => s.ready);
    assert.equal(condition(p, 'Ready'), allReady ? 'True' : 'False', p.metadata!.name!);
  }
});
