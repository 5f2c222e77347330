// The sim's PodMetrics list is made a slice at a time while it is sent (src/sim/metricsList.ts),
// gzipped from 128 KiB like every big answer of an apiserver: it must still hold every Running
// Pod once, in the same order whichever way it is sent, and read as one list by the real kubectl.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { scaleScenario } from '../../src/sim/scenario/scale.ts';
import { NO_KUBECTL, kubectl, raw, startTestSim, type TestSim } from './simHarness.ts';

const PODS = 1200; // PodMetrics of ~300 bytes: a list past 128 KiB and several slices
const METRICS = '/apis/metrics.k8s.io/v1beta1';

interface Named {
  metadata: { name: string; namespace: string };
  status?: { phase?: string };
  containers?: { name: string; usage: { cpu: string; memory: string } }[];
}
const items = (json: string) => (JSON.parse(json) as { items: Named[] }).items;
const keys = (list: Named[]) => list.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe('sim PodMetrics list, sent as it is made', () => {
  let t: TestSim;
  let running: string[];
  before(async () => {
    t = await startTestSim({ scenario: scaleScenario({ pods: PODS, namespaces: 3, seed: 11, nowMs: Date.now() }) });
    running = keys(items((await raw(t.sim, '/api/v1/pods')).body).filter((p) => p.status?.phase === 'Running'));
  });
  after(() => t?.close());

  test('a big list holds every Running Pod once, the same gzipped or not', async () => {
    const plain = await raw(t.sim, `${METRICS}/pods`);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.bytes.length >= 128 * 1024, `the list is ${plain.bytes.length} bytes`);
    const list = items(plain.body);
    assert.ok(running.length > 1000, `${running.length} Running Pods`);
    assert.deepEqual(keys(list).sort(), [...running].sort());
    assert.ok(list.every((m) => m.containers?.every((c) => /^\d+n$/.test(c.usage.cpu) && /^\d+Ki$/.test(c.usage.memory))));
    const zipped = await raw(t.sim, `${METRICS}/pods`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.ok(zipped.bytes.length < plain.bytes.length / 3, `gzipped ${zipped.bytes.length} of ${plain.bytes.length} bytes`);
    assert.deepEqual(keys(items(gunzipSync(zipped.bytes).toString('utf8'))), keys(list));
  });

  test("a namespace's list holds that namespace's Running Pods, a small one sent whole", async () => {
    const namespace = running[0]!.split('/')[0]!;
    const r = await raw(t.sim, `${METRICS}/namespaces/${namespace}/pods?labelSelector=app%3Dnone`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(r.headers['content-encoding'], undefined);
    assert.equal(r.headers['content-length'], String(r.bytes.length));
    assert.deepEqual(items(r.body), []);
    const whole = items((await raw(t.sim, `${METRICS}/namespaces/${namespace}/pods`)).body);
    assert.deepEqual(keys(whole).sort(), running.filter((k) => k.startsWith(`${namespace}/`)).sort());
  });

  test('the real kubectl top reads the gzipped list', { skip: NO_KUBECTL }, async () => {
    const r = await kubectl(t, ['top', 'pod', '-A', '--no-headers', '-v=8']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Vary: Accept-Encoding/, 'kubectl was not sent a gzipped list');
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/).slice(0, 2).join('/'));
    assert.deepEqual(rows.sort(), [...running].sort());
  });
});
