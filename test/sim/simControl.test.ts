// The control API's faults and changes as a client sees them over HTTP: stalls, drops,
// restarts on the same port, delays, connection counts, graceful deletion and churn.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { CHANGED_AT } from '../../src/sim/index.ts';
import { raw, startTestSim, type TestSim } from './simHarness.ts';

/** Opens a raw watch and collects its lines. */
function openWatch(t: TestSim, path: string) {
  const lines: string[] = [];
  let closed = false;
  let onData = () => {};
  const req = request(new URL(path, t.sim.url), { ca: t.sim.caPem, agent: false, headers: { Authorization: `Bearer ${t.sim.token}` } }, (res) => {
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (d) => {
      buf += d;
      const parts = buf.split('\n');
      buf = parts.pop()!;
      lines.push(...parts.filter(Boolean));
      onData();
    });
    res.on('close', () => {
      closed = true;
      onData();
    });
  });
  req.on('error', () => {
    closed = true;
    onData();
  });
  req.end();
  const until = (pred: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; lines: ${lines.join('\n')}`)), 10_000);
      onData = () => {
        if (pred()) {
          clearTimeout(timer);
          resolve();
        }
      };
      onData();
    });
  return { lines, until, closed: () => closed, close: () => req.destroy() };
}

const types = (lines: string[]) => lines.map((l) => JSON.parse(l).type as string);

describe('sim control and faults', () => {
  let t: TestSim;
  before(async () => {
    t = await startTestSim();
  });
  after(() => t?.close());

  test('a stalled watch sends nothing until resumed, then everything in order', async () => {
    const rv = JSON.parse((await raw(t.sim, '/api/v1/namespaces/default/pods')).body).metadata.resourceVersion;
    const w = openWatch(t, `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}`);
    await new Promise((r) => setTimeout(r, 100));
    const resume = t.sim.control.stallWatches();
    t.sim.control.restartContainer('default', 'web-1', 'app');
    t.sim.control.restartContainer('default', 'web-1', 'proxy');
    // A plain request still answers while watches are stalled: the stall is the watch's alone.
    assert.equal((await raw(t.sim, '/api/v1/namespaces/default/pods/web-1')).status, 200);
    assert.deepEqual(w.lines, []);
    resume();
    await w.until(() => w.lines.length === 2);
    assert.deepEqual(types(w.lines), ['MODIFIED', 'MODIFIED']);
    w.close();
  });

  test('dropWatches cuts open watches and stats count them', async () => {
    const w = openWatch(t, '/api/v1/pods?watch=1');
    await w.until(() => w.lines.length >= 4);
    assert.equal(t.sim.control.stats().watches, 1);
    assert.equal(t.sim.control.dropWatches(), 1);
    await w.until(() => w.closed());
    assert.equal(t.sim.control.stats().watches, 0);
  });

  test('restart closes every connection and serves the same state on the same port', async () => {
    const before = JSON.parse((await raw(t.sim, '/api/v1/pods')).body);
    const w = openWatch(t, '/api/v1/pods?watch=1');
    await w.until(() => w.lines.length >= 4);
    await t.sim.control.restart();
    await w.until(() => w.closed());
    const afterList = JSON.parse((await raw(t.sim, '/api/v1/pods')).body);
    assert.deepEqual(
      afterList.items.map((p: { metadata: { uid: string } }) => p.metadata.uid),
      before.items.map((p: { metadata: { uid: string } }) => p.metadata.uid),
    );
    assert.equal(afterList.metadata.resourceVersion, before.metadata.resourceVersion);
  });

  test('delay holds every response until undone', async () => {
    const undo = t.sim.control.delay(300);
    const started = Date.now();
    let answered = false;
    const pending = raw(t.sim, '/version').then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(answered, false);
    undo();
    assert.equal((await pending).status, 200);
    assert.ok(Date.now() - started >= 300);
  });

  test('graceful Pod deletion marks the Pod terminating, then removes it', async () => {
    t.sim.control.create('pods', { ...(t.sim.control.get('pods', 'default', 'db-0') as object), metadata: { name: 'slow', namespace: 'default' } });
    const del = await raw(t.sim, '/api/v1/namespaces/default/pods/slow', { method: 'DELETE', body: '{"gracePeriodSeconds":1}', headers: { 'Content-Type': 'application/json' } });
    assert.equal(del.status, 200);
    assert.ok(JSON.parse(del.body).metadata.deletionTimestamp);
    const table = JSON.parse((await raw(t.sim, '/api/v1/namespaces/default/pods/slow', { headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } })).body);
    assert.equal(table.rows[0].cells[2], 'Terminating');
    await new Promise((r) => setTimeout(r, 1300));
    assert.equal((await raw(t.sim, '/api/v1/namespaces/default/pods/slow')).status, 404);
  });

  test('churn makes seeded changes, each stamped with when it was made', async () => {
    const rv = t.sim.control.stats().resourceVersion;
    const w = openWatch(t, `/api/v1/pods?watch=1&resourceVersion=${rv}`);
    const churn = t.sim.control.churn({ changesPerSecond: 200, seed: 3, createDeleteRatio: 0.5 });
    await w.until(() => w.lines.length >= 30);
    churn.stop();
    const events = w.lines.map((l) => JSON.parse(l));
    const seen = new Set(events.map((e) => e.type));
    assert.ok(seen.has('MODIFIED') && (seen.has('ADDED') || seen.has('DELETED')), `types: ${[...seen]}`);
    for (const e of events) {
      const at = Number(e.object.metadata.annotations?.[CHANGED_AT]);
      assert.ok(at > 0 && at <= Date.now(), `${e.type} ${e.object.metadata.name} carries ${CHANGED_AT}`);
    }
    w.close();
  });

  test('a denied namespace answers 403 for that namespace only', async () => {
    const undo = t.sim.control.deny({ namespace: 'jobs' });
    const denied = await raw(t.sim, '/api/v1/namespaces/jobs/pods');
    assert.equal(denied.status, 403);
    assert.equal(JSON.parse(denied.body).message, 'pods is forbidden: User "podview-sim" cannot list resource "pods" in API group "" in the namespace "jobs"');
    assert.equal((await raw(t.sim, '/api/v1/namespaces/default/pods')).status, 200);
    undo();
    assert.equal((await raw(t.sim, '/api/v1/namespaces/jobs/pods')).status, 200);
  });
});
