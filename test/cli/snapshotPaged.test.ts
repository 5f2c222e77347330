// Snapshot mode against the sim through the built binary: Pods arrive in several list pages
// and are printed as they come, as one JSON document in kubectl's order; a small cluster
// still gets events and owners (read once the snapshot knows it holds few Pods).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DETAILS_LIMIT, SNAPSHOT_PAGE_SIZE } from '../../src/cli/snapshot.ts';
import { scaleScenario } from '../../src/sim/scenario/scale.ts';
import { withSim } from '../cluster/simHarness.ts';
import { runBin } from './helpers.ts';

const run = promisify(execFile);

interface Doc {
  apiVersion: string;
  pods: { namespace: string; name: string; events: unknown[]; owners: { resolved: boolean }[] }[];
}

test('-o json over many pages: every Pod once, in the order kubectl lists them', async (t) => {
  const count = DETAILS_LIMIT + SNAPSHOT_PAGE_SIZE + 7;
  const h = await withSim(t, { scenario: scaleScenario({ pods: count, namespaces: 4, seed: 3, nowMs: Date.now() }) });
  const result = await runBin(['--once', '-o', 'json', '-A', '--kubeconfig', h.kubeconfigPath]);
  assert.equal(result.code, 0, result.stderr);
  const doc = JSON.parse(result.stdout) as Doc;
  assert.equal(doc.apiVersion, 'podview/v1');
  const { stdout } = await run('kubectl', ['get', 'pods', '-A', '-o', 'json', '--kubeconfig', h.kubeconfigPath], { maxBuffer: 256 * 1024 * 1024 });
  const kubectl = (JSON.parse(stdout) as { items: { metadata: { namespace: string; name: string } }[] }).items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  assert.equal(kubectl.length, count);
  assert.deepEqual(
    doc.pods.map((p) => `${p.namespace}/${p.name}`),
    kubectl,
  );
});

test('a cluster of few Pods keeps events and owners in the snapshot', async (t) => {
  const h = await withSim(t);
  const result = await runBin(['--once', '-o', 'json', '-A', '--kubeconfig', h.kubeconfigPath]);
  assert.equal(result.code, 0, result.stderr);
  const doc = JSON.parse(result.stdout) as Doc;
  assert.ok(doc.pods.length > 0 && doc.pods.length <= DETAILS_LIMIT);
  assert.ok(
    doc.pods.some((p) => p.events.length > 0),
    'some Pod shows its events',
  );
  assert.ok(
    doc.pods.some((p) => p.owners.some((o) => o.resolved)),
    'some Pod shows a resolved owner',
  );
});
