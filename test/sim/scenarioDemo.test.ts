import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { qosClass } from '../../src/sim/scenario/podStatus.ts';

const NOW = Date.UTC(2025, 4, 1, 12, 0, 0);
const scenario = demoScenario(NOW);
const pods = scenario.objects.pods;
const byApp = (app: string): V1Pod => pods.find((p) => p.metadata!.labels?.app === app)!;
const container = (pod: V1Pod, name: string): V1Container => pod.spec!.containers.find((c) => c.name === name)!;

test("the seed's user-msvc Pod: containers, ports, shared emptyDir, read-only Secret, ConfigMap env", () => {
  const pod = byApp('user-msvc');
  assert.match(pod.metadata!.name!, /^user-msvc-[a-z0-9]{9}-[a-z0-9]{5}$/);
  assert.equal(pod.metadata!.namespace, 'shop');
  assert.deepEqual(
    pod.spec!.containers.map((c) => c.name),
    ['user-msvc', 'cloudsql-proxy', 'datadog-agent'],
  );
  assert.deepEqual(
    container(pod, 'user-msvc').ports!.map((p) => [p.containerPort, p.name]),
    [[443, 'https']],
  );
  assert.deepEqual(
    container(pod, 'cloudsql-proxy').ports!.map((p) => p.containerPort),
    [3306],
  );
  const logs = pod.spec!.volumes!.find((v) => v.emptyDir)!;
  const secretVolume = pod.spec!.volumes!.find((v) => v.secret?.secretName === 'user-msvc')!;
  const mount = (c: string, volume: string) => container(pod, c).volumeMounts!.find((m) => m.name === volume);
  assert.equal(mount('user-msvc', logs.name)!.mountPath, '/var/log');
  assert.equal(mount('datadog-agent', logs.name)!.mountPath, '/var/log/monitor');
  assert.deepEqual([mount('user-msvc', secretVolume.name)!.mountPath, mount('user-msvc', secretVolume.name)!.readOnly], ['/etc/user-msvc/secret', true]);
  assert.deepEqual([mount('datadog-agent', secretVolume.name)!.mountPath, mount('datadog-agent', secretVolume.name)!.readOnly], ['/etc/datadog-agent/secret', true]);
  assert.equal(mount('cloudsql-proxy', logs.name), undefined);
  assert.deepEqual(container(pod, 'user-msvc').envFrom, [{ configMapRef: { name: 'user-msvc' } }]);
  const cm = scenario.objects.configMaps.find((c) => c.metadata!.name === 'user-msvc' && c.metadata!.namespace === 'shop')!;
  assert.equal(cm.data!.DB_PORT, '3306');
  const secret = scenario.objects.secrets.find((s) => s.metadata!.name === 'user-msvc')!;
  assert.ok(Object.keys(secret.data!).length >= 3);
  // owner chain: Pod -> ReplicaSet -> Deployment
  const rs = scenario.objects.replicaSets.find((r) => r.metadata!.uid === pod.metadata!.ownerReferences![0]!.uid)!;
  const deploy = scenario.objects.deployments.find((d) => d.metadata!.uid === rs.metadata!.ownerReferences![0]!.uid)!;
  assert.equal(deploy.metadata!.name, 'user-msvc');
  const rt = scenario.runtime.get(`shop/${pod.metadata!.name}`)!;
  assert.ok(rt.sockets.some((s) => s.container === 'cloudsql-proxy' && s.localAddress === '127.0.0.1' && s.localPort === 3306 && s.state === 'LISTEN'));
  assert.ok(rt.sockets.some((s) => s.container === 'datadog-agent' && s.protocol === 'udp' && s.localPort === 8125));
});

test('every Pod status matches its spec: one status per container, names, QoS, runtime, uids', () => {
  const uids = new Set<string>();
  for (const pod of pods) {
    const name = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
    assert.ok(!uids.has(pod.metadata!.uid!), `duplicate uid ${name}`);
    uids.add(pod.metadata!.uid!);
    assert.deepEqual(
      pod.status!.containerStatuses!.map((s) => s.name),
      pod.spec!.containers.map((c) => c.name),
      name,
    );
    assert.deepEqual(
      (pod.status!.initContainerStatuses ?? []).map((s) => s.name),
      (pod.spec!.initContainers ?? []).map((c) => c.name),
      name,
    );
    assert.equal(pod.status!.qosClass, qosClass([...pod.spec!.containers, ...(pod.spec!.initContainers ?? [])]), name);
    assert.ok(pod.metadata!.managedFields!.length >= 1 && pod.metadata!.creationTimestamp, name);
    const rt = scenario.runtime.get(name);
    assert.ok(rt, `runtime for ${name}`);
    for (const c of [...pod.spec!.containers, ...(pod.spec!.initContainers ?? [])]) assert.ok(rt.containers[c.name], `${name} ${c.name} runtime`);
    const allReady = pod.status!.containerStatuses!.every((s) => s.ready);
    assert.equal(pod.status!.conditions!.find((c) => c.type === 'ContainersReady')!.status, allReady && pod.status!.phase === 'Running' ? 'True' : 'False', name);
  }
  assert.ok(pods.length >= 40, 'enough Pods to scroll');
  assert.ok(new Set(pods.map((p) => p.metadata!.namespace)).size >= 4);
});

test('the demo shows each situation podview explains', () => {
  const statuses = pods.flatMap((p) => [...p.status!.containerStatuses!, ...(p.status!.initContainerStatuses ?? [])]);
  const crash = statuses.find((s) => s.state?.waiting?.reason === 'CrashLoopBackOff')!;
  assert.equal(crash.lastState!.terminated!.exitCode, 1);
  assert.ok(crash.restartCount >= 10);
  const oomPod = pods.find((p) => p.status!.containerStatuses!.some((s) => s.lastState?.terminated?.reason === 'OOMKilled'))!;
  const oomRt = scenario.runtime.get(`${oomPod.metadata!.namespace}/${oomPod.metadata!.name}`)!.containers.thumbnailer;
  assert.ok(oomRt!.usage(NOW).memoryBytes > 0.9 * 256 * 1024 * 1024);
  assert.ok(statuses.some((s) => s.state?.waiting?.reason === 'ImagePullBackOff'));
  assert.ok(pods.some((p) => p.spec!.initContainers?.some((c) => c.restartPolicy === 'Always')));
  assert.ok(pods.some((p) => p.metadata!.deletionTimestamp));
  assert.ok(pods.some((p) => p.status!.phase === 'Succeeded' && p.metadata!.ownerReferences![0]!.kind === 'Job'));
  assert.ok(pods.some((p) => p.status!.phase === 'Pending' && p.status!.conditions!.some((c) => c.type === 'Initialized' && c.status === 'False')));
  assert.ok(pods.some((p) => p.spec!.volumes!.some((v) => v.emptyDir?.medium === 'Memory' && v.emptyDir.sizeLimit)));
  assert.ok(
    pods.some((p) => {
      const ports = p.spec!.containers.flatMap((c) => c.ports ?? []).map((x) => x.containerPort);
      return new Set(ports).size < ports.length;
    }),
  );
  assert.ok([...scenario.runtime.values()].some((r) => Object.values(r.containers).some((c) => c.shells.length === 0)));
  assert.ok([...scenario.runtime.values()].some((r) => Object.values(r.containers).some((c) => /\u001b\]/.test(c.logs.line(0, NOW)))));
  assert.equal(JSON.stringify(demoScenario(NOW).objects), JSON.stringify(scenario.objects), 'deterministic for a given now');
});
