// The sim checked with a second client nobody here wrote: Debian's python3-kubernetes
// (/usr/bin/python3). It sends booleans as "True", which the API machinery reads as true.
// python/ensure-python-kubernetes.sh installs it with apt-get when missing; the suite is
// skipped, with the reason printed, only where apt cannot provide it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startTestSim, type TestSim } from './simHarness.ts';

const HERE = join(import.meta.dirname, 'python');

function pythonClient(): true | string {
  const r = spawnSync(join(HERE, 'ensure-python-kubernetes.sh'), { encoding: 'utf8', timeout: 300_000 });
  if (r.status === 0) return true;
  const reason = (r.stderr || r.error?.message || 'unknown').trim().split('\n').pop()!;
  if (r.status !== 3) throw new Error(`ensure-python-kubernetes.sh failed: ${reason}`);
  console.log(`# skipping the python3-kubernetes checks: ${reason}`);
  return reason;
}

const ready = pythonClient();

type Result = Record<string, unknown>;

describe('sim with Debian python3-kubernetes', { skip: ready === true ? false : ready }, () => {
  let t: TestSim;
  const results = new Map<string, Result>();
  let stderr = '';

  before(async () => {
    // A short history window so that eight changes expire a resourceVersion (the 410 check).
    t = await startTestSim({ bookmarkIntervalMs: 100, historyWindow: 6 });
    t.sim.control.logs.emit('default', 'db-0', 'app', ['first run']);
    t.sim.control.restartContainer('default', 'db-0', 'app', { reason: 'Error', exitCode: 1 });
    t.sim.control.logs.emit('default', 'db-0', 'app', ['second run']);
    t.sim.control.logs.emit('default', 'web-2', 'app', ['one', 'two', 'three']);
    t.sim.control.deny({ verb: 'list', resource: 'secrets' });
    const py = spawn('/usr/bin/python3', [join(HERE, 'client_checks.py'), t.kubeconfig], { stdio: ['pipe', 'pipe', 'pipe'] });
    py.stderr.on('data', (d) => (stderr += d));
    for await (const line of createInterface({ input: py.stdout })) {
      const msg = JSON.parse(line) as Result;
      if (msg.sync === 'follow') {
        t.sim.control.logs.emit('default', 'web-2', 'app', ['after']);
        py.stdin.write('\n');
      } else results.set(String(msg.check), msg);
    }
    const code = await new Promise((resolve) => (py.exitCode !== null ? resolve(py.exitCode) : py.once('exit', resolve)));
    assert.equal(code, 0, stderr);
  });
  after(() => t?.close());

  const result = (check: string): Result => {
    const r = results.get(check);
    assert.ok(r, `the python client never reported "${check}":\n${stderr}`);
    return r;
  };

  test('list, list by label selector, and pages with limit and continue', () => {
    assert.deepEqual(result('list').names, ['db-0', 'web-1', 'web-2']);
    assert.deepEqual(result('list-selector').names, ['web-1', 'web-2']);
    assert.deepEqual(result('list-pages'), { check: 'list-pages', first: ['db-0', 'web-1'], second: ['web-2'] });
  });

  test('get one Pod, decoded into the client model', () => {
    assert.deepEqual(result('get'), { check: 'get', name: 'web-1', phase: 'Running', containers: ['app', 'proxy'] });
  });

  test('watch=True without resourceVersion: the current Pods as ADDED', () => {
    assert.deepEqual(result('watch-initial').events, [
      ['ADDED', 'db-0'],
      ['ADDED', 'web-1'],
      ['ADDED', 'web-2'],
    ]);
  });

  test('watch from a list resourceVersion: only the change after it', () => {
    assert.deepEqual(result('watch-from-rv').events, [['MODIFIED', 'web-2', 'yes']]);
  });

  test('allowWatchBookmarks=True: a BOOKMARK with a resourceVersion', () => {
    const b = result('bookmark');
    assert.equal((b.types as string[]).at(-1), 'BOOKMARK');
    assert.equal(b.kind, 'Pod');
    assert.match(String(b.rv), /^\d+$/);
  });

  test('a watch from an expired resourceVersion: ApiException 410 Expired', () => {
    const r = result('watch-gone');
    assert.equal(r.raised, true);
    assert.equal(r.status, 410);
    assert.match(String(r.reason), /^Expired: too old resource version: \d+ \(\d+\)$/);
  });

  test('logs: tail_lines with timestamps=True, previous=True, and follow', () => {
    const stamped = String(result('log-tail-timestamps').text).trim().split('\n');
    assert.equal(stamped.length, 2);
    assert.match(stamped[0]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z two$/);
    assert.match(stamped[1]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z three$/);
    assert.equal(result('log-previous').text, 'first run\n');
    assert.deepEqual(result('log-follow').lines, ['three', 'after']);
  });

  test('exec over the websocket channel protocol: stdout, stderr and the exit code', () => {
    assert.deepEqual(result('exec'), { check: 'exec', stdout: 'out\n', stderr: 'err\n', code: 3 });
  });

  test('a 403 and a 404 are ApiException with status, reason and the Status body', () => {
    const denied = result('forbidden');
    assert.deepEqual([denied.raised, denied.status, denied.reason], [true, 403, 'Forbidden']);
    assert.equal((denied.body as { message: string }).message, 'secrets is forbidden: User "podview-sim" cannot list resource "secrets" in API group "" in the namespace "default"');
    const missing = result('not-found');
    assert.deepEqual([missing.raised, missing.status, missing.reason], [true, 404, 'Not Found']);
    assert.deepEqual(missing.body as { reason: string; message: string }, { ...(missing.body as object), reason: 'NotFound', message: 'pods "ghost" not found' });
    assert.ok(results.has('done'));
  });
});
