// kube-apiserver gzips a list of 128 KiB or more for a client that accepts it, and so does the
// sim: the real kubectl reads such a list, and podview's bundle (which loads zlib only when a
// response needs it) reads it whole.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { scaleScenario } from '../../src/sim/scenario/scale.ts';
import { runBin } from '../cli/helpers.ts';
import { NO_KUBECTL, kubectl, raw, startTestSim, type TestSim } from './simHarness.ts';

const PODS = 40; // ~7 KB each: a list past 128 KiB, and kubectl's -o json of it under execFile's 1 MB

describe('sim lists gzipped as kube-apiserver sends them', () => {
  let t: TestSim;
  before(async () => {
    t = await startTestSim({ scenario: scaleScenario({ pods: PODS, namespaces: 2, seed: 5, nowMs: Date.now() }) });
  });
  after(() => t?.close());

  const names = (json: string) => (JSON.parse(json) as { items: { metadata: { name: string } }[] }).items.map((p) => p.metadata.name);

  test('a big list is gzipped for a client that accepts gzip, and is the same list', async () => {
    const plain = await raw(t.sim, '/api/v1/pods');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.bytes.length >= 128 * 1024, `the list is ${plain.bytes.length} bytes`);
    const zipped = await raw(t.sim, '/api/v1/pods', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'Accept-Encoding');
    assert.ok(zipped.bytes.length < plain.bytes.length / 3, `gzipped ${zipped.bytes.length} of ${plain.bytes.length} bytes`);
    assert.deepEqual(names(gunzipSync(zipped.bytes).toString('utf8')), names(plain.body));
    assert.equal(names(plain.body).length, PODS);
  });

  test('a small list or page is sent as it is', async () => {
    const page = await raw(t.sim, '/api/v1/pods?limit=3', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(page.headers['content-encoding'], undefined);
    assert.equal(names(page.body).length, 3);
  });

  test('the real kubectl reads the gzipped list', { skip: NO_KUBECTL }, async () => {
    const r = await kubectl(t, ['get', 'pods', '-A', '-o', 'json', '-v=8']);
    assert.equal(r.code, 0, r.stderr);
    // Go's transport asks for gzip itself, and drops Content-Encoding once it has decoded the
    // body; the Vary the sim sends only with a gzipped body is left in kubectl's log.
    assert.match(r.stderr, /Vary: Accept-Encoding/, 'kubectl was not sent a gzipped list');
    assert.equal(names(r.stdout).length, PODS);
  });

  test("podview's bundle reads a gzipped list page by page", async () => {
    const r = await runBin(['--once', '-A', '-o', 'json', '--kubeconfig', t.kubeconfig]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { pods: unknown[] }).pods.length, PODS);
  });
});
