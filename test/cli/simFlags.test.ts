// `kubectl podview sim`'s playground flags through the built binary: a seeded cluster of the
// asked size over the asked namespaces, churn that moves the resourceVersion with no client
// writing, the fault schedule announcing itself; and each bad value one line with exit code 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BIN, assertBuilt, runBin, tempDir } from './helpers.ts';
import { scaleNamespaceName, scaleScenario } from '../../src/sim/scenario/scale.ts';

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

const BAD: Array<[string[], RegExp]> = [
  [['--pods', '0'], /invalid value for --pods: want a whole number of Pods from 1 to 1,000,000/],
  [['--pods', 'many'], /invalid value for --pods/],
  [['--pods', '2.5'], /invalid value for --pods/],
  [['--pods', '2000000'], /invalid value for --pods/],
  [['--pods'], /flag --pods needs a value \(N\)/],
  [['--namespaces', '3'], /--namespaces needs --pods/],
  [['--pods', '5', '--namespaces', '10'], /invalid value for --namespaces: want at most one namespace per Pod \(5\)/],
  [['--pods', '5', '--namespaces', '0'], /invalid value for --namespaces/],
  [['--churn', '-1'], /invalid value for --churn: want changes per second/],
  [['--churn', 'fast'], /invalid value for --churn/],
  [['--seed', '-3'], /invalid value for --seed/],
  [['--seed', 'x'], /invalid value for --seed/],
  [['--faults=maybe'], /invalid value "maybe" for --faults: it is a switch/],
  [['--fault'], /unknown flag --fault for kubectl podview sim/],
];

for (const [args, pattern] of BAD) {
  test(`sim ${args.join(' ')}: one line on stderr, exit code 1`, async () => {
    const r = await runBin(['sim', ...args], { timeoutMs: 20_000 });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^error: /);
    assert.match(lines[0]!, pattern);
    assert.equal(r.stdout, '', 'nothing started');
  });
}

test('sim --help shows an example of each playground flag', async () => {
  const r = await runBin(['sim', '--help']);
  assert.equal(r.code, 0);
  for (const flag of ['--pods', '--namespaces', '--churn', '--seed', '--faults']) assert.match(r.stdout, new RegExp(`kubectl podview sim .*${flag}`), flag);
});

test('sim --pods --namespaces --churn --seed --faults: the cluster asked for, changing and failing', { skip: !KUBECTL && 'kubectl is not installed', timeout: 60_000 }, async (t) => {
  assertBuilt();
  const kubeconfig = path.join(tempDir(t, 'podview-simflags-'), 'kubeconfig');
  const child = spawn(process.execPath, [BIN, 'sim', '--pods', '300', '--namespaces', '3', '--churn', '100', '--seed', '9', '--faults', '--kubeconfig-out', kubeconfig], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const waitForOutput = (pattern: RegExp, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = () => (pattern.test(out) ? resolve() : Date.now() - started > ms ? reject(new Error(`no ${pattern} in:\n${out}`)) : setTimeout(poll, 50));
      poll();
    });
  await waitForOutput(/press Ctrl-C to stop/, 20_000);
  assert.match(out, /churn: 100 changes per second/);
  const kubectl = (...args: string[]) => execFileSync(KUBECTL!, ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

  const namespaces = kubectl('get', 'namespaces', '-o', 'jsonpath={.items[*].metadata.name}').split(' ');
  for (let n = 0; n < 3; n++) assert.ok(namespaces.includes(scaleNamespaceName(n)), `namespace ${scaleNamespaceName(n)}`);
  assert.ok(!namespaces.includes(scaleNamespaceName(3)), 'no fourth namespace');

  // The seed decides the cluster: the Pods of --seed 9 are there (less the few churn deleted).
  const expected = scaleScenario({ pods: 300, namespaces: 3, seed: 9, nowMs: Date.now() }).objects.pods.map((p) => `${p.metadata!.namespace}/${p.metadata!.name}`);
  // name and resourceVersion per Pod (kubectl prints a list's own resourceVersion empty).
  const listed = () =>
    kubectl('get', 'pods', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name} {.metadata.resourceVersion}{"\\n"}{end}')
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string]);
  const newest = (pods: Array<[string, string]>) => Math.max(...pods.map(([, rv]) => Number(rv)));
  const first = listed();
  const names = new Set(first.map(([name]) => name));
  const kept = expected.filter((name) => names.has(name)).length;
  assert.ok(kept > 270, `${kept} of the 300 seeded Pods are listed`);
  assert.ok(first.length > 270 && first.length < 330, `${first.length} Pods`);

  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.ok(newest(listed()) > newest(first), 'churn changed Pods with no client writing');

  await waitForOutput(/podview sim: fault: /, 15_000);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGINT');
  assert.equal(await exited, 0);
});
