// `kubectl podview POD`: tui.ts reads the named Pod's events, owners and usage with the Pod,
// before the screen starts. The focus feed then finds them in the open Pod's record and does
// not read them all again at once; a Pod opened later is read on focus as always.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { startDetailsFeed } from '../../src/cluster/focusFeed.ts';
import { readOnePod } from '../../src/cluster/onePod.ts';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { recording, turns } from './recordingConfig.ts';
import { withSim } from './simHarness.ts';
import { waitFor } from './waitFor.ts';

test('a Pod opened with its details already read is not read again on focus; the next one is', async (t) => {
  const h = await withSim(t);
  const pods = h.sim.control.list<V1Pod>('pods', 'shop');
  const named = pods.find((p) => p.metadata!.name!.startsWith('user-msvc-'))!;
  const other = pods.find((p) => p.metadata!.name !== named.metadata!.name)!;
  const opened = await readOnePod(h.config.kubeConfig, 'shop', named.metadata!.name!);
  const store = new PodStore({ frameMs: 0 });
  t.after(() => store.close());
  store.apply([
    { type: 'ADDED', pod: opened.pod },
    { type: 'ADDED', pod: other },
  ]);
  const focused = new FocusedPodStore();
  const key = { namespace: 'shop', name: named.metadata!.name! };
  focused.focus(key);
  focused.write(key, { pod: opened.pod, details: opened.details });
  const { kubeConfig, asked } = recording(h.config.kubeConfig);
  const feed = startDetailsFeed({ kubeConfig, store, focused, pollMs: 600_000 });
  t.after(() => feed.stop());
  await turns(50);
  assert.equal(asked.length, 0, `nothing read again at once: ${asked.join(' ')}`);
  assert.deepEqual(focused.current?.details, opened.details);

  focused.focus({ namespace: 'shop', name: other.metadata!.name! });
  await waitFor('the next Pod read on focus', () => focused.current?.details !== undefined);
  assert.ok(
    asked.some((path) => path.endsWith(`/pods/${other.metadata!.name}`)),
    asked.join(' '),
  );
});
