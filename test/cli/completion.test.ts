// kubectl's plugin completion protocol against the sim: candidates one per line, then :4.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { complete, formatCompletion } from '../../src/cli/completion/complete.ts';
import { completionScript } from '../../src/cli/completion/scripts.ts';
import { loadConfig } from '../../src/cluster/config.ts';
import { listPodsOnce } from '../../src/cluster/snapshot.ts';
import { startSim } from '../../src/sim/index.ts';
import type { SimServer } from '../../src/sim/index.ts';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { COMPLETE_BIN, runBin } from './helpers.ts';

let sim: SimServer;
let dir: string;
let kubeconfig: string;
let msvc: string;

before(async () => {
  sim = await startSim({ scenario: demoScenario(Date.now()) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-complete-'));
  kubeconfig = path.join(dir, 'config');
  sim.writeKubeconfig(kubeconfig, { namespace: 'shop', context: 'sim' });
  const names: string[] = [];
  for await (const page of listPodsOnce({ kubeConfig: loadConfig({ kubeconfig }).kubeConfig, namespace: 'shop' })) names.push(...page.map((p) => p.metadata!.name!));
  msvc = names.find((n) => n.startsWith('user-msvc'))!;
});
after(async () => {
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const kc = () => ['--kubeconfig', kubeconfig];

test('Pod names of the current namespace, filtered by what is typed', async () => {
  const result = await complete([...kc(), 'user-']);
  assert.deepEqual(result.candidates, [msvc]);
  assert.equal(result.directive, 4);
  const all = await complete([...kc(), '']);
  assert.ok(all.candidates.includes('logs') && all.candidates.includes(msvc), 'commands and Pods');
});

test('containers after -c, namespaces after -n, contexts after --context, output formats after -o', async () => {
  assert.deepEqual((await complete(['logs', msvc, ...kc(), '-c', ''])).candidates, ['user-msvc', 'cloudsql-proxy', 'datadog-agent']);
  const namespaces = (await complete([...kc(), '-n', ''])).candidates;
  assert.ok(
    ['shop', 'payments', 'catalog', 'platform'].every((n) => namespaces.includes(n)),
    namespaces.join(','),
  );
  assert.deepEqual((await complete([...kc(), '--context', ''])).candidates, ['sim']);
  assert.deepEqual((await complete([...kc(), '--context=s'])).candidates, ['--context=sim']);
  assert.deepEqual((await complete(['-o', 'y'])).candidates, ['yaml']);
  assert.deepEqual((await complete(['logs', msvc, ...kc(), '-n', 'shop', '-c', 'data'])).candidates, ['datadog-agent']);
});

test('flag names after a dash; nothing and no noise when the cluster cannot be reached', async () => {
  const flags = (await complete(['logs', 'p', '--f'])).candidates;
  assert.ok(flags.includes('--follow') && flags.includes('--field-selector'), "logs offers its flags, the query of Pods' too");
  const execFlags = (await complete(['exec', 'p', '--'])).candidates;
  assert.ok(execFlags.includes('--container') && !execFlags.includes('--field-selector'), 'exec offers only the flags it accepts');
  assert.ok((await complete(['--f'])).candidates.includes('--field-selector'));
  const broken = await complete(['--kubeconfig', path.join(dir, 'missing'), '']);
  assert.deepEqual(broken, { candidates: [], directive: 4 });
  assert.equal(formatCompletion({ candidates: ['a', 'b'], directive: 4 }), 'a\nb\n:4\n');
});

test('kubectl_complete-podview speaks the protocol; completion scripts call __complete', async () => {
  const result = await runBin([...kc(), 'user'], { bin: COMPLETE_BIN });
  assert.equal(result.code, 0);
  assert.equal(result.stdout, `${msvc}\n:4\n`);
  assert.equal(result.stderr, '');
  for (const shell of ['bash', 'zsh', 'fish'] as const) assert.match(completionScript(shell), /kubectl-podview __complete/);
});
