// The Pod a controller makes in place of a deleted one, once the kubelet has started it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { startedPod } from '../../src/sim/replacementPod.ts';

const waiting = (name: string, image: string) => ({ name, image, imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } });

test('a started replacement runs its native sidecar beside the app, and the Pod is Running', () => {
  const pod: V1Pod = {
    metadata: { name: 'checkout-x', namespace: 'payments', uid: 'uid-x' },
    spec: {
      initContainers: [
        { name: 'migrate', image: 'm:1' },
        { name: 'proxy', image: 'envoy:1', restartPolicy: 'Always' },
      ],
      containers: [{ name: 'app', image: 'app:1' }],
    },
    status: {
      phase: 'Pending',
      initContainerStatuses: [waiting('migrate', 'm:1'), waiting('proxy', 'envoy:1')],
      containerStatuses: [waiting('app', 'app:1')],
      conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: new Date(0) }],
    },
  };
  const started = startedPod(pod, Date.parse('2026-01-01T00:00:00Z'), '10.0.0.9');
  const init = Object.fromEntries((started.status?.initContainerStatuses ?? []).map((s) => [s.name, s]));
  assert.equal(init.migrate?.state?.terminated?.reason, 'Completed');
  assert.ok(init.proxy?.state?.running, 'the sidecar runs');
  assert.equal(init.proxy?.ready, true);
  assert.equal(started.status?.phase, 'Running');
  assert.ok(started.status?.containerStatuses?.every((s) => s.ready && s.state?.running));
});
