// -f FILE: Pods read from manifests (a Pod, a workload's template, a List, several YAML or
// JSON documents), through the built binary and through the parser itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { podsFromManifests } from '../../src/cli/manifests.ts';
import { UserError } from '../../src/cluster/errors.ts';
import { runBin, tempDir } from './helpers.ts';

const MANIFESTS = `apiVersion: v1
kind: Pod
metadata:
  name: web
  creationTimestamp: 2026-11-25T10:00:00Z
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports: [{ containerPort: 8080 }]
    - name: proxy
      image: envoy:1.31
      ports: [{ containerPort: 8080 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  template:
    metadata: { labels: { app: api } }
    spec:
      containers: [{ name: api, image: api:2 }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
`;

test('Pods and Pod templates come out of multi-document YAML, timestamps stay strings as on the wire', () => {
  const pods = podsFromManifests(MANIFESTS, 'm.yaml', 'default');
  assert.deepEqual(
    pods.map((p) => [p.metadata?.namespace, p.metadata?.name]),
    [
      ['default', 'web'],
      ['shop', 'api (Deployment template)'],
    ],
  );
  assert.equal(pods[0]!.metadata?.creationTimestamp, '2026-11-25T10:00:00Z');
  assert.deepEqual(pods[1]!.metadata?.labels, { app: 'api' });
});

test('a JSON List is read item by item', () => {
  const list = JSON.stringify({
    kind: 'List',
    items: [
      { kind: 'Pod', metadata: { name: 'a' } },
      { kind: 'Pod', metadata: { name: 'b', namespace: 'x' } },
    ],
  });
  assert.deepEqual(
    podsFromManifests(list, '-', 'ns').map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`),
    ['ns/a', 'x/b'],
  );
});

test('text that is not YAML, or YAML without a Pod, is a one-line user error that says what it found', () => {
  assert.throws(
    () => podsFromManifests('a: [unclosed', 'bad.yaml', 'default'),
    (err: unknown) => err instanceof UserError && /^bad\.yaml: not valid YAML or JSON: /.test(err.message) && !err.message.includes('\n'),
  );
  assert.throws(
    () => podsFromManifests('kind: Service\nmetadata: { name: s }\n', 'svc.yaml', 'default'),
    (err: unknown) => err instanceof UserError && err.message === 'svc.yaml: no Pod or Pod template found (found Service)',
  );
});

test('the binary draws a manifest Pod as a host: both containers declare 8080, so the port map shows the conflict', async (t) => {
  const dir = tempDir(t, 'podview-manifests-');
  const file = path.join(dir, 'pods.yaml');
  fs.writeFileSync(file, MANIFESTS);
  const result = await runBin(['-f', file, '--once', '-o', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const snapshot = JSON.parse(result.stdout) as { pods: { name: string; ports: { port: number; conflict: boolean; containers: string[] }[] }[] };
  assert.deepEqual(snapshot.pods.map((p) => p.name).sort(), ['api (Deployment template)', 'web']);
  const web = snapshot.pods.find((p) => p.name === 'web');
  assert.deepEqual(
    web?.ports.map((p) => [p.port, p.containers, p.conflict]),
    [[8080, ['app', 'proxy'], true]],
  );
  const yaml = await runBin(['-f', file, '--once', '-o', 'yaml']);
  assert.equal(yaml.code, 0, yaml.stderr);
  assert.match(yaml.stdout, /^ {4}name: web$/m);
  assert.match(yaml.stdout, /^ {8}conflict: true$/m);
});
