// Container plans: mounts at their paths, one directory per shared volume, one file per
// ConfigMap/Secret key, read-only kubelet volumes, subPath, and the env a container sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { containerEnv, planContainer } from '../../src/sim/exec/containerRoot.ts';
import type { SimWorld } from '../../src/sim/world.ts';

const pod: V1Pod = {
  metadata: { name: 'web', namespace: 'ns', uid: 'u1' },
  spec: {
    containers: [
      {
        name: 'app',
        env: [
          { name: 'MODE', value: 'prod' },
          { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
          { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'level' } } },
          { name: 'PW', valueFrom: { secretKeyRef: { name: 'sec', key: 'pw' } } },
        ],
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
    volumes: [
      { name: 'data', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg' } },
      { name: 'sec', secret: { secretName: 'sec', items: [{ key: 'pw', path: 'nested/password' }] } },
    ],
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

test("a shared volume is one directory bound at each container's own mount path", () => {
  const dir = mkdtempSync(join(tmpdir(), 'podview-root-'));
  try {
    const w = world(dir);
    const app = planContainer(w, pod, 'app');
    const side = planContainer(w, pod, 'side');
    const at = (plan: typeof app, target: string) => plan.mounts.find((m) => m.target === target);
    assert.equal(at(app, '/data')!.source, at(side, '/srv/shared')!.source);
    assert.equal(at(app, '/data')!.readOnly, false);
    assert.equal(readFileSync(join(at(app, '/etc/app')!.source, 'app.yaml'), 'utf8'), 'a: 1\n');
    assert.equal(readFileSync(join(at(app, '/etc/secret')!.source, 'nested', 'password'), 'utf8'), 'hunter2');
    assert.equal(at(app, '/etc/secret')!.readOnly, true, 'a Secret volume is read-only whatever the mount says');
    assert.equal(at(app, '/etc/app')!.readOnly, true, 'so is a ConfigMap volume');
    assert.equal(existsSync(join(at(app, '/etc/secret')!.source, 'other')), false, 'items limit the keys projected');
    assert.ok(at(app, '/escape'), 'a climbing mount path stays inside the container');
    assert.equal(existsSync(join(app.root, 'data')), true, 'mount points exist before bwrap binds over them');
    assert.equal(app.hostname, 'web');
    assert.equal(app.workingDir, '/');
    assert.ok(app.root.startsWith(dir) && app.mounts.every((m) => m.source.startsWith(dir)), "everything writable lives in the sim's temp dir");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a subPath binds one file of a ConfigMap over a file, inside a deeper parent mount', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podview-root-'));
  try {
    const subPod: V1Pod = {
      metadata: { name: 'sub', namespace: 'ns', uid: 'u2' },
      spec: {
        containers: [
          {
            name: 'app',
            volumeMounts: [
              { name: 'cfg', mountPath: '/data/conf/app.yaml', subPath: 'app.yaml' },
              { name: 'data', mountPath: '/data', subPath: 'one' },
            ],
          },
        ],
        volumes: [
          { name: 'data', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'cfg' } },
        ],
      },
    };
    const plan = planContainer(world(dir), subPod, 'app');
    assert.deepEqual(
      plan.mounts.map((m) => m.target),
      ['/data', '/data/conf/app.yaml'],
    );
    const [data, file] = plan.mounts;
    assert.match(data!.source, /volumes\/data\/one$/);
    assert.equal(readFileSync(file!.source, 'utf8'), 'a: 1\n');
    assert.equal(readFileSync(join(data!.source, 'conf', 'app.yaml'), 'utf8'), '', 'the file mount point is made in the parent volume');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('env: literal, ConfigMap-backed and downward API values, never Secret-backed ones; the sandbox PATH', () => {
  const env = containerEnv(world('/nonexistent'), pod, 'app', true);
  assert.equal(env.MODE, 'prod');
  assert.equal(env.LEVEL, 'debug');
  assert.equal(env.CFG_level, 'debug');
  assert.equal(env.PW, undefined);
  assert.equal(env.POD_NAMESPACE, 'ns');
  assert.equal(env.PATH, '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  assert.equal(env.HOME, '/root');
  assert.equal(env.HOSTNAME, 'web');
  assert.equal(env.TERM, 'xterm');
});

test('a downwardAPI volume holds the Pod fields it names, read-only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podview-root-'));
  try {
    const labelled: V1Pod = {
      metadata: { name: 'dw', namespace: 'ns', uid: 'u3', labels: { app: 'web', tier: 'front' } },
      spec: {
        containers: [{ name: 'app', volumeMounts: [{ name: 'info', mountPath: '/etc/podinfo' }] }],
        volumes: [
          {
            name: 'info',
            downwardAPI: {
              items: [
                { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
                { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
              ],
            },
          },
        ],
      },
    };
    const [mount] = planContainer(world(dir), labelled, 'app').mounts;
    assert.equal(mount!.readOnly, true);
    assert.equal(readFileSync(join(mount!.source, 'name'), 'utf8'), 'dw');
    assert.equal(readFileSync(join(mount!.source, 'labels'), 'utf8'), 'app="web"\ntier="front"');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a subPath a container turned into a link out of its volume is not mounted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podview-root-'));
  try {
    const linked: V1Pod = {
      metadata: { name: 'sp', namespace: 'ns', uid: 'u4' },
      spec: {
        containers: [
          { name: 'writer', volumeMounts: [{ name: 'data', mountPath: '/data' }] },
          { name: 'reader', volumeMounts: [{ name: 'data', mountPath: '/host', subPath: 'escape' }] },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    };
    const w = world(dir);
    const [data] = planContainer(w, linked, 'writer').mounts;
    symlinkSync('/etc', join(data!.source, 'escape')); // what `ln -s /etc /data/escape` inside leaves
    assert.deepEqual(planContainer(w, linked, 'reader').mounts, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
