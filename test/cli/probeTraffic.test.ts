// The live probe over the wire against the demo sim: who holds each port (each container's
// fd table read through exec) and the Pod's internal traffic, through the built binary's
// `--once --probe` and through the focus feed that serves the TUI's `P`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSim } from '../cluster/simHarness.ts';
import { runBin } from './helpers.ts';
import { probePorts } from '../../src/cluster/portProbe.ts';
import { followProbeRequests } from '../../src/cluster/focusProbe.ts';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { buildPodHost } from '../../src/model/podHost.ts';
import { applyProbe } from '../../src/model/probeHost.ts';
import { portLines } from '../../src/ui/host/portMap.ts';
import { lineText } from '../../src/ui/lines.tsx';
import { getPod } from '../../src/cluster/getPod.ts';
import { getJson } from '../../src/cluster/request.ts';
import type { V1PodList } from '@kubernetes/client-node';

interface PodJson {
  name: string;
  ports: { port: number; probe: string | null; owners: { heldBy: string[]; unknown: boolean; unread: string[] } | null }[];
  diagnosis: { code: string; container: string | null; message: string }[];
  traffic: { kind: string; line: string; count: number }[] | null;
}

test('--once --probe -o json: the grafana Pod credits :3000 to oauth2-proxy and says so in the diagnosis', async (t) => {
  const h = await withSim(t);
  const result = await runBin(['grafana', '-n', 'platform', '--once', '--probe', '-o', 'json', '--kubeconfig', h.kubeconfigPath]);
  assert.equal(result.code, 0, result.stderr);
  const pod = (JSON.parse(result.stdout) as { pods: PodJson[] }).pods[0]!;
  assert.deepEqual(pod.ports.find((p) => p.port === 3000)?.owners, { heldBy: ['oauth2-proxy'], unknown: false, unread: [] });
  assert.deepEqual(pod.ports.find((p) => p.port === 3001)?.owners?.heldBy, ['grafana']);
  const finding = pod.diagnosis.find((d) => d.code === 'PortHeldByOtherContainer');
  assert.equal(finding?.message, 'port 3000/TCP is declared by grafana but held by oauth2-proxy (grafana listens on 3001/TCP)');
  assert.deepEqual(
    pod.traffic?.map((x) => x.line),
    ['oauth2-proxy → 127.0.0.1:3001 grafana (1 connection)'],
  );
});

test("--once --probe: the user-msvc Pod's traffic in json and text", async (t) => {
  const h = await withSim(t);
  const json = await runBin(['user-msvc', '-n', 'shop', '--once', '--probe', '-o', 'json', '--kubeconfig', h.kubeconfigPath]);
  assert.equal(json.code, 0, json.stderr);
  const lines = (JSON.parse(json.stdout) as { pods: PodJson[] }).pods[0]!.traffic?.map((x) => x.line) ?? [];
  // cloudsql-proxy is distroless (no shell, no ls): its end is named from the spec, and says so.
  assert.ok(lines.includes('user-msvc → 127.0.0.1:3306 cloudsql-proxy (declared; owner unread) (4 connections)'), lines.join('\n'));
  assert.ok(lines.includes('user-msvc → 127.0.0.1:8125/udp datadog-agent'), lines.join('\n'));
  assert.ok(lines.includes('datadog-agent ← 127.0.0.1:8125/udp'), lines.join('\n'));
  assert.ok(lines.includes('datadog-agent → 34.149.66.137:443 (1 connection)'), lines.join('\n'));
  const text = await runBin(['user-msvc', '-n', 'shop', '--once', '--probe', '-o', 'text', '--kubeconfig', h.kubeconfigPath]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^Traffic \(probed\)\n {2}user-msvc → 127\.0\.0\.1:3306 cloudsql-proxy \(declared; owner unread\) \(4 connections\)$/m);
  // Without --probe there is no traffic to show.
  const plain = await runBin(['user-msvc', '-n', 'shop', '--once', '-o', 'json', '--kubeconfig', h.kubeconfigPath]);
  assert.equal((JSON.parse(plain.stdout) as { pods: PodJson[] }).pods[0]!.traffic, null);
});

test('P through the focus feed: the record gets owners and connections, the port map draws them', async (t) => {
  const h = await withSim(t);
  const kubeConfig = h.config.kubeConfig;
  const list = await getJson<V1PodList>(kubeConfig, '/api/v1/namespaces/platform/pods', {}, {});
  const name = list.items.find((p) => p.metadata?.name?.startsWith('grafana-'))!.metadata!.name!;
  const key = { namespace: 'platform', name };
  const record = new FocusedPodStore();
  record.focus(key);
  const stop = followProbeRequests(record, (pod) => probePorts(kubeConfig, pod));
  t.after(stop);
  const ran = new Promise<void>((resolve) => {
    const off = record.subscribe(() => {
      if (record.current?.probe?.state === 'ran' || record.current?.probe?.state === 'skipped') {
        off();
        resolve();
      }
    });
  });
  record.askProbe();
  await ran;
  const probe = record.current?.probe;
  assert.equal(probe?.state, 'ran', probe?.state === 'skipped' ? probe.reason : '');
  if (probe?.state !== 'ran') return;
  const pod = await getPod(kubeConfig, key.namespace, key.name);
  const host = applyProbe(buildPodHost(pod, { now: Date.now() }), probe);
  const text = portLines(host).map(lineText).join('\n');
  assert.match(text, /127\.0\.0\.1:3000\/TCP +→ grafana \(http\) +listening +held by oauth2-proxy/);
  assert.match(text, /oauth2-proxy → 127\.0\.0\.1:3001 grafana \(1 connection\)/);
  assert.ok(host.diagnosis.some((d) => d.code === 'PortHeldByOtherContainer' && d.message.includes('held by oauth2-proxy')));
});
