// The real-Pod corpus is the judge: every Pod in test/fixtures/real, as a real cluster wrote
// it, gives kubectl's STATUS/READY/RESTARTS where the page showed them, and exactly the
// diagnosis SOURCES.md writes down for it, one line per finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPodHost } from '../../src/model/podHost.ts';
import { defaultContainer } from '../../src/model/defaultContainer.ts';
import { corpusFiles, dumpMoment, readCorpusPod, sourceLines } from './realCorpus.ts';

const sources = sourceLines();
const byFile = new Map(sources.map((s) => [s.file, s]));

test('the corpus holds at least 30 real Pods, each with its SOURCES.md line and a status written by a cluster', () => {
  const files = corpusFiles();
  assert.ok(files.length >= 30, `${files.length} Pods`);
  assert.deepEqual(
    files.filter((f) => !byFile.has(f)),
    [],
    'every file has a SOURCES.md line',
  );
  assert.deepEqual(
    sources.map((s) => s.file).filter((f) => !files.includes(f)),
    [],
    'every SOURCES.md line has its file',
  );
  for (const file of files) {
    const { pod } = readCorpusPod(file);
    const status = pod.status as { phase?: string } | undefined;
    assert.ok(status?.phase, `${file}: a status with a phase`);
    assert.ok(byFile.get(file)!.source.length > 10, `${file}: names its source`);
  }
});

for (const file of corpusFiles()) {
  test(`real Pod ${file}`, () => {
    const line = byFile.get(file);
    assert.ok(line, 'listed in SOURCES.md');
    const { pod, events } = readCorpusPod(file);
    const now = line.now ?? dumpMoment(pod);
    const host = buildPodHost(pod, { now, events });
    if (line.get) {
      assert.deepEqual({ ready: host.ready, status: host.status, restarts: host.restarts }, line.get, "kubectl get pods' columns");
    }
    assert.deepEqual(
      host.diagnosis.map((d) => d.code),
      line.codes,
      `diagnosis: ${host.diagnosis.map((d) => d.message).join(' | ')}`,
    );
    for (const d of host.diagnosis) {
      assert.ok(!/[\r\n]/.test(d.message), `one line: ${d.message}`);
      assert.ok(d.message.length > d.code.length, 'a message with its evidence');
      if (d.evidence) assert.ok(d.message.endsWith(d.evidence), 'the evidence closes the message');
    }
    // The default container is a container of this Pod, and the worst finding's when there is one.
    const chosen = defaultContainer(pod, host.diagnosis);
    const worst = host.diagnosis.find((d) => d.container !== undefined);
    if (worst) assert.equal(chosen, worst.container);
    else if (host.containers.some((c) => c.kind === 'app')) assert.ok(host.containers.some((c) => c.name === chosen));
  });
}

