// ctrl-d: the access review first (a 403 is one line and nothing else), then the confirmation
// naming the Pod, its owner and what happens next; only y/enter deletes, n/esc keep the Pod.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { simplePod, userMsvc } from './fixtures.ts';
import { fakeServices, frameWith, KEY, press, renderApp, rowWith, storeWith, wholeStoreWith } from './harness.tsx';

const CTRL_D = '\u0004';

function ownedBy(pod: V1Pod, kind: string, name: string): V1Pod {
  return { ...pod, metadata: { ...pod.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true }] } };
}

async function listWith(pods: V1Pod[], fresh: V1Pod[] = pods) {
  const services = fakeServices();
  services.yamlPods.push(...fresh);
  const rendered = await renderApp({ store: storeWith(pods), services }, { columns: 160, rows: 20 });
  await frameWith(rendered.app, pods[0]!.metadata!.name!);
  return rendered;
}

test('ctrl-d on a list row: the confirmation names the owner read fresh; y deletes that uid', async () => {
  const pod = ownedBy(simplePod('shop', 'web-7d9-abc'), 'ReplicaSet', 'web-7d9');
  const { app, services } = await listWith([pod]);
  await press(app, CTRL_D);
  const frame = await frameWith(app, 'Delete Pod shop/web-7d9-abc?');
  assert.deepEqual(services.restartChecks, [{ namespace: 'shop', name: 'web-7d9-abc' }], 'the access review is asked first');
  // The list keeps Pods lean (no ownerReferences): the owner comes from the Pod read fresh.
  assert.match(rowWith(frame, 'owner:'), /owner: ReplicaSet web-7d9\s*$/);
  assert.match(rowWith(frame, 'then:'), /its ReplicaSet creates a new Pod in its place/);
  assert.deepEqual(services.restarts, [], 'nothing is deleted before the answer');
  await press(app, 'x', 'q');
  await frameWith(app, 'Delete Pod shop/web-7d9-abc?');
  assert.deepEqual(services.restarts, [], 'a key the question does not name is not an answer');
  await press(app, 'y');
  await frameWith(app, 'deleted pod shop/web-7d9-abc: terminating, 30s grace; its ReplicaSet creates a new Pod in its place');
  assert.deepEqual(services.restarts, [{ namespace: 'shop', name: 'web-7d9-abc', uid: 'uid-shop-web-7d9-abc' }]);
  assert.ok(!app.lastFrame()!.includes('Delete Pod'), 'the question is gone');
  app.unmount();
});

test('a bare Pod is said to be gone for good; n keeps it and nothing is sent', async () => {
  const { app, services } = await listWith([simplePod('shop', 'debug-shell')]);
  await press(app, CTRL_D);
  const frame = await frameWith(app, 'Delete Pod shop/debug-shell?');
  assert.match(rowWith(frame, 'owner:'), /owner: no owner/);
  assert.match(rowWith(frame, 'then:'), /gone for good: no owner will recreate it/);
  await press(app, 'n');
  await frameWith(app, 'pod shop/debug-shell not deleted');
  assert.deepEqual(services.restarts, []);
  app.unmount();
});

test('esc cancels the question and enter confirms it', async () => {
  const { app, services } = await listWith([simplePod('shop', 'web-1')]);
  await press(app, CTRL_D);
  await frameWith(app, 'Delete Pod shop/web-1?');
  await press(app, KEY.esc);
  await frameWith(app, 'pod shop/web-1 not deleted');
  assert.deepEqual(services.restarts, []);
  await press(app, CTRL_D);
  await frameWith(app, 'Delete Pod shop/web-1?');
  await press(app, KEY.enter);
  await frameWith(app, 'deleted pod shop/web-1');
  assert.equal(services.restarts.length, 1);
  app.unmount();
});

test('a 403 from the access review is one line in the status bar and nothing else', async () => {
  const services = fakeServices();
  const refusal = 'forbidden: cannot delete pod "web-1" in namespace "shop" (RBAC: no rule allows it)';
  services.restartCheck = { kind: 'forbidden', message: refusal };
  const { app } = await renderApp({ store: storeWith([simplePod('shop', 'web-1')]), services }, { columns: 140, rows: 20 });
  await frameWith(app, 'web-1');
  await press(app, CTRL_D);
  const frame = await frameWith(app, refusal);
  assert.ok(!frame.includes('Delete Pod'), 'no question is asked');
  assert.equal(frame.split('\n').filter((l) => l.includes('forbidden')).length, 1, 'one line');
  await press(app, 'y');
  assert.deepEqual(services.restarts, [], 'y afterwards deletes nothing');
  app.unmount();
});

test('ctrl-d in the Pod view names the owner chain the focus feed resolved; a delete error is one line', async () => {
  const pod = ownedBy(userMsvc(), 'ReplicaSet', 'user-msvc-6f8');
  const services = fakeServices();
  services.yamlPods.push(pod);
  services.restartOutcome = { kind: 'error', message: 'pod "user-msvc" was replaced by a newer Pod of the same name: nothing deleted' };
  const { app, props } = await renderApp({ store: wholeStoreWith([pod]), services, initialPod: { namespace: 'shop', name: 'user-msvc' } }, { columns: 120, rows: 30 });
  await frameWith(app, '1 Containers');
  props.focused.write(
    { namespace: 'shop', name: 'user-msvc' },
    {
      details: {
        notes: [],
        owners: [
          { kind: 'ReplicaSet', name: 'user-msvc-6f8', resolved: true },
          { kind: 'Deployment', name: 'user-msvc', resolved: true },
        ],
      },
    },
  );
  await press(app, CTRL_D);
  const frame = await frameWith(app, 'Delete Pod shop/user-msvc?');
  assert.match(rowWith(frame, 'owner:'), /owner: ReplicaSet user-msvc-6f8 of Deployment user-msvc\s*$/);
  await press(app, 'y');
  await frameWith(app, 'was replaced by a newer Pod of the same name: nothing deleted');
  await frameWith(app, '1 Containers');
  app.unmount();
});
