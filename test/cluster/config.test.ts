import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, mergeKubeconfigFiles, parseRequestTimeout } from '../../src/cluster/config.ts';
import { UserError } from '../../src/cluster/errors.ts';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-config-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function kubeconfig(opts: { current?: string; clusters?: [string, string][]; users?: [string, string][]; contexts?: [string, string, string, string?][] }): string {
  const lines = ['apiVersion: v1', 'kind: Config'];
  if (opts.current) lines.push(`current-context: ${opts.current}`);
  lines.push('clusters:');
  for (const [name, server] of opts.clusters ?? []) lines.push(`- name: ${name}`, '  cluster:', `    server: ${server}`);
  lines.push('users:');
  for (const [name, token] of opts.users ?? []) lines.push(`- name: ${name}`, '  user:', `    token: ${token}`);
  lines.push('contexts:');
  for (const [name, cluster, user, ns] of opts.contexts ?? []) {
    lines.push(`- name: ${name}`, '  context:', `    cluster: ${cluster}`, `    user: ${user}`);
    if (ns) lines.push(`    namespace: ${ns}`);
  }
  return `${lines.join('\n')}\n`;
}

test('--kubeconfig reads that file alone and takes the context namespace', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'a.yaml');
  fs.writeFileSync(file, kubeconfig({ current: 'dev', clusters: [['c1', 'https://one.example:6443']], users: [['u1', 't1']], contexts: [['dev', 'c1', 'u1', 'web']] }));
  const loaded = loadConfig({ kubeconfig: file, env: { KUBECONFIG: '/nonexistent' } });
  assert.equal(loaded.contextName, 'dev');
  assert.equal(loaded.namespace, 'web');
  assert.equal(loaded.server, 'https://one.example:6443');
});

test('KUBECONFIG list: first file to define a name or current-context wins, missing files skipped', (t) => {
  const dir = tempDir(t);
  const a = path.join(dir, 'a.yaml');
  const b = path.join(dir, 'b.yaml');
  fs.writeFileSync(a, kubeconfig({ clusters: [['shared', 'https://from-a:1']], users: [['ua', 'ta']], contexts: [['ctx-a', 'shared', 'ua']] }));
  fs.writeFileSync(
    b,
    kubeconfig({
      current: 'ctx-b',
      clusters: [
        ['shared', 'https://from-b:2'],
        ['only-b', 'https://b-only:3'],
      ],
      users: [
        ['ua', 'tb'],
        ['ub', 'tb'],
      ],
      contexts: [
        ['ctx-b', 'shared', 'ua', 'ns-b'],
        ['ctx-a', 'only-b', 'ub'],
      ],
    }),
  );
  const env = { KUBECONFIG: [path.join(dir, 'missing.yaml'), a, b].join(path.delimiter) };
  const loaded = loadConfig({ env });
  assert.equal(loaded.contextName, 'ctx-b', 'current-context from the first file that sets it');
  assert.equal(loaded.server, 'https://from-a:1', 'cluster "shared" from the first file');
  assert.equal(loaded.namespace, 'ns-b');
  assert.equal(loaded.kubeConfig.getCurrentUser()?.token, 'ta', 'user "ua" from the first file');
  const other = loadConfig({ env, context: 'ctx-a' });
  assert.equal(other.server, 'https://from-a:1', 'context "ctx-a" from the first file');
  assert.equal(other.namespace, 'default');
});

test('duplicate names inside one file do not crash', (t) => {
  const dir = tempDir(t);
  const a = path.join(dir, 'a.yaml');
  fs.writeFileSync(
    a,
    kubeconfig({
      current: 'x',
      clusters: [
        ['c', 'https://first:1'],
        ['c', 'https://second:2'],
      ],
      users: [
        ['u', '1'],
        ['u', '2'],
      ],
      contexts: [
        ['x', 'c', 'u'],
        ['x', 'c', 'u', 'later'],
      ],
    }),
  );
  const { kubeConfig } = mergeKubeconfigFiles([a, a]);
  assert.equal(kubeConfig.getCurrentCluster()?.server, 'https://first:1');
  assert.equal(loadConfig({ env: { KUBECONFIG: a } }).namespace, 'default');
});

