// The demo scenario loads into the sim and real kubectl lists its Pods.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim } from '../../src/sim/index.ts';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { NO_KUBECTL, kubectl, type TestSim } from './simHarness.ts';

describe('demo scenario in the sim', { skip: NO_KUBECTL }, () => {
  let t: TestSim;
  let expected: string[];
  before(async () => {
    const scenario = demoScenario(Date.now());
    expected = scenario.objects.pods.map((p) => `${p.metadata!.namespace}/${p.metadata!.name}`).sort();
    const sim = await startSim({ scenario });
    const dir = mkdtempSync(join(tmpdir(), 'podview-sim-demo-'));
    const kubeconfig = join(dir, 'kubeconfig');
    sim.writeKubeconfig(kubeconfig);
    t = {
      sim,
      dir,
      kubeconfig,
      close: async () => {
        await sim.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
  after(() => t?.close());

  test('kubectl get pods -A lists every demo Pod, user-msvc among them', async () => {
    const r = await kubectl(t, ['get', 'pods', '-A', '--no-headers']);
    assert.equal(r.code, 0, r.stderr);
    const listed = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).slice(0, 2).join('/'))
      .sort();
    assert.deepEqual(listed, expected);
    assert.ok(
      listed.some((k) => /\/user-msvc/.test(k)),
      'user-msvc is listed',
    );
  });
});
