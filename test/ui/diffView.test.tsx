// `d` in the Pod view: the replica diff screen, its loading state, the one line for a Pod with
// no sibling, and its keys. The fake pickReplica runs the real pickSibling over crafted Pods,
// as cluster/replicaPick does over the listed ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { diffPods } from '../../src/model/diffPods.ts';
import { pickSibling } from '../../src/model/pickSibling.ts';
import { diffBody } from '../../src/ui/diff/diffLines.ts';
import type { ReplicaOutcome } from '../../src/store/replicaRequests.ts';
import { DIFF_KEYS } from '../../src/ui/diff/diffKeys.ts';
import { userMsvc } from './fixtures.ts';
import { fakeServices, frameWhere, frameWith, KEY, press, renderApp, rowWith, wholeStoreWith, type FakeServices } from './harness.tsx';

const OWNER = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'user-msvc-7c9d', uid: 'rs-uid', controller: true };

function replica(name: string, change: (pod: V1Pod) => void = () => {}): V1Pod {
  const pod = userMsvc();
  pod.metadata = { ...pod.metadata, name, uid: `uid-${name}`, ownerReferences: [OWNER] };
  change(pod);
  return pod;
}

const lineMatching = (frame: string, re: RegExp): string => frame.split('\n').find((l) => re.test(l)) ?? '';

function siblingsFrom(services: FakeServices, candidates: V1Pod[]): void {
  services.pickReplica = async (pod) => {
    services.replicaAsks.push(pod);
    const pick = pickSibling(pod, candidates);
    return pick.ok ? { kind: 'sibling', pod: pick.pod, usage: { 'user-msvc': { cpuCores: 0.2, memoryBytes: 100 * 1024 * 1024 } } } : { kind: 'none', reason: pick.reason };
  };
}

test('d on a bare Pod says in one line that it has no sibling; esc goes back to the Pod view', async () => {
  const services = fakeServices();
  siblingsFrom(services, [userMsvc()]);
  const { app } = await renderApp({ store: wholeStoreWith([userMsvc()]), services, initialPod: { namespace: 'shop', name: 'user-msvc' } }, { columns: 120, rows: 30 });
  await frameWith(app, '1 Containers');
  await press(app, 'd');
  const frame = await frameWith(app, 'has no owner');
  assert.match(frame, /pod "user-msvc" has no owner, so it has no sibling to compare with/);
  assert.equal(services.replicaAsks.length, 1, 'the whole open Pod is what the sibling is asked for');
  assert.equal(services.replicaAsks[0]!.metadata?.name, 'user-msvc');
  await press(app, KEY.esc);
  await frameWith(app, '1 Containers');
  app.unmount();
});

test('d compares with the picked sibling: verdict and same owner on top, differences side by side, expected greyed, usage', async () => {
  const open = replica('user-msvc-a', (pod) => {
    pod.spec!.containers[0]!.image = 'registry.example/user-msvc:1.4.3';
    pod.spec!.containers[0]!.env!.push({ name: 'FEATURE_X', value: 'on' });
  });
  const healthy = replica('user-msvc-b', (pod) => (pod.spec!.nodeName = 'node-7'));
  const services = fakeServices();
  let answer: (outcome: ReplicaOutcome) => void = () => {};
  services.pickReplica = (pod) => {
    services.replicaAsks.push(pod);
    return new Promise((resolve) => (answer = resolve));
  };
  const { app } = await renderApp({ store: wholeStoreWith([open, healthy]), services, initialPod: { namespace: 'shop', name: 'user-msvc-a' } }, { columns: 160, rows: 40 });
  await frameWith(app, '1 Containers');
  await press(app, 'd');
  await frameWith(app, 'reading the other Pods of ReplicaSet/user-msvc-7c9d…');
  const pick = pickSibling(open, [healthy]);
  assert.ok(pick.ok);
  answer({ kind: 'sibling', pod: pick.pod, usage: { 'user-msvc': { cpuCores: 0.2, memoryBytes: 100 * 1024 * 1024 } } });
  const frame = await frameWith(app, 'same owner: ReplicaSet/user-msvc-7c9d');
  const lines = frame.split('\n');
  assert.match(lines[0]!, /^\d+ differences: .* {2}· {2}same owner: ReplicaSet\/user-msvc-7c9d$/, 'the title is the summary and the owner');
  assert.match(lines[1]!, /this Pod shop\/user-msvc-a on node-2 .* sibling shop\/user-msvc-b on node-7/);
  assert.match(rowWith(frame, 'SECTION'), /CONTAINER\s+FIELD\s+THIS POD\s+SIBLING/);
  assert.match(lineMatching(frame, /^\s+container\s+user-msvc\s+image\s/), /container\s+user-msvc\s+image\s+registry\.example\/user-msvc:1\.4\.3\s+registry\.example\/user-msvc:1\.4\.2/);
  assert.match(lineMatching(frame, /^\s+container.*env FEATURE_X/), /env FEATURE_X\s+on\s+\(none\)/, 'absent on one side shows (none)');
  assert.match(lineMatching(frame, /^\s+pod\s+-\s+node\s/), /pod\s+-\s+node\s+node-2\s+node-7/);
  const expectedAt = lines.findIndex((l) => l.startsWith('Expected to differ'));
  const uidAt = lines.findIndex((l) => /\buid\s+uid-user-msvc-a\s+uid-user-msvc-b/.test(l));
  assert.ok(expectedAt > 0 && uidAt > expectedAt, 'the expected rows come below the differences');
  assert.ok(lines.findIndex((l) => l.startsWith('Usage')) > uidAt, 'usage comes last');
  assert.match(rowWith(frame, 'cpu 200m'), /user-msvc\s+\(none\)\s+cpu 200m/, 'no usage for the open Pod here: (none) on its side');
  app.unmount();
});

