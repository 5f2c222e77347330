// The TUI's `a` over several Pods through the real service: one buffer fed by every container
// of every listed Pod, over the sim's HTTP API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig } from '@kubernetes/client-node';
import { openLogSession } from '../../src/cluster/logs.ts';
import { MAX_LOG_PODS } from '../../src/cluster/logsAcrossPods.ts';
import { emptyScenario, startSim, type SimServer } from '../../src/sim/index.ts';
import { makePod } from '../sim/logsSim.ts';
import { texts, until } from './logsHelpers.ts';

async function withPods(names: string[], body: (sim: SimServer, kc: KubeConfig) => Promise<void>): Promise<void> {
  const scenario = emptyScenario();
  for (const name of names) scenario.objects.pods.push(makePod(name, ['app', 'proxy']));
  const sim = await startSim({ scenario, metrics: false });
  try {
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfigYaml());
    await body(sim, kc);
  } finally {
    await sim.close();
  }
}

test('lines of two Pods arrive in one buffer, each labelled pod/container', () =>
  withPods(['web-1', 'web-2', 'other'], async (sim, kc) => {
    sim.control.logs.emit('default', 'web-1', 'app', ['one from web-1']);
    sim.control.logs.emit('default', 'other', 'app', ['not listed']);
    const pods = [
      { namespace: 'default', name: 'web-1' },
      { namespace: 'default', name: 'web-2' },
    ];
    const session = openLogSession(kc, { namespace: 'default', name: 'web-1', follow: true, allContainers: true, pods }, { pollMs: 20 });
    try {
      await until(
        () => texts(session.buffer).includes('web-1/app: one from web-1'),
        'the first Pod’s history',
        () => texts(session.buffer),
      );
      // Live lines from the second Pod's sidecar land in the same buffer.
      sim.control.logs.emit('default', 'web-2', 'proxy', ['live from web-2']);
      await until(
        () => texts(session.buffer).includes('web-2/proxy: live from web-2'),
        'the second Pod’s live line',
        () => texts(session.buffer),
      );
      const all = texts(session.buffer);
      assert.ok(!all.some((t) => t.includes('not listed')), 'a Pod not in the list is not followed');
      // One start mark per stream: two Pods × two containers.
      assert.deepEqual(all.filter((t) => t.startsWith('+ ')).sort(), ['+ web-1/app', '+ web-1/proxy', '+ web-2/app', '+ web-2/proxy']);
      assert.equal(session.buffer.state.kind, 'streaming');
    } finally {
      session.close();
    }
    await session.done;
  }));

test(`beyond ${MAX_LOG_PODS} Pods the view follows the first ${MAX_LOG_PODS} and says so in one line`, () =>
  withPods(['a-1', 'a-2'], async (_sim, kc) => {
    const pods = Array.from({ length: MAX_LOG_PODS + 3 }, (_, i) => ({ namespace: 'default', name: i < 2 ? `a-${i + 1}` : `missing-${i}` }));
    const session = openLogSession(kc, { namespace: 'default', name: 'a-1', follow: false, allContainers: true, pods }, { pollMs: 20 });
    await session.done;
    const all = texts(session.buffer);
    assert.equal(all.filter((t) => t.startsWith(`following the first ${MAX_LOG_PODS} of ${MAX_LOG_PODS + 3} Pods`)).length, 1);
    // The 51st and later are never asked for; the 3rd..50th do not exist and say so.
    assert.equal(all.filter((t) => / not found$/.test(t)).length, MAX_LOG_PODS - 2);
    assert.ok(!all.some((t) => t.includes(`missing-${MAX_LOG_PODS}`)));
    assert.equal(session.buffer.state.kind, 'ended');
  }));
