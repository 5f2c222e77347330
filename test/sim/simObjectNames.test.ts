// Object names enter the sim only as kube-apiserver lets them in: a name that is not a DNS-1123
// subdomain (a Namespace's: label; a container's: label) is a 422 Invalid with its message,
// so no name like "../../../../tmp/x" can reach a path on the disk.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { raw, startTestSim, testPod, type TestSim } from './simHarness.ts';

const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('sim rejects object names kube-apiserver rejects', () => {
  let t: TestSim;
  before(async () => {
    t = await startTestSim();
  });
  after(() => t?.close());

  const post = (path: string, obj: object) => raw(t.sim, path, { method: 'POST', body: JSON.stringify(obj), headers: { 'Content-Type': 'application/json' } });

  test('a Pod named ../../../../tmp/x: 422 Invalid with the DNS-1123 message, and nothing stored', async () => {
    const name = '../../../../tmp/x';
    const r = await post('/api/v1/namespaces/default/pods', testPod(name));
    assert.equal(r.status, 422);
    const s = JSON.parse(r.body);
    assert.equal(s.reason, 'Invalid');
    assert.equal(s.message, `Pod "${name}" is invalid: metadata.name: Invalid value: "${name}": ${SUBDOMAIN_MESSAGE}`);
    assert.deepEqual(s.details.causes, [{ reason: 'FieldValueInvalid', message: `Invalid value: "${name}": ${SUBDOMAIN_MESSAGE}`, field: 'metadata.name' }]);
    assert.equal(t.sim.control.get('pods', 'default', name), undefined);
  });

  test('a container named ../x, a namespace ../x in the path and a Namespace named ..: 422 with the DNS-1123 label message', async () => {
    const pod = testPod('fine-name', { containers: ['../x'] });
    const r = await post('/api/v1/namespaces/default/pods', pod);
    assert.equal(r.status, 422);
    assert.equal(JSON.parse(r.body).message, `Pod "fine-name" is invalid: spec.containers[0].name: Invalid value: "../x": ${LABEL_MESSAGE}`);
    const inPath = testPod('fine-name');
    delete inPath.metadata!.namespace;
    const escaping = await post('/api/v1/namespaces/..%2Fx/pods', inPath);
    assert.equal(escaping.status, 422);
    assert.equal(JSON.parse(escaping.body).message, `Pod "fine-name" is invalid: metadata.namespace: Invalid value: "../x": ${LABEL_MESSAGE}`);
    const ns = await post('/api/v1/namespaces', { metadata: { name: '..' } });
    assert.equal(ns.status, 422);
    assert.equal(JSON.parse(ns.body).message, `Namespace ".." is invalid: metadata.name: Invalid value: "..": ${LABEL_MESSAGE}`);
  });

  test('a Deployment with an upper-case name: the group in the kind, and a valid name is created', async () => {
    const bad = await post('/apis/apps/v1/namespaces/default/deployments', { metadata: { name: 'Web' }, spec: {} });
    assert.equal(bad.status, 422);
    assert.match(JSON.parse(bad.body).message, /^Deployment\.apps "Web" is invalid: metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/);
    const ok = await post('/api/v1/namespaces/default/pods', testPod('ok-name.v2'));
    assert.equal(ok.status, 201);
  });

  test('a client-sent uid is replaced by the server', async () => {
    const pod = testPod('uid-probe');
    pod.metadata!.uid = '../../../../tmp/u';
    const r = await post('/api/v1/namespaces/default/pods', pod);
    assert.equal(r.status, 201);
    assert.match(JSON.parse(r.body).metadata.uid, /^[0-9a-f-]{36}$/);
  });

  test('the control API refuses such names too', () => {
    assert.throws(() => t.sim.control.create('pods', testPod('../escape')), /Pod "\.\.\/escape" is invalid/);
  });

  test('an ephemeral container named ../../../../../../tmp/x: 422, the Pod unchanged', async () => {
    const name = '../../../../../../tmp/x';
    const r = await raw(t.sim, '/api/v1/namespaces/default/pods/web-2/ephemeralcontainers', {
      method: 'PATCH',
      body: JSON.stringify({ spec: { ephemeralContainers: [{ name, image: 'busybox:1', command: ['sh'] }] } }),
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
    });
    assert.equal(r.status, 422);
    assert.equal(JSON.parse(r.body).message, `Pod "web-2" is invalid: spec.ephemeralContainers[0].name: Invalid value: "${name}": ${LABEL_MESSAGE}`);
    assert.equal(t.sim.control.get('pods', 'default', 'web-2')?.spec?.ephemeralContainers, undefined);
  });

  test('an exec at an escaping name finds no Pod and creates no directory outside the data dir', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('x-'));
    const r = await raw(t.sim, '/api/v1/namespaces/default/pods/..%2F..%2F..%2F..%2Ftmp%2Fx/exec?command=true&stdout=1', {
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'v5.channel.k8s.io' },
    }).catch((err: Error) => ({ status: 0, body: err.message, headers: {} }));
    assert.equal(r.status, 404);
    assert.deepEqual(
      readdirSync(tmpdir()).filter((n) => n.startsWith('x-')),
      before,
    );
    assert.equal(existsSync('/tmp/x'), false);
  });
});
