// Bad input to the sim: each gets a proper Status with the right code and reason, and the
// server keeps serving afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { raw, startTestSim, type TestSim } from './simHarness.ts';

describe('sim answers bad requests with a Status', () => {
  let t: TestSim;
  before(async () => {
    t = await startTestSim({ metrics: false });
  });
  after(() => t?.close());

  const cases: { name: string; path: string; token?: string | null; method?: string; body?: string; headers?: Record<string, string>; code: number; reason: string; message?: RegExp }[] = [
    { name: 'no token', path: '/api/v1/pods', token: null, code: 401, reason: 'Unauthorized' },
    { name: 'a wrong token', path: '/api/v1/pods', token: 'not-the-token', code: 401, reason: 'Unauthorized' },
    { name: 'an unknown path', path: '/apis/nope.example.com/v1/widgets', code: 404, reason: 'NotFound', message: /could not find the requested resource/ },
    { name: 'an unknown resource', path: '/api/v1/namespaces/default/widgets', code: 404, reason: 'NotFound' },
    { name: 'a malformed label selector', path: '/api/v1/pods?labelSelector=app%20in%20(web', code: 400, reason: 'BadRequest', message: /unable to parse requirement/ },
    { name: 'a bad label key', path: '/api/v1/pods?labelSelector=-bad-=x', code: 400, reason: 'BadRequest' },
    { name: 'an unsupported field selector', path: '/api/v1/pods?fieldSelector=spec.hostname%3Dx', code: 400, reason: 'BadRequest', message: /field label not supported: spec.hostname/ },
    { name: 'a garbage continue token', path: '/api/v1/pods?limit=1&continue=%%%', code: 400, reason: 'BadRequest' },
    { name: 'an unknown Pod', path: '/api/v1/namespaces/default/pods/ghost', code: 404, reason: 'NotFound', message: /^pods "ghost" not found$/ },
    { name: 'a write to a read-only resource', path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', method: 'GET', code: 405, reason: 'MethodNotAllowed' },
    { name: 'metrics when metrics are off', path: '/apis/metrics.k8s.io/v1beta1/pods', code: 404, reason: 'NotFound' },
    { name: 'a non-JSON create body', path: '/api/v1/namespaces/default/configmaps', method: 'POST', body: '{nope', code: 400, reason: 'BadRequest' },
    {
      name: 'a server-side apply (YAML)',
      path: '/api/v1/namespaces/default/pods/web-1',
      method: 'PATCH',
      body: 'metadata:\n  labels: {a: b}\n',
      headers: { 'Content-Type': 'application/apply-patch+yaml' },
      code: 415,
      reason: 'UnsupportedMediaType',
    },
  ];

  for (const c of cases) {
    test(`${c.name}: ${c.code} ${c.reason}`, async () => {
      const r = await raw(t.sim, c.path, { token: c.token, method: c.method, body: c.body, headers: c.headers });
      assert.equal(r.status, c.code);
      assert.match(String(r.headers['content-type']), /application\/json/);
      const s = JSON.parse(r.body);
      assert.equal(s.kind, 'Status');
      assert.equal(s.apiVersion, 'v1');
      assert.equal(s.status, 'Failure');
      assert.equal(s.code, c.code);
      assert.equal(s.reason, c.reason);
      if (c.message) assert.match(s.message, c.message);
      const ok = await raw(t.sim, '/api/v1/namespaces/default/pods/web-1');
      assert.equal(ok.status, 200, 'the server keeps serving');
    });
  }

  test('metrics off: the group is absent from discovery', async () => {
    const groups = JSON.parse((await raw(t.sim, '/apis')).body).groups.map((g: { name: string }) => g.name);
    assert.deepEqual(groups.sort(), ['apps', 'authorization.k8s.io', 'batch']);
  });
});
