// The simulated API server checked with the real kubectl binary, through a kubeconfig file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_KUBECTL, kubectl, kubectlStream, raw, startTestSim, type TestSim } from './simHarness.ts';

describe('sim with real kubectl', { skip: NO_KUBECTL }, () => {
  let t: TestSim;
  before(async () => {
    t = await startTestSim();
  });
  after(() => t?.close());

  test('get pods -A -o json lists every Pod with server-set metadata', async () => {
    const r = await kubectl(t, ['get', 'pods', '-A', '-o', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const list = JSON.parse(r.stdout);
    const names = list.items.map((p: { metadata: { namespace: string; name: string } }) => `${p.metadata.namespace}/${p.metadata.name}`);
    assert.deepEqual(names, ['default/db-0', 'default/web-1', 'default/web-2', 'jobs/queue-0']);
    for (const p of list.items) {
      assert.match(p.metadata.uid, /^[0-9a-f-]{36}$/);
      assert.match(p.metadata.resourceVersion, /^\d+$/);
      assert.equal(p.metadata.generation, 1);
    }
  });

  test('get pods prints the server Table with READY, STATUS and RESTARTS as kubectl computes them', async () => {
    t.sim.control.crash('default', 'db-0', 'app', { reason: 'Error', exitCode: 2 });
    const r = await kubectl(t, ['get', 'pods']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s{2,}/));
    assert.deepEqual(lines[0], ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    assert.deepEqual(lines[1]!.slice(0, 3), ['db-0', '0/1', 'CrashLoopBackOff']);
    assert.match(lines[1]![3]!, /^1 \(\d+s ago\)$/);
    assert.deepEqual(lines[2]!.slice(0, 4), ['web-1', '2/2', 'Running', '0']);
    assert.equal(lines[2]![4], '10m');
    const wide = await kubectl(t, ['get', 'pods', '-n', 'jobs', '-o', 'wide']);
    assert.match(wide.stdout, /queue-0\s+0\/1\s+ContainerCreating\s+0\s+10m\s+10\.1\.0\.7\s+node-1/);
  });

  test('--selector and --field-selector filter on the server', async () => {
    const bySelector = await kubectl(t, ['get', 'pods', '-A', '--selector', 'app in (web,queue),tier!=front', '-o', 'name']);
    assert.equal(bySelector.code, 0, bySelector.stderr);
    assert.deepEqual(bySelector.stdout.trim().split('\n'), ['pod/web-2', 'pod/queue-0']);
    const byField = await kubectl(t, ['get', 'pods', '-A', '--field-selector', 'spec.nodeName=node-2,status.phase=Running', '-o', 'name']);
    assert.deepEqual(byField.stdout.trim().split('\n'), ['pod/db-0', 'pod/web-2']);
    const notPending = await kubectl(t, ['get', 'pods', '-A', '--field-selector', 'status.phase!=Running', '-o', 'name']);
    assert.deepEqual(notPending.stdout.trim().split('\n'), ['pod/queue-0']);
  });

  test('get pods -w prints a change made through the control API', async () => {
    const w = kubectlStream(t, ['get', 'pods', '-w', '-l', 'app=web']);
    try {
      await w.waitFor(/web-2\s+1\/1\s+Running\s+0\s/);
      t.sim.control.restartContainer('default', 'web-2', 'app', { reason: 'Error', exitCode: 1 });
      const out = await w.waitFor(/web-2\s+1\/1\s+Running\s+1 \(\d+s ago\)/);
      assert.equal(out.match(/^NAME\s/gm)?.length, 1, 'the header is printed once');
    } finally {
      await w.stop();
    }
  });

  test('auth can-i answers from the deny rules, and a denied list is a 403 as kube-apiserver words it', async () => {
    const yes = await kubectl(t, ['auth', 'can-i', 'list', 'pods']);
    assert.deepEqual([yes.code, yes.stdout.trim()], [0, 'yes']);
    const undo = t.sim.control.deny({ verb: 'list', resource: 'pods', namespace: 'default' });
    try {
      const no = await kubectl(t, ['auth', 'can-i', 'list', 'pods']);
      assert.equal(no.code, 1);
      assert.match(no.stdout, /^no/);
      const elsewhere = await kubectl(t, ['auth', 'can-i', 'list', 'pods', '-n', 'jobs']);
      assert.equal(elsewhere.stdout.trim(), 'yes');
      const denied = await kubectl(t, ['get', 'pods']);
      assert.notEqual(denied.code, 0);
      assert.match(denied.stderr, /Error from server \(Forbidden\): pods is forbidden: User "podview-sim" cannot list resource "pods" in API group "" in the namespace "default"/);
    } finally {
      undo();
    }
    assert.equal((await kubectl(t, ['get', 'pods', '-o', 'name'])).code, 0);
  });

  test('a continue token older than the history is a 410 Expired as kubectl reports it', async () => {
    const first = JSON.parse((await kubectl(t, ['get', '--raw', '/api/v1/namespaces/default/pods?limit=1'])).stdout);
    assert.ok(first.metadata.continue);
    t.sim.control.patchPod('default', 'web-1', (p) => {
      p.metadata!.labels = { ...p.metadata!.labels, touched: 'yes' };
    });
    t.sim.control.compact();
    const r = await kubectl(t, ['get', '--raw', `/api/v1/namespaces/default/pods?limit=1&continue=${first.metadata.continue}`]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Error from server \(Expired\): The provided continue parameter is too old/);
  });

  test('top pod --containers shows the scenario usage per container', async () => {
    const r = await kubectl(t, ['top', 'pod', '--containers', '-l', 'app=web']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /web-1\s+app\s+50m\s+64Mi/);
    assert.match(r.stdout, /web-1\s+proxy\s+100m\s+65Mi/);
    assert.match(r.stdout, /web-2\s+app\s+50m\s+64Mi/);
  });

  test('kubectl delete pod terminates it gracefully and the Pod disappears', async () => {
    t.sim.control.create('pods', { ...(t.sim.control.get('pods', 'default', 'web-2') as object), metadata: { name: 'doomed', namespace: 'default' } });
    const r = await kubectl(t, ['delete', 'pod', 'doomed']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /pod "doomed" deleted/);
    assert.equal((await raw(t.sim, '/api/v1/namespaces/default/pods/doomed')).status, 404);
  });
});
