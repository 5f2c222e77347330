// The YAML and the delete confirmation over every Pod of the real corpus (test/fixtures/real):
// what real clusters wrote must come back out exactly, and every owner must be named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORE_SCHEMA, load } from 'js-yaml';
import { corpusFiles, readCorpusPod } from './realCorpus.ts';
import { podYaml } from '../../src/model/podYaml.ts';
import { BARE_POD_CONSEQUENCE, restartConfirmation } from '../../src/model/restartConfirmation.ts';

const pods = corpusFiles().map(readCorpusPod);

test('every real Pod: its YAML parses back to the object, less managedFields when folded', () => {
  assert.ok(pods.length >= 50, `${pods.length} Pods in the corpus`);
  for (const { file, pod } of pods) {
    assert.deepEqual(load(podYaml(pod, { managedFields: true }).text, { schema: CORE_SCHEMA }), pod, file);
    const yaml = podYaml(pod);
    const { managedFields, ...metadata } = pod.metadata as Record<string, unknown>;
    assert.deepEqual(load(yaml.text, { schema: CORE_SCHEMA }), { ...pod, metadata }, file);
    assert.equal(yaml.foldedManagedFields, Array.isArray(managedFields) ? managedFields.length : 0, file);
  }
  // The corpus was collected without managedFields (kubectl get -o yaml drops them); the sim's
  // Pods carry them like real controllers write them (test/cluster/podActions.test.ts).
});

test('every real Pod: the confirmation names its controller, or says a bare Pod is gone for good', () => {
  for (const { file, pod } of pods) {
    const refs = (pod.metadata as { ownerReferences?: { kind: string; name: string; controller?: boolean }[] }).ownerReferences ?? [];
    const controller = refs.find((r) => r.controller) ?? refs[0];
    const c = restartConfirmation(pod);
    if (controller) {
      assert.equal(c.owner, `${controller.kind} ${controller.name}`, file);
      assert.notEqual(c.consequence, BARE_POD_CONSEQUENCE, file);
    } else {
      assert.equal(c.consequence, BARE_POD_CONSEQUENCE, file);
    }
  }
});
