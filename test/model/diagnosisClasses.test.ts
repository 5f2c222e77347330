// One test per finding class of the diagnosis: the cause named, with its evidence, on one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonPod } from './jsonPod.ts';
import { buildPodHost } from '../../src/model/podHost.ts';
import type { EventLike } from '../../src/model/types.ts';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString().replace(/\.000Z$/, 'Z');
const running = { running: { startedAt: minutesAgo(60) } };

function findings(pod: Record<string, unknown>, events?: EventLike[]) {
  return buildPodHost(pod, { now: NOW, events }).diagnosis;
}
const codes = (pod: Record<string, unknown>, events?: EventLike[]) => findings(pod, events).map((d) => d.code);

test('Unschedulable quotes the scheduler; scheduling gates are a warning', () => {
  const message = '0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
  const d = findings({
    spec: { containers: [{ name: 'app' }] },
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: minutesAgo(12) }] },
  });
  assert.deepEqual(d, [{ severity: 'error', code: 'Unschedulable', message: `Pod cannot be scheduled (since 12m ago): ${message}`, evidence: message }]);
  const gated = findings({
    spec: { schedulingGates: [{ name: 'example.com/quota' }], containers: [{ name: 'app' }] },
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }] },
  });
  assert.deepEqual(
    gated.map((x) => [x.severity, x.code]),
    [['warning', 'SchedulingGated']],
  );
});

test('a container that failed for good says why: exit code, reason, termination message on one line', () => {
  const terminated = { terminated: { exitCode: 3, reason: 'Error', message: 'migration 42 failed:\n  duplicate key', finishedAt: minutesAgo(2) } };
  const never = findings({ spec: { restartPolicy: 'Never', containers: [{ name: 'job' }] }, status: { phase: 'Failed', containerStatuses: [{ name: 'job', state: terminated }] } });
  assert.deepEqual(
    never.map((x) => [x.severity, x.code, x.container]),
    [['error', 'ContainerFailed', 'job']],
  );
  assert.equal(never[0]!.message, 'job failed for good (restartPolicy Never, Pod Failed): exit code 3; message: migration 42 failed: duplicate key, 2m ago');
  const onFailure = codes({ spec: { restartPolicy: 'OnFailure', containers: [{ name: 'job' }] }, status: { phase: 'Failed', containerStatuses: [{ name: 'job', state: terminated }] } });
  assert.deepEqual(onFailure, ['ContainerFailed']);
  // Under Always the kubelet starts it again: not "for good".
  const always = findings({ spec: { containers: [{ name: 'app' }] }, status: { phase: 'Running', containerStatuses: [{ name: 'app', restartCount: 2, state: terminated }] } });
  assert.deepEqual(
    always.map((x) => x.code),
    ['ContainerExited'],
  );
  assert.match(always[0]!.message, /app exited and is being restarted \(2 restarts\): exit code 3/);
});

test('exit codes that mean something', () => {
  const last = (exitCode: number, reason: string, spec: Record<string, unknown> = {}) =>
    findings({
      spec: { containers: [{ name: 'app', ...spec }] },
      status: { containerStatuses: [{ name: 'app', restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode, reason, finishedAt: minutesAgo(1) } } }] },
    })[0]!.message;
  const liveness = { livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10, failureThreshold: 3 } };
  assert.equal(
    last(137, 'Error', liveness),
    'app is crash-looping: 5 restarts, last exit code 137: SIGKILL, not an OOM kill: the kubelet killed it, most likely for its failing liveness probe http GET :8080/healthz every 10s fails after 3, 60s ago',
  );
  assert.match(last(137, 'Error'), /exit code 137: SIGKILL, not an OOM kill: the kubelet killed it when its grace period ran out \(it has no liveness probe\)/);
  assert.match(last(143, 'Error'), /exit code 143: SIGTERM: it was asked to stop, 60s ago$/);
  assert.match(last(126, 'ContainerCannotRun'), /exit code 126 \(ContainerCannotRun\): the command is not executable/);
  assert.match(last(127, 'Error'), /exit code 127: command not found/);
  assert.match(last(255, 'Error'), /last exit code 255, 60s ago$/);
  assert.match(last(2, 'Error'), /last exit code 2, 60s ago$/);
});

