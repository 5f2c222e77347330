// What the replica-diff screen asks of the cluster: the sibling to compare the open Pod with
// (a healthy Pod of the same controller owner, model/pickSibling.ts) and its measured use.
// `cluster/replicaPick.ts` implements it; the screen diffs the two (model/diffPods.ts).
import type { V1Pod } from '@kubernetes/client-node';
import type { Usage } from '../model/types.ts';

export type ReplicaOutcome =
  /** The sibling, trimmed as the store trims the open Pod so both sides are read alike. */
  | { kind: 'sibling'; pod: V1Pod; usage?: Record<string, Usage> }
  /** A bare Pod, or an owner with no other Pod: one line saying so. */
  | { kind: 'none'; reason: string }
  | { kind: 'error'; message: string };
