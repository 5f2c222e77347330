import { test } from 'node:test';
import assert from 'node:assert/strict';
import { volumeViews } from '../../src/model/volumes.ts';

const pod = {
  spec: {
    volumes: [
      { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } },
      { name: 'tls', secret: { secretName: 'tls', items: [{ key: 'tls.crt', path: 'cert.pem' }], defaultMode: 0o440 } },
      { name: 'conf', configMap: { name: 'app', items: [{ key: 'a.yaml', path: 'a.yaml' }] } },
      {
        name: 'all',
        projected: {
          sources: [{ secret: { name: 's' } }, { configMap: { name: 'c' } }, { serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }, { downwardAPI: { items: [{ path: 'labels' }] } }],
        },
      },
      { name: 'data', persistentVolumeClaim: { claimName: 'data-0', readOnly: true } },
      { name: 'sock', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } },
      { name: 'meta', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      { name: 'secrets-store', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true } },
      { name: 'model', image: { reference: 'ghcr.io/x/model:1', pullPolicy: 'IfNotPresent' } },
      { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } } } },
      { name: 'share', nfs: { server: 'nfs.local', path: '/exports' } },
      { name: 'legacy', gitRepo: { repository: 'https://example/x.git', revision: 'main' } },
    ],
    containers: [
      {
        name: 'a',
        volumeMounts: [
          { name: 'cache', mountPath: '/cache' },
          { name: 'conf', mountPath: '/etc/app/a.yaml', subPath: 'a.yaml', readOnly: true },
          { name: 'ghost', mountPath: '/ghost' },
        ],
      },
      { name: 'b', volumeMounts: [{ name: 'cache', mountPath: '/cache', readOnly: true }] },
    ],
  },
};

test('each source kind with details and a one-line summary', () => {
  const views = volumeViews(pod);
  const summary = Object.fromEntries(views.map((v) => [v.name, v.summary]));
  assert.deepEqual(summary, {
    cache: 'emptyDir (Memory, 1Gi)',
    tls: 'secret tls [tls.crt->cert.pem] mode 0440',
    conf: 'configMap app [a.yaml]',
    all: 'projected (secret s, configMap c, serviceAccountToken, downwardAPI)',
    data: 'pvc data-0 (ro)',
    sock: 'hostPath /var/run/docker.sock (Socket)',
    meta: 'downwardAPI (labels)',
    'secrets-store': 'csi secrets-store.csi.k8s.io',
    model: 'image ghcr.io/x/model:1',
    scratch: 'ephemeral pvc 10Gi (fast)',
    share: 'nfs nfs.local:/exports',
    legacy: 'gitRepo',
    ghost: 'not declared in spec.volumes',
  });
  const byName = Object.fromEntries(views.map((v) => [v.name, v.source]));
  assert.deepEqual(byName.cache, { kind: 'emptyDir', medium: 'Memory', sizeLimit: '1Gi' });
  assert.deepEqual(byName.data, { kind: 'persistentVolumeClaim', claimName: 'data-0', readOnly: true });
  assert.deepEqual(byName.legacy, { kind: 'gitRepo', repository: 'https://example/x.git', revision: 'main' });
  assert.equal((byName.all!.sources as { kind: string }[]).length, 4);
  assert.deepEqual(byName.meta!.items, [{ path: 'labels', field: 'metadata.labels' }]);
});

test('mounts per container, subPath, readOnly, shared', () => {
  const views = volumeViews(pod);
  const cache = views.find((v) => v.name === 'cache');
  assert.equal(cache?.shared, true);
  assert.deepEqual(cache?.mounts, [
    { container: 'a', mountPath: '/cache', readOnly: false },
    { container: 'b', mountPath: '/cache', readOnly: true },
  ]);
  const conf = views.find((v) => v.name === 'conf');
  assert.equal(conf?.shared, false);
  assert.deepEqual(conf?.mounts, [{ container: 'a', mountPath: '/etc/app/a.yaml', readOnly: true, subPath: 'a.yaml' }]);
  assert.equal(views.find((v) => v.name === 'ghost')?.source.kind, 'missing');
});

test('one container mounting a volume twice is not sharing it', () => {
  const views = volumeViews({
    spec: {
      volumes: [{ name: 'v', emptyDir: {} }],
      containers: [
        {
          name: 'a',
          volumeMounts: [
            { name: 'v', mountPath: '/x' },
            { name: 'v', mountPath: '/y' },
          ],
        },
      ],
    },
  });
  assert.equal(views[0]!.shared, false);
  assert.equal(views[0]!.mounts.length, 2);
});