test('OOMKilled keeps its usage against the limit', () => {
  const d = buildPodHost(
    jsonPod({
      spec: { containers: [{ name: 'app', resources: { limits: { memory: '128Mi' } } }] },
      status: { containerStatuses: [{ name: 'app', restartCount: 1, ready: true, state: running, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137, finishedAt: minutesAgo(3) } } }] },
    }),
    { now: NOW, usage: { app: { memoryBytes: 120 * 2 ** 20 } } },
  ).diagnosis;
  assert.deepEqual(
    d.map((x) => x.message),
    ['app was OOMKilled (1 restarts): memory limit 128Mi, last usage 120Mi, exit code 137, 3m ago'],
  );
});

test('a long-running container that exits 0: restarted again and again, or finished beside running ones', () => {
  const completed = { terminated: { exitCode: 0, reason: 'Completed', finishedAt: minutesAgo(1) } };
  const loop = findings({
    spec: { containers: [{ name: 'app' }] },
    status: { containerStatuses: [{ name: 'app', restartCount: 6, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: completed }] },
  });
  assert.match(loop[0]!.message, /last exit code 0, 60s ago: it ends by itself and restartPolicy Always starts it again$/);
  const beside = buildPodHost(
    jsonPod({
      spec: { containers: [{ name: 'app' }, { name: 'worker' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          { name: 'app', ready: true, state: running },
          { name: 'worker', restartCount: 1, state: completed },
        ],
      },
    }),
    { now: NOW },
  );
  assert.equal(beside.status, 'NotReady');
  assert.deepEqual(
    beside.diagnosis.map((x) => [x.severity, x.code, x.container]),
    [['warning', 'CompletedRestarting', 'worker']],
  );
  // A debug container that its user left is done too, whatever code the shell returned.
  const debugged = {
    spec: { containers: [{ name: 'app' }], ephemeralContainers: [{ name: 'debugger' }] },
    status: { containerStatuses: [{ name: 'app', ready: true, state: running }], ephemeralContainerStatuses: [{ name: 'debugger', state: { terminated: { exitCode: 130, reason: 'Error' } } }] },
  };
  assert.deepEqual(codes(debugged), []);
  // A Job's container that completes is done, not a finding.
  assert.deepEqual(codes({ spec: { restartPolicy: 'Never', containers: [{ name: 'job' }] }, status: { phase: 'Succeeded', containerStatuses: [{ name: 'job', state: completed }] } }), []);
});

test('stuck initialization names the init container that holds the Pod, once past a normal start', () => {
  const pod = (startedMinutesAgo: number, waiting?: string) => ({
    spec: { initContainers: [{ name: 'migrate' }, { name: 'wait-for-db' }], containers: [{ name: 'app' }] },
    status: {
      phase: 'Pending',
      startTime: minutesAgo(startedMinutesAgo + 1),
      conditions: [
        { type: 'Initialized', status: 'False' },
        { type: 'PodScheduled', status: 'True' },
      ],
      initContainerStatuses: [
        { name: 'migrate', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        { name: 'wait-for-db', state: waiting ? { waiting: { reason: waiting } } : { running: { startedAt: minutesAgo(startedMinutesAgo) } } },
      ],
      containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }],
    },
  });
  const stuck = findings(pod(12));
  assert.deepEqual(
    stuck.map((x) => [x.severity, x.code, x.container]),
    [['warning', 'InitStuck', 'wait-for-db']],
  );
  assert.match(stuck[0]!.message, /^Pod has been initializing for 12m, longer than a normal start: init container wait-for-db \(2 of 2\) has been running since /);
  assert.deepEqual(codes(pod(2)), [], 'two minutes is a normal start');
  assert.deepEqual(codes(pod(12, 'ImagePullBackOff')), ['ImagePullBackOff'], 'a holder whose wait has its own finding is not said twice');
});

