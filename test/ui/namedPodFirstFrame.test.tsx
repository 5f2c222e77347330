// `kubectl podview POD`: the Pod read before the screen starts (cli/tui.ts puts it in the store
// while the list still loads) is the very first frame, its host view, not a list frame first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PodStore } from '../../src/store/podStore.ts';
import { NOW, userMsvc } from './fixtures.ts';
import { frameWith, renderApp } from './harness.tsx';

test('a named Pod in the store before the list is the first frame drawn, as its host view', async (t) => {
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 60_000, now: () => NOW });
  t.after(() => store.close());
  store.setConnection({ kind: 'loading', loaded: 0 });
  store.apply([{ type: 'ADDED', pod: userMsvc() }]);
  store.flush();
  const { app } = await renderApp({ store, initialPod: { namespace: 'shop', name: 'user-msvc' } });
  await frameWith(app, '1 Containers');
  const first = app.frames[0] ?? '';
  assert.match(first, /1 Containers/, `the first frame:\n${first}`);
  assert.match(first, /shop\/user-msvc/, `the first frame:\n${first}`);
});
