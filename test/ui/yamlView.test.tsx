// `y`: the Pod's YAML screen, from the Pod view and from a list row. managedFields folded until
// `m`, scrolling, search with n/N, `w` saving through saveText, a read error as one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { podYaml } from '../../src/model/podYaml.ts';
import { simplePod, userMsvc } from './fixtures.ts';
import { fakeServices, frameWhere, frameWith, KEY, press, renderApp, rowWith, storeWith, wholeStoreWith } from './harness.tsx';

function withManagedFields(pod: V1Pod): V1Pod {
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      managedFields: [
        { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} } },
        { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', subresource: 'status', fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} } },
      ],
    },
  };
}

async function openYamlOnHost(rows = 40) {
  const services = fakeServices();
  const pod = withManagedFields(userMsvc());
  services.yamlPods.push(pod);
  const rendered = await renderApp({ store: wholeStoreWith([userMsvc()]), services, initialPod: { namespace: 'shop', name: 'user-msvc' } }, { columns: 120, rows });
  await frameWith(rendered.app, '1 Containers');
  await press(rendered.app, 'y');
  await frameWith(rendered.app, 'yaml shop/user-msvc · ');
  return { ...rendered, pod };
}

test('y in the Pod view shows the whole Pod as YAML, managedFields folded until m; esc goes back', async () => {
  const { app, services, pod } = await openYamlOnHost();
  let frame = await frameWith(app, 'managedFields: (2 entries, folded)');
  assert.deepEqual(services.yamlRequests[0], { namespace: 'shop', name: 'user-msvc', managedFields: false });
  assert.match(frame, /^apiVersion: v1$/m);
  assert.match(frame, /^kind: Pod$/m);
  assert.match(frame, /# managedFields: \(2 entries, folded\)/);
  assert.ok(!frame.includes('kubectl-client-side-apply'), 'folded: the managers are not shown');
  assert.ok(frame.includes(`${podYaml(pod).lines.length} lines`), 'the header counts the lines');
  await press(app, 'm');
  frame = await frameWith(app, 'managedFields shown');
  assert.equal(services.yamlRequests.at(-1)?.managedFields, true);
  assert.match(frame, /manager: kubectl-client-side-apply/);
  await press(app, 'm');
  await frameWith(app, 'managedFields: (2 entries, folded)');
  await press(app, KEY.esc);
  await frameWith(app, '1 Containers');
  app.unmount();
});

test('the YAML scrolls with j/k, PgDn/PgUp, g/G on a short screen', async () => {
  const { app, pod } = await openYamlOnHost(12);
  const lines = podYaml(pod).lines;
  const body = 10;
  let frame = await frameWith(app, `1-${body}`);
  assert.match(frame, /^apiVersion: v1/m);
  await press(app, 'G');
  frame = await frameWith(app, `${lines.length - body + 1}-${lines.length}`);
  assert.ok(frame.includes(lines.at(-1)!.slice(0, 60)), 'G shows the last line');
  await press(app, 'g');
  await frameWith(app, `1-${body}`);
  await press(app, 'j');
  frame = await frameWith(app, `2-${body + 1}`);
  assert.ok(!/^apiVersion: v1/m.test(frame), 'j scrolled the first line away');
  await press(app, 'k');
  await frameWith(app, `1-${body}`);
  await press(app, KEY.pageDown);
  await frameWith(app, `${body + 1}-${2 * body}`);
  await press(app, KEY.pageUp);
  await frameWith(app, `1-${body}`);
  app.unmount();
});

test('/ searches the YAML like the log view: every match bracketed, n and N step through them', async () => {
  const { app, pod } = await openYamlOnHost(14);
  const total = podYaml(pod).lines.filter((l) => /cloudsql/i.test(l)).length;
  assert.ok(total >= 2, 'the fixture names cloudsql more than once');
  await press(app, '/', ...'cloudsql', KEY.enter);
  let frame = await frameWith(app, `1/${total} matches`);
  assert.ok(frame.includes('[cloudsql]'), 'the match is shown (bracketed without colour)');
  await press(app, 'n');
  frame = await frameWith(app, `2/${total} matches`);
  await press(app, 'N');
  await frameWith(app, `1/${total} matches`);
  await press(app, 'N');
  frame = await frameWith(app, `${total}/${total} matches`);
  assert.ok(frame.includes('[cloudsql]'), 'the last match is on screen');
  app.unmount();
});

test('w writes the YAML shown to a new file through saveText and says where', async () => {
  const { app, services, pod } = await openYamlOnHost();
  await press(app, 'w');
  const lines = podYaml(pod).lines.length;
  await frameWith(app, `saved ${lines} lines to /tmp/shop_user-msvc.yaml`);
  assert.deepEqual(services.saved, [{ name: 'shop_user-msvc.yaml', text: podYaml(pod).text }]);
  app.unmount();
});

test('a YAML read error is one line; q quits from the YAML screen', async () => {
  const services = fakeServices();
  const { app, exits } = await renderApp({ store: storeWith([simplePod('shop', 'web-1')]), services }, { columns: 120, rows: 20 });
  await frameWith(app, 'web-1');
  await press(app, 'y');
  const frame = await frameWith(app, 'yaml: pod "web-1" not found');
  assert.equal(rowWith(frame, 'yaml: pod'), 'yaml: pod "web-1" not found in namespace "shop"');
  await press(app, 'q');
  await frameWhere(app, () => exits() === 1, 'q quits');
  app.unmount();
});

test('y on a list row opens that Pod’s YAML; esc is back on the list', async () => {
  const services = fakeServices();
  services.yamlPods.push(simplePod('shop', 'web-1'), simplePod('shop', 'web-2'));
  const { app } = await renderApp({ store: storeWith([simplePod('shop', 'web-1'), simplePod('shop', 'web-2')]), services }, { columns: 120, rows: 20 });
  await frameWith(app, 'web-2');
  await press(app, 'j', 'y');
  const frame = await frameWith(app, 'yaml shop/web-2');
  assert.match(frame, /^ {2}name: web-2$/m);
  assert.deepEqual(services.yamlRequests, [{ namespace: 'shop', name: 'web-2', managedFields: false }]);
  await press(app, KEY.esc);
  await frameWith(app, 'NAME');
  app.unmount();
});