test('a Pod ContainerCreating too long says the Warning event that explains it, with count and age', () => {
  const pod = {
    spec: { containers: [{ name: 'app' }] },
    status: {
      phase: 'Pending',
      startTime: minutesAgo(9),
      conditions: [{ type: 'PodScheduled', status: 'True' }],
      containerStatuses: [{ name: 'app', state: { waiting: { reason: 'ContainerCreating' } } }],
    },
  };
  const events = [{ type: 'Warning', reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "tls" : secret "api-tls" not found', count: 5, lastTimestamp: minutesAgo(1) }];
  assert.deepEqual(
    findings(pod, events).map((x) => x.message),
    ['app has been ContainerCreating for 9m: FailedMount: MountVolume.SetUp failed for volume "tls" : secret "api-tls" not found (5x, last 60s ago)'],
  );
});

test('a restart of any cause is a finding while recent, also when the container runs again', () => {
  const pod = (finished: number) => ({
    spec: { containers: [{ name: 'app' }] },
    status: { containerStatuses: [{ name: 'app', ready: true, restartCount: 1, state: running, lastState: { terminated: { exitCode: 2, reason: 'Error', finishedAt: minutesAgo(finished) } } }] },
  });
  assert.deepEqual(
    findings(pod(5)).map((x) => [x.severity, x.code, x.message]),
    [['warning', 'Restarted', 'app restarted (1 restarts): last exit code 2, 5m ago']],
  );
  assert.deepEqual(codes(pod(120)), [], 'two hours on it is history');
});

test('events are not stale: age and count shown, dropped when the Pod contradicts them', () => {
  const probe = { readinessProbe: { httpGet: { path: '/ready', port: 8080 } } };
  const events = [{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: connection refused', count: 3, lastTimestamp: minutesAgo(40) }];
  const notReady = { spec: { containers: [{ name: 'app', ...probe }] }, status: { containerStatuses: [{ name: 'app', ready: false, state: running }] } };
  assert.equal(findings(notReady, events)[0]!.message, 'app is running but not ready: Readiness probe failed: connection refused (3x, last 40m ago)');
  const readyNow = { spec: { containers: [{ name: 'app', ...probe }] }, status: { containerStatuses: [{ name: 'app', ready: true, state: running }] } };
  assert.deepEqual(codes(readyNow, events), [], 'a container that is ready now contradicts the old failure');
});

test('no noise: an emptyDir one container mounts is normal; the kubelet mounts config and secrets read-only', () => {
  const host = buildPodHost(
    jsonPod({
      spec: {
        volumes: [
          { name: 'tmp', emptyDir: {} },
          { name: 'conf', configMap: { name: 'c' } },
          { name: 'token', projected: { sources: [] } },
          { name: 'info', downwardAPI: {} },
          { name: 'tls', secret: { secretName: 's' } },
        ],
        containers: [{ name: 'app', volumeMounts: ['tmp', 'conf', 'token', 'info', 'tls'].map((name) => ({ name, mountPath: `/${name}`, readOnly: false })) }, { name: 'proxy' }],
      },
      status: {
        containerStatuses: [
          { name: 'app', ready: true, state: running },
          { name: 'proxy', ready: true, state: running },
        ],
      },
    }),
    { now: NOW },
  );
  assert.deepEqual(host.diagnosis, []);
  assert.deepEqual(
    host.volumes.map((v) => `${v.name} ${v.mounts[0]!.readOnly ? 'ro' : 'rw'}`),
    ['tmp rw', 'conf ro', 'token ro', 'info ro', 'tls ro'],
  );
});

test('a port two containers declare is a conflict while one of them is down, a note while both run ready', () => {
  const pod = (proxyState: Record<string, unknown>, proxyReady: boolean) => ({
    spec: {
      containers: [
        { name: 'sidecar', ports: [{ containerPort: 10902 }] },
        { name: 'proxy', ports: [{ containerPort: 10902 }] },
      ],
    },
    status: {
      containerStatuses: [
        { name: 'sidecar', ready: true, state: running },
        { name: 'proxy', ready: proxyReady, restartCount: 3, state: proxyState },
      ],
    },
  });
  assert.deepEqual(
    findings(pod(running, true)).map((x) => [x.severity, x.code]),
    [['info', 'PortDeclaredTwice']],
  );
  const down = findings(pod({ waiting: { reason: 'CrashLoopBackOff' } }, false));
  assert.deepEqual(
    down.map((x) => [x.severity, x.code]),
    [
      ['error', 'CrashLoopBackOff'],
      ['error', 'PortConflict'],
    ],
  );
  assert.equal(down[1]!.message, 'port 10902/TCP is declared by sidecar and proxy; only one can bind it');
});