test('--context, --cluster, --user and --namespace override the kubeconfig', (t) => {
  const dir = tempDir(t);
  const a = path.join(dir, 'a.yaml');
  fs.writeFileSync(
    a,
    kubeconfig({
      current: 'one',
      clusters: [
        ['c1', 'https://c1:1'],
        ['c2', 'https://c2:2'],
      ],
      users: [
        ['u1', 't1'],
        ['u2', 't2'],
      ],
      contexts: [
        ['one', 'c1', 'u1', 'n1'],
        ['two', 'c1', 'u1'],
      ],
    }),
  );
  const loaded = loadConfig({ kubeconfig: a, context: 'two', cluster: 'c2', user: 'u2', namespace: 'kube-system' });
  assert.equal(loaded.contextName, 'two');
  assert.equal(loaded.server, 'https://c2:2');
  assert.equal(loaded.kubeConfig.getCurrentUser()?.token, 't2');
  assert.equal(loaded.namespace, 'kube-system');
});

test('errors are one clear line', (t) => {
  const dir = tempDir(t);
  const a = path.join(dir, 'a.yaml');
  fs.writeFileSync(a, kubeconfig({ current: 'one', clusters: [['c1', 'https://c1:1']], users: [['u1', 'secret-token-value']], contexts: [['one', 'c1', 'u1']] }));
  const broken = path.join(dir, 'broken.yaml');
  fs.writeFileSync(broken, 'clusters: [\n  - {name: x\n');
  const cases: [() => unknown, RegExp][] = [
    [() => loadConfig({ kubeconfig: a, context: 'nope' }), /^context "nope" not found in kubeconfig$/],
    [() => loadConfig({ kubeconfig: path.join(dir, 'missing.yaml') }), /^kubeconfig .*missing\.yaml: no such file$/],
    [() => loadConfig({ kubeconfig: broken }), /^kubeconfig .*broken\.yaml: /],
    [() => loadConfig({ kubeconfig: a, cluster: 'nope' }), /^cluster "nope" not found/],
    [() => loadConfig({ env: { KUBECONFIG: path.join(dir, 'none.yaml') } }), /none of the files in KUBECONFIG exist/],
    [() => loadConfig({ env: {}, homeDir: dir }), /\.kube\/config: no such file/],
    [() => loadConfig({ kubeconfig: a, requestTimeout: 'soon' }), /invalid --request-timeout/],
  ];
  for (const [run, expected] of cases) {
    assert.throws(run, (err: unknown) => {
      assert.ok(err instanceof UserError, `UserError, got ${String(err)}`);
      assert.match(err.message, expected);
      assert.ok(!err.message.includes('\n'));
      assert.ok(!err.message.includes('secret-token-value'));
      return true;
    });
  }
});

test('~/.kube/config is used when KUBECONFIG is unset', (t) => {
  const dir = tempDir(t);
  fs.mkdirSync(path.join(dir, '.kube'));
  fs.writeFileSync(path.join(dir, '.kube', 'config'), kubeconfig({ current: 'h', clusters: [['c', 'https://home:1']], users: [['u', 't']], contexts: [['h', 'c', 'u', 'ns-home']] }));
  const loaded = loadConfig({ env: {}, homeDir: dir });
  assert.equal(loaded.server, 'https://home:1');
  assert.equal(loaded.namespace, 'ns-home');
});

test('--request-timeout follows kubectl: bare seconds, units, 0 means none', () => {
  assert.equal(parseRequestTimeout('5'), 5000);
  assert.equal(parseRequestTimeout('1m'), 60_000);
  assert.equal(parseRequestTimeout('250ms'), 250);
  assert.equal(parseRequestTimeout('0'), 0);
});
