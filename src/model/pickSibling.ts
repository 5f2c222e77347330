// Which replica to compare the open Pod with when the user names none: a healthy sibling of
// the same controller owner (same ownerReference uid), preferring Ready, then fewest restarts,
// then the oldest (it has run longest as it is), then the name, so the pick is deterministic.
// Candidates need metadata.ownerReferences: whole Pods from the cluster (cluster/siblings.ts),
// not the store's lean list rows, which drop them.

import { timestampMs } from '../text/age.ts';
import { controllerOwner } from './podFacets.ts';
import { int, obj, objs, text } from './read.ts';

export type SiblingPick<P> = { ok: true; pod: P } | { ok: false; reason: string };

function isReady(pod: unknown): boolean {
  return objs(obj(obj(pod).status).conditions).some((c) => c.type === 'Ready' && c.status === 'True');
}

function restarts(pod: unknown): number {
  const status = obj(obj(pod).status);
  let total = 0;
  for (const field of ['initContainerStatuses', 'containerStatuses']) for (const s of objs(status[field])) total += int(s.restartCount);
  return total;
}

const isGoing = (pod: unknown): boolean => obj(obj(pod).metadata).deletionTimestamp != null;
const nameOf = (pod: unknown): string => text(obj(obj(pod).metadata).name) ?? '';

/** Orders candidates best first: Ready, fewest restarts, oldest, then by name. */
export function compareSiblings(x: unknown, y: unknown): number {
  const ready = Number(isReady(y)) - Number(isReady(x));
  if (ready !== 0) return ready;
  const restartsDiff = restarts(x) - restarts(y);
  if (restartsDiff !== 0) return restartsDiff;
  const bornX = timestampMs(obj(obj(x).metadata).creationTimestamp) ?? Number.POSITIVE_INFINITY;
  const bornY = timestampMs(obj(obj(y).metadata).creationTimestamp) ?? Number.POSITIVE_INFINITY;
  if (bornX !== bornY) return bornX < bornY ? -1 : 1;
  const nx = nameOf(x);
  const ny = nameOf(y);
  return nx < ny ? -1 : nx > ny ? 1 : 0;
}

/** The sibling to compare `open` with, or why there is none (one line, ready to print). */
export function pickSibling<P>(open: unknown, candidates: readonly P[]): SiblingPick<P> {
  const owner = controllerOwner(open);
  const name = nameOf(open);
  if (!owner || owner.uid === '') return { ok: false, reason: `pod "${name}" has no owner, so it has no sibling to compare with: name one with --diff OTHER` };
  const openUid = obj(obj(open).metadata).uid;
  const siblings = candidates.filter((c) => obj(obj(c).metadata).uid !== openUid && nameOf(c) !== name && !isGoing(c) && controllerOwner(c)?.uid === owner.uid);
  if (siblings.length === 0) return { ok: false, reason: `pod "${name}" has no other Pod of ${owner.kind}/${owner.name} to compare with` };
  return { ok: true, pod: [...siblings].sort(compareSiblings)[0] as P };
}
