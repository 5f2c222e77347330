// The one default-container rule: worst finding, then the annotation, then the first app container.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultContainer, defaultContainerIndex } from '../../src/model/defaultContainer.ts';
import { buildPodHost } from '../../src/model/podHost.ts';
import type { Diagnosis } from '../../src/model/types.ts';
import { jsonLeanPod, jsonPod } from './jsonPod.ts';

const pod = (annotation?: string) => ({
  metadata: annotation ? { annotations: { 'kubectl.kubernetes.io/default-container': annotation } } : {},
  spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }, { name: 'proxy' }, { name: 'shipper' }] },
});
const f = (severity: Diagnosis['severity'], container?: string): Diagnosis => ({ severity, code: 'X', message: 'x', ...(container ? { container } : {}) });

test('the container of the most severe finding wins over the annotation and the first app container', () => {
  assert.equal(defaultContainer(pod('proxy'), [f('info', 'app'), f('warning', 'shipper'), f('error', 'init'), f('error', 'app')]), 'init');
  assert.equal(defaultContainer(pod('proxy'), [f('info', 'app'), f('warning', 'shipper')]), 'shipper');
});

test('findings about the Pod or about no container of it do not choose', () => {
  assert.equal(defaultContainer(pod('proxy'), [f('error'), f('error', 'gone')]), 'proxy');
  assert.equal(defaultContainer(pod('nope'), [f('error')]), 'app', 'an annotation naming no container is ignored, as kubectl does');
  assert.equal(defaultContainer(pod()), 'app', "without findings: kubectl's rule");
  assert.equal(defaultContainer(jsonLeanPod({ spec: { initContainers: [{ name: 'i' }] } })), undefined);
  assert.equal(defaultContainer(jsonLeanPod(null)), undefined);
});

test("as an index among the host view's containers (start order: init first)", () => {
  assert.equal(defaultContainerIndex(pod(), []), 1);
  assert.equal(defaultContainerIndex(pod(), [f('warning', 'init')]), 0);
  assert.equal(defaultContainerIndex(pod('shipper'), []), 3);
  assert.equal(defaultContainerIndex({}, []), 0);
});

test('a crash-looping sidecar is where l, p and s go, not the healthy first container', () => {
  const p = jsonPod({
    ...pod(),
    status: {
      containerStatuses: [
        { name: 'app', ready: true, state: { running: {} } },
        { name: 'proxy', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } },
        { name: 'shipper', ready: true, state: { running: {} } },
      ],
    },
  });
  assert.equal(defaultContainer(p, buildPodHost(p, { now: 0 }).diagnosis), 'proxy');
});
