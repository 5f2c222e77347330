// The boundary LeanPod draws is checked by the compiler (npm test runs tsc over test/ first):
// each @ts-expect-error below fails the typecheck the day its line compiles, i.e. the day the
// list's lean copy could reach a reader of the whole Pod, or a whole-Pod field be read off it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import type { LeanPod } from '../../src/model/leanPodType.ts';
import { toPodHost } from '../../src/model/memo.ts';
import { buildPodHost, previewPodHost } from '../../src/model/podHost.ts';
import { toPodRow } from '../../src/model/podRow.ts';
import { planVolumeListing } from '../../src/model/volumeListingPlan.ts';
import { leanPod } from '../../src/store/leanPod.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { NOW, userMsvc } from '../ui/fixtures.ts';

test('the list store hands out lean Pods, which no whole-Pod reader takes; whole Pods go everywhere', () => {
  const whole: V1Pod = userMsvc();
  const store = new PodStore({ frameMs: 0 });
  store.replaceAll([whole], '1');
  const lean = store.get(whole.metadata!.uid!)!.pod;

  // A whole Pod is a LeanPod too: the list's readers take either, and agree.
  const widened: LeanPod = whole;
  assert.deepEqual(toPodRow(widened, NOW), toPodRow(leanPod(whole), NOW));

  const refused = [
    // @ts-expect-error the host view reads the whole Pod (store/focusedPod), never the list's copy
    () => buildPodHost(lean, { now: NOW }),
    // @ts-expect-error the memoized host view neither
    () => toPodHost(lean, { now: NOW }),
    // @ts-expect-error a volume listing reads volumes and mounts the lean copy does not keep
    () => planVolumeListing(lean, 'certs'),
    // @ts-expect-error volumes are no field of the lean copy
    () => lean.spec?.volumes,
    // @ts-expect-error nor are owners
    () => lean.metadata?.ownerReferences,
    // @ts-expect-error nor a container's ports
    () => lean.spec?.containers[0]?.ports,
  ];
  assert.equal(refused.length, 6);
  // What the lean copy does allow, by name: the view before the whole Pod is read.
  assert.equal(previewPodHost(lean, { now: NOW }).volumes.length, 0, 'no volumes in a preview');
  assert.ok(buildPodHost(whole, { now: NOW }).volumes.length > 0);
});
