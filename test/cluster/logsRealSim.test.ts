// The product's log session against the full simulated API server (TLS, auth, watch, kubelet
// transitions): restart and crash while following, deletion, live lines from a LogProfile,
// and the server's connection count back at baseline after 100 views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { emptyScenario, startSim, type SimServer } from '../../src/sim/index.ts';
import type { PodRuntime } from '../../src/sim/scenario/types.ts';
import { openLogSession } from '../../src/cluster/logs.ts';
import { makePod } from '../sim/logsSim.ts';
import { texts, until } from './logsHelpers.ts';

const runtime = (rate: number): PodRuntime => ({
  sockets: [],
  containers: { app: { shells: [], logs: { ratePerSecond: rate, line: (n) => `profile line ${n}` }, usage: () => ({ cpuCores: 0, memoryBytes: 0 }) } },
});

async function withSim(options: { live?: boolean; rate?: number }, body: (sim: SimServer, kc: KubeConfig) => Promise<void>): Promise<void> {
  const scenario = emptyScenario();
  scenario.objects.pods.push(makePod('web', ['app']));
  scenario.runtime.set('default/web', runtime(options.rate ?? 0));
  const sim = await startSim({ scenario, live: options.live, metrics: false });
  const dir = mkdtempSync(join(tmpdir(), 'podview-logs-'));
  try {
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfigYaml());
    await body(sim, kc);
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('against the sim server: restart and crash while following, then deletion', () =>
  withSim({}, async (sim, kc) => {
    sim.control.logs.emit('default', 'web', 'app', ['run 0']);
    const session = openLogSession(kc, { namespace: 'default', name: 'web', follow: true }, { pollMs: 20 });
    await until(
      () => session.buffer.size === 1,
      'the first line',
      () => texts(session.buffer),
    );
    sim.control.restartContainer('default', 'web', 'app');
    sim.control.logs.emit('default', 'web', 'app', ['run 1']);
    await until(
      () => session.buffer.size === 3,
      'restart marker and new line',
      () => texts(session.buffer),
    );
    sim.control.crash('default', 'web', 'app');
    await until(
      () => session.buffer.state.kind === 'waiting',
      'waiting in back-off',
      () => session.buffer.state,
    );
    assert.match(session.buffer.state.kind === 'waiting' ? session.buffer.state.message : '', /^CrashLoopBackOff/);
    sim.control.patchPod('default', 'web', (pod) => {
      const cs = pod.status?.containerStatuses?.[0];
      if (cs) cs.state = { running: { startedAt: new Date() } };
    });
    sim.control.logs.emit('default', 'web', 'app', ['run 2']);
    await until(
      () => texts(session.buffer).includes('run 2'),
      'the line after back-off',
      () => texts(session.buffer),
    );
    sim.control.delete('pods', 'default', 'web');
    await session.done;
    const got = texts(session.buffer);
    assert.deepEqual(got.slice(0, 3), ['run 0', '── container app restarted (restart #1: Error, exit 1) ──', 'run 1']);
    assert.match(got[3]!, /^container app is waiting to start: CrashLoopBackOff/);
    assert.deepEqual(got.slice(4), ['── container app restarted (restart #2: Error, exit 1) ──', 'run 2', '── pod default/web was deleted; keeping the 6 lines received ──']);
  }));

test('a live sim writes the LogProfile lines and the view follows them', () =>
  withSim({ live: true, rate: 50 }, async (_sim, kc) => {
    const session = openLogSession(kc, { namespace: 'default', name: 'web', follow: true, tailLines: 3 });
    await until(
      () => session.buffer.size >= 6,
      'history and live lines',
      () => texts(session.buffer),
    );
    const numbers = texts(session.buffer).map((t) => Number(/^profile line (\d+)$/.exec(t)?.[1]));
    assert.ok(
      numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1),
      `consecutive: ${numbers}`,
    );
    session.close();
  }));

test('100 views opened and closed: the server is back to its baseline of connections', () =>
  withSim({}, async (sim, kc) => {
    const baseline = sim.control.stats().connections;
    for (let i = 0; i < 100; i++) {
      const session = openLogSession(kc, { namespace: 'default', name: 'web', follow: true });
      await until(() => sim.control.logs.followers() === 1, `view ${i} streaming`);
      session.close();
      await session.done;
    }
    await until(
      () => sim.control.stats().connections === baseline,
      'connections back to baseline',
      () => sim.control.stats(),
    );
  }));
