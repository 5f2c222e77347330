// Container roots: mounts at their paths, one directory per shared volume, one file per
// ConfigMap/Secret key, mount paths that cannot escape the root, and the env a container sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { containerEnv, ensureContainerRoot } from '../../src/sim/exec/containerRoot.ts';
import type { SimWorld } from '../../src/sim/world.ts';

const pod: V1Pod = {
  metadata: { name: 'web', namespace: 'ns', uid: 'u1' },
  spec: {
    containers: [
      {
        name: 'app',
        env: [{ name: 'MODE', value: 'prod' }, { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'level' } } }, { name: 'PW', valueFrom: { secretKeyRef: { name: 'sec', key: 'pw' } } }],
        envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
        volumeMounts: [
          { name: 'data', mountPath: '/data' },
          { name: 'cfg', mountPath: '/etc/app' },
          { name: 'sec', mountPath: '/etc/secret' },
          { name: 'data', mountPath: '/../../escape' },
        ],
      },
      { name: 'side', volumeMounts: [{ name: 'data', mountPath: '/srv/shared' }] },
    ],
    volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg' } }, { name: 'sec', secret: { secretName: 'sec', items: [{ key: 'pw', path: 'nested/password' }] } }],
  },
};

function world(dataDir: string): SimWorld {
  return {
    pod: () => pod,
    runtime: () => undefined,
    updatePod: () => undefined,
    authorize: () => undefined,
    onPodChange: () => () => {},
    configMap: (_ns, name) => (name === 'cfg' ? { data: { level: 'debug', 'app.yaml': 'a: 1\n' } } : undefined),
    secret: (_ns, name) => (name === 'sec' ? { data: { pw: Buffer.from('hunter2').toString('base64'), other: 'eA==' } } : undefined),
    dataDir,
    now: () => 0,
  };
}

test('a shared volume is one directory seen from both containers at their own mount paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podview-root-'));
  try {
    const w = world(dir);
    const app = ensureContainerRoot(w, pod, 'app');
    const side = ensureContainerRoot(w, pod, 'side');
    writeFileSync(join(app, 'data', 'x.log'), 'hi\n');
    assert.equal(readFileSync(join(side, 'srv', 'shared', 'x.log'), 'utf8'), 'hi\n');
    assert.equal(realpathSync(join(app, 'data')), realpathSync(join(side, 'srv', 'shared')));
    assert.equal(readFileSync(join(app, 'etc', 'app', 'app.yaml'), 'utf8'), 'a: 1\n');
    assert.equal(readFileSync(join(app, 'etc', 'secret', 'nested', 'password'), 'utf8'), 'hunter2');
    assert.equal(existsSync(join(app, 'etc', 'secret', 'other')), false, 'items limit the keys projected');
    assert.equal(existsSync(join(dir, 'escape')), false);
    assert.equal(existsSync(join(app, 'escape')), true, 'a climbing mount path stays inside the root');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('env: literal and ConfigMap-backed values, never Secret-backed ones; the host PATH kept', () => {
  const env = containerEnv(world('/nonexistent'), pod, 'app', '/root-dir', true);
  assert.equal(env.MODE, 'prod');
  assert.equal(env.LEVEL, 'debug');
  assert.equal(env.CFG_level, 'debug');
  assert.equal(env.PW, undefined);
  assert.equal(env.PATH, process.env.PATH);
  assert.equal(env.HOME, '/root-dir');
  assert.equal(env.TERM, 'xterm');
});