test('evidence from the real Pods: exit codes read with their meaning, the scheduler quoted, the probe named', () => {
  const message = (file: string, code: string): string => {
    const { pod, events } = readCorpusPod(file);
    const host = buildPodHost(pod, { now: byFile.get(file)?.now ?? dumpMoment(pod), events });
    const d = host.diagnosis.find((x) => x.code === code);
    assert.ok(d, `${file} has ${code}`);
    return d.message;
  };
  assert.match(
    message('kubectl-status_pod-liveness-kill-137.yaml', 'CrashLoopBackOff'),
    /exit code 137: SIGKILL, not an OOM kill: the kubelet killed it, most likely for its failing liveness probe exec false/,
  );
  assert.match(
    message('datadog-agent_podlist_init_container_running_coredns.json', 'Restarted'),
    /coredns restarted \(4 restarts\): last exit code 137: .*liveness probe http GET :8080\/health.*, 84s ago$/,
  );
  assert.match(
    message('kubectl-status_pod-missing-pvc.yaml', 'Unschedulable'),
    /: error while running "VolumeBinding" filter plugin for pod "web-0": pod has unbound immediate PersistentVolumeClaims$/,
  );
  assert.match(message('nri-kubernetes_1_35_e2e-container-pending.yaml', 'Unschedulable'), /didn't match Pod's node affinity\/selector/);
  assert.match(message('nri-kubernetes_1_35_e2e-failjob-28dqq.yaml', 'ContainerFailed'), /main failed for good \(restartPolicy Never, Pod Failed\): exit code 42, 61s ago$/);
  // A long termination message keeps its end, where the error is.
  assert.match(message('flanksource-is-healthy_start-error.yaml', 'ContainerFailed'), /exit code 128 \(StartError\); message: ….*: read-only file system: unknown, 61s ago$/);
  assert.match(
    message('insights-operator_vsystem-867f4b77cc-pqcns.json', 'CrashLoopBackOff'),
    /^init container vsystem-hana-init is crash-looping: 7527 restarts, last exit code 1; message: could not connect to hana/,
  );
  assert.match(message('insights-operator_router-default-7bbdcfcf9b-7xdln.json', 'Unschedulable'), /didn't have free ports for the requested pod ports, 1 node\(s\) had taint/);
  assert.match(message('kubectl-status_pod-deleted-due-to-missing-container.yaml', 'ContainerFailed'), /ContainerStatusUnknown\): the kubelet lost track of it/);
  assert.match(message('nri-kubernetes_1_34_e2e-container-creating.yaml', 'CrashLoopBackOff'), /last exit code 0, 60s ago: it ends by itself and restartPolicy Always starts it again$/);
  assert.match(
    message('kubectl-status_pod-probe-liveness-restarting.yaml', 'Restarted'),
    /exit code 0: it stopped when asked: most likely the kubelet restarted it for its failing liveness probe exec/,
  );
});

test('a real Pod stuck initializing: the same dump 20 minutes on names the init container that holds it', () => {
  const { pod } = readCorpusPod('datadog-agent_podlist_init_container_running_myapp-pod.json');
  const later = buildPodHost(pod, { now: Date.parse('2019-04-23T09:22:07Z') });
  assert.deepEqual(
    later.diagnosis.map((d) => [d.severity, d.code, d.container]),
    [['warning', 'InitStuck', 'init-myservice']],
  );
  assert.match(later.diagnosis[0]!.message, /^Pod has been initializing for 20m, longer than a normal start: init container init-myservice \(1 of 1\) has been running since 2019-04-23T09:02:07Z/);
  assert.equal(defaultContainer(pod, later.diagnosis), 'init-myservice', 'l and s go to the init container that holds the Pod');
});

test('a real restart is a finding while recent, history an hour on', () => {
  const { pod } = readCorpusPod('kubectl-status_multiple-2-pods-docs_storage-provisioner.yaml');
  const at = dumpMoment(pod);
  assert.deepEqual(
    buildPodHost(pod, { now: at }).diagnosis.map((d) => d.code),
    ['Restarted'],
  );
  assert.deepEqual(buildPodHost(pod, { now: at + 2 * 3600_000 }).diagnosis, []);
});

test('the kubelet mounts configMap, secret, downwardAPI and projected volumes read-only, whatever the mount says', () => {
  const { pod } = readCorpusPod('istio-bookinfo_details-v1.yaml');
  const host = buildPodHost(pod, { now: dumpMoment(pod) });
  const mode = (volume: string) => host.volumes.find((v) => v.name === volume)!.mounts.map((m) => `${m.container}:${m.readOnly ? 'ro' : 'rw'}`);
  // istio-proxy's mounts of these say nothing about readOnly.
  assert.deepEqual(mode('istiod-ca-cert'), ['istio-proxy:ro']);
  assert.deepEqual(mode('istio-token'), ['istio-proxy:ro']);
  assert.deepEqual(mode('istio-podinfo'), ['istio-proxy:ro']);
  assert.deepEqual(mode('istio-envoy'), ['istio-proxy:rw'], 'an emptyDir stays as mounted');
});