test('a Pod compared with a twin on another node: "no difference but the node"', async () => {
  const open = replica('user-msvc-a');
  const twin = replica('user-msvc-b', (pod) => (pod.spec!.nodeName = 'node-9'));
  const services = fakeServices();
  siblingsFrom(services, [open, twin]);
  const { app } = await renderApp({ store: wholeStoreWith([open, twin]), services, initialPod: { namespace: 'shop', name: 'user-msvc-a' } }, { columns: 140, rows: 30 });
  await frameWith(app, '1 Containers');
  await press(app, 'd');
  const frame = await frameWith(app, 'no difference but the node');
  assert.match(frame.split('\n')[0]!, /no difference but the node \(node-2 vs node-9\)/);
  app.unmount();
});

test('the diff scrolls, ? lists its own table, esc in help closes it, q quits', async () => {
  const open = replica('user-msvc-a', (pod) => {
    for (let i = 0; i < 30; i++) pod.spec!.containers[0]!.env!.push({ name: `EXTRA_${String(i).padStart(2, '0')}`, value: 'x' });
  });
  const other = replica('user-msvc-b');
  const services = fakeServices();
  siblingsFrom(services, [open, other]);
  const { app, exits } = await renderApp({ store: wholeStoreWith([open, other]), services, initialPod: { namespace: 'shop', name: 'user-msvc-a' } }, { columns: 140, rows: 16 });
  await frameWith(app, '1 Containers');
  await press(app, 'd');
  const row = (n: string) => new RegExp(`env EXTRA_${n}\\s+x`);
  let frame = await frameWith(app, row('00'));
  assert.doesNotMatch(frame, row('20'));
  await press(app, 'G');
  frame = await frameWith(app, 'Usage');
  assert.doesNotMatch(frame, row('00'), 'G shows the end');
  assert.match(frame, row('29'));
  assert.match(frame.split('\n')[0]!, /30 differences/, 'the title stays pinned');
  await press(app, 'g');
  await frameWith(app, row('00'));
  await press(app, 'j');
  frame = await frameWith(app, row('12'));
  assert.match(frame.split('\n')[2]!, /^\s+SECTION/, 'j scrolls one line: the section title went up');
  await press(app, '?');
  frame = await frameWith(app, 'Keys: replica diff');
  for (const row of DIFF_KEYS) assert.ok(frame.includes(row.help), `help lists "${row.help}"`);
  await press(app, KEY.esc);
  await frameWith(app, row('12'));
  await press(app, 'q');
  await frameWhere(app, () => exits() === 1, 'q quits');
  app.unmount();
});

test('the expected rows are greyed whole; a difference keeps its values in the plain tone', () => {
  const open = replica('user-msvc-a', (pod) => (pod.spec!.containers[0]!.image = 'registry.example/user-msvc:9'));
  const diff = diffPods(open, replica('user-msvc-b'), { now: Date.parse('2026-01-01T12:00:00Z') });
  const body = diffBody(diff, 140);
  const text = body.map((line) => line.map((s) => s.text).join(''));
  const imageRow = body[text.findIndex((l) => /container\s+user-msvc\s+image\s/.test(l))]!;
  assert.ok(
    imageRow.some((s) => s.text.includes('registry.example/user-msvc:9') && s.tone === undefined),
    'this Pod’s value is plain',
  );
  const uidRow = body[text.findIndex((l) => /\buid\s+uid-user-msvc-a/.test(l))]!;
  assert.ok(
    uidRow.every((s) => s.tone === 'dim' || s.text.trim() === ''),
    'every part of an expected row is grey',
  );
});
