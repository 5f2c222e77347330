// The kubeconfig rules end to end: an exec credential plugin and a merged KUBECONFIG list,
// each used for a real list+watch against the simulated API server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/cluster/config.ts';
import { startPodWatch } from '../../src/cluster/podWatch.ts';
import { startSim } from '../../src/sim/index.ts';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { waitFor } from './waitFor.ts';

test('an exec credential plugin supplies the token, and a KUBECONFIG list merges with it', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-exec-'));
  const sim = await startSim({ scenario: demoScenario(Date.now()), tls: true });
  t.after(async () => {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const plugin = path.join(dir, 'plugin.mjs');
  fs.writeFileSync(plugin, `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: ${JSON.stringify(sim.token)} } }));\n`);
  const ca = Buffer.from(sim.caPem!).toString('base64');
  // First file: only a context and a preference for it; second: the cluster and the exec user.
  const first = path.join(dir, 'first.yaml');
  fs.writeFileSync(
    first,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: via-exec',
      'contexts:',
      '- name: via-exec',
      '  context:',
      '    cluster: sim',
      '    user: exec-user',
      '    namespace: shop',
      'clusters: []',
      'users: []',
      '',
    ].join('\n'),
  );
  const second = path.join(dir, 'second.yaml');
  fs.writeFileSync(
    second,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: other',
      'contexts:',
      '- name: other',
      '  context:',
      '    cluster: sim',
      '    user: exec-user',
      'clusters:',
      '- name: sim',
      '  cluster:',
      `    server: ${sim.url}`,
      `    certificate-authority-data: ${ca}`,
      'users:',
      '- name: exec-user',
      '  user:',
      '    exec:',
      '      apiVersion: client.authentication.k8s.io/v1',
      `      command: ${JSON.stringify(process.execPath)}`,
      `      args: [${JSON.stringify(plugin)}]`,
      '      interactiveMode: Never',
      '',
    ].join('\n'),
  );
  const config = loadConfig({ env: { KUBECONFIG: [first, path.join(dir, 'missing.yaml'), second].join(path.delimiter) } });
  assert.equal(config.contextName, 'via-exec');
  assert.equal(config.namespace, 'shop');
  const store = new PodStore({ frameMs: 0 });
  const watch = startPodWatch({ kubeConfig: config.kubeConfig, namespace: config.namespace, store });
  t.after(() => watch.stop());
  await waitFor('live', () => store.connection.kind === 'live');
  assert.ok(store.size > 0);
  assert.deepEqual(store.namespaces(), ['shop']);
});
