// openList: a list page asked for ahead of time and read later, as podWatch pages do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openList } from '../../src/cluster/request.ts';
import { ApiError } from '../../src/cluster/errors.ts';
import { fakePod, startFakeApi } from './fakeApiServer.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('a page opened ahead survives garbage collection until it is read', async (t) => {
  const api = await startFakeApi();
  t.after(() => api.close());
  for (let i = 0; i < 30; i++) api.upsert(fakePod(`p${String(i).padStart(2, '0')}`));
  const page = await openList(api.kubeConfig, '/api/v1/pods', { limit: 20 });
  // undici cancels the body of a collected Response whose stream nobody holds: collect (and
  // let the finalizers run) before reading.
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const names: string[] = [];
  const rest = await page.read({ onItems: (items) => names.push(...items.map((p) => (p as { metadata: { name: string } }).metadata.name)) });
  assert.equal(names.length, 20);
  assert.equal(names[0], 'p00');
  assert.deepEqual(rest, { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: String(api.rv), continue: '20' }, items: [] });
});

test('an answer that is not 2xx throws ApiError with the server Status, as getJson does', async (t) => {
  const api = await startFakeApi();
  t.after(() => api.close());
  api.forbidClusterScope = true;
  await assert.rejects(openList(api.kubeConfig, '/api/v1/pods', { limit: 5 }), (err: unknown) => err instanceof ApiError && err.statusCode === 403);
});
