// -f with a StatefulSet: its volumeClaimTemplates are volumes of every Pod it makes, so a
// mount of one is declared (it used to be a false VolumeNotDeclared error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podsFromManifests } from '../../src/cli/manifests.ts';
import { buildPodHost } from '../../src/model/podHost.ts';

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: shop }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers:
        - name: postgres
          image: postgres:17
          volumeMounts:
            - { name: data, mountPath: /var/lib/postgresql/data }
            - { name: wal, mountPath: /wal }
            - { name: config, mountPath: /etc/postgresql, readOnly: true }
      volumes:
        - { name: config, configMap: { name: db-config } }
        - { name: wal, emptyDir: {} }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }
    - metadata: { name: wal }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;

test('a mount of a volumeClaimTemplate is a declared volume, backed by the claim the controller makes', () => {
  const [pod] = podsFromManifests(STATEFULSET, 'db.yaml', 'default');
  const host = buildPodHost(pod!, { now: Date.parse('2026-11-25T10:00:00Z') });
  assert.deepEqual(
    host.diagnosis.filter((d) => d.code === 'VolumeNotDeclared'),
    [],
  );
  const data = host.volumes.find((v) => v.name === 'data')!;
  assert.deepEqual(data.source, { kind: 'persistentVolumeClaim', claimName: 'data-db-<ordinal>', readOnly: false });
  assert.deepEqual(
    data.mounts.map((m) => m.mountPath),
    ['/var/lib/postgresql/data'],
  );
  // A volume the template declares itself keeps its own source.
  assert.equal(host.volumes.find((v) => v.name === 'wal')!.source.kind, 'emptyDir');
  assert.equal(host.volumes.filter((v) => v.name === 'wal').length, 1);
});

test('a StatefulSet without claim templates, and other workloads, are read as before', () => {
  const plain = STATEFULSET.replace(/ {2}volumeClaimTemplates:[\s\S]*$/, '');
  const [pod] = podsFromManifests(plain, 'db.yaml', 'default');
  const host = buildPodHost(pod!, { now: 0 });
  assert.deepEqual(
    host.diagnosis.filter((d) => d.code === 'VolumeNotDeclared').map((d) => d.message),
    ['volume data is mounted by postgres but not declared'],
  );
  const [deploy] = podsFromManifests(STATEFULSET.replace('kind: StatefulSet', 'kind: Deployment'), 'd.yaml', 'default');
  assert.deepEqual(
    (deploy!.spec?.volumes ?? []).map((v) => v.name),
    ['config', 'wal'],
  );
});
