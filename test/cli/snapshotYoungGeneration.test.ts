// Snapshot mode keeps V8's young generation at its start-up size (the largest part of its peak
// memory it could do without), unless the user sized it themselves. The built binary reports
// its young generation's size on exit through a module preloaded with NODE_OPTIONS.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DETAILS_LIMIT, SNAPSHOT_PAGE_SIZE } from '../../src/cli/snapshot.ts';
import { scaleScenario } from '../../src/sim/scenario/scale.ts';
import { withSim } from '../cluster/simHarness.ts';
import { runBin, tempDir } from './helpers.ts';

const REPORT = /^young generation: (\d+) bytes$/m;
const MB = 1024 * 1024;

function reporter(dir: string): string {
  const file = path.join(dir, 'report-young-generation.mjs');
  fs.writeFileSync(
    file,
    `import v8 from 'node:v8';
process.on('exit', () => {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  process.stderr.write('young generation: ' + space.space_size + ' bytes\\n');
});
`,
  );
  return pathToFileURL(file).href;
}

async function youngGenerationAfterSnapshot(t: TestContext, nodeOptions: string): Promise<number> {
  // Past DETAILS_LIMIT and over several pages: enough allocation that V8 would grow it.
  const pods = DETAILS_LIMIT + SNAPSHOT_PAGE_SIZE + 7;
  const h = await withSim(t, { scenario: scaleScenario({ pods, namespaces: 4, seed: 3, nowMs: Date.now() }) });
  const preload = reporter(tempDir(t));
  const result = await runBin(['--once', '-o', 'json', '-A', '--kubeconfig', h.kubeconfigPath], { env: { NODE_OPTIONS: `${nodeOptions} --import ${preload}` } });
  assert.equal(result.code, 0, result.stderr);
  assert.equal((JSON.parse(result.stdout) as { pods: unknown[] }).pods.length, pods);
  const match = REPORT.exec(result.stderr);
  assert.ok(match, `no report on stderr: ${result.stderr}`);
  return Number(match[1]);
}

test('a snapshot does not let the young generation grow', async (t) => {
  // V8 grows it to tens of MB for this many Pods when left alone.
  const size = await youngGenerationAfterSnapshot(t, '');
  assert.ok(size <= 8 * MB, `young generation ${(size / MB).toFixed(1)} MB`);
});

test("a snapshot leaves the young generation alone when the user's Node options size it", async (t) => {
  const size = await youngGenerationAfterSnapshot(t, '--max-semi-space-size=8');
  assert.ok(size > 8 * MB, `young generation ${(size / MB).toFixed(1)} MB: the user's --max-semi-space-size=8 was overridden`);
});
