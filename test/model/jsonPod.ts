// Pods written in tests as the API's JSON is (times as strings where client-node's types say
// Date; fields missing or of the wrong type on purpose): the model reads every field with its
// type checked, so it takes them as the whole Pod (V1Pod) or the list's copy (LeanPod) they stand for.
import type { V1Pod } from '@kubernetes/client-node';
import type { LeanPod } from '../../src/model/leanPodType.ts';

export const jsonPod = (value: unknown): V1Pod => value as V1Pod;
export const jsonLeanPod = (value: unknown): LeanPod => value as LeanPod;
