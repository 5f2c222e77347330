import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podHostCacheSize, toPodHost } from '../../src/model/memo.ts';
import { NOW, userMsvcPod } from './fixtures/userMsvc.ts';

test('the same Pod version and context within a second returns the same object', () => {
  const pod = userMsvcPod();
  const events: never[] = [];
  const a = toPodHost(pod, { now: NOW, events });
  assert.equal(toPodHost(userMsvcPod(), { now: NOW + 500, events }), a, 'equal uid and resourceVersion hit the cache');
  assert.notEqual(toPodHost(pod, { now: NOW + 1000, events }), a, 'ages move on each second');
  assert.notEqual(toPodHost(pod, { now: NOW, events: [] }), a, 'new events are a new context');
  assert.notEqual(toPodHost(pod, { now: NOW, events, deleted: true }), a);
  const changed = userMsvcPod();
  changed.metadata.resourceVersion = '4712';
  changed.status.phase = 'Failed';
  assert.equal(toPodHost(changed, { now: NOW, events }).phase, 'Failed');
});

test('the cache stays small', () => {
  for (let i = 0; i < 200; i++) {
    const pod = userMsvcPod();
    pod.metadata.uid = `uid-${i}`;
    toPodHost(pod, { now: NOW });
  }
  assert.ok(podHostCacheSize() <= 32);
});

test('manifests without uid or resourceVersion are keyed by object', () => {
  const manifest = userMsvcPod();
  delete manifest.metadata.uid;
  delete manifest.metadata.resourceVersion;
  const other = userMsvcPod();
  delete other.metadata.uid;
  delete other.metadata.resourceVersion;
  other.metadata.name = 'other';
  assert.equal(toPodHost(manifest, { now: NOW }).name, 'user-msvc');
  assert.equal(toPodHost(other, { now: NOW }).name, 'other');
});
