// What the delete ("restart") confirmation says before a Pod is deleted: which Pod, who owns it
// and so what happens next. Deleting a Pod restarts it only when an owner recreates it; a bare
// Pod is gone for good, and the dialog must say so before the user says yes.

import { ownerViews } from './owners.ts';
import { obj, text } from './read.ts';
import type { OwnerView } from './types.ts';

export type RestartFate = 'recreated' | 'recreated-same-name' | 'job' | 'mirror' | 'gone' | 'unknown-owner';

export interface RestartConfirmation {
  /** First line: the question, naming the Pod. */
  question: string;
  /** The owner chain as one phrase ("ReplicaSet web-7d9 of Deployment web"), or "no owner". */
  owner: string;
  /** What happens after the delete, one line. */
  consequence: string;
  fate: RestartFate;
  /** Already being deleted (deletionTimestamp set): deleting again changes nothing. */
  alreadyTerminating: boolean;
}

export const BARE_POD_CONSEQUENCE = 'gone for good: no owner will recreate it';

// "(not readable)" only for a chain the cluster layer tried to read: the fallback from
// ownerReferences was never read, which says nothing about access.
function chainText(chain: OwnerView[], tried: boolean): string {
  return chain.map((o, i) => `${i === 0 ? '' : 'of '}${o.kind} ${o.name}${tried && !o.resolved ? ' (not readable)' : ''}`).join(' ');
}

function fateOf(first: OwnerView | undefined): RestartFate {
  if (!first) return 'gone';
  switch (first.kind) {
    case 'ReplicaSet':
    case 'ReplicationController':
      return 'recreated';
    case 'StatefulSet':
    case 'DaemonSet':
      return 'recreated-same-name';
    case 'Job':
      return 'job';
    case 'Node':
      return 'mirror';
    default:
      return 'unknown-owner';
  }
}

const CONSEQUENCES: Record<RestartFate, (owner: OwnerView | undefined) => string> = {
  recreated: (o) => `its ${o?.kind} creates a new Pod in its place`,
  'recreated-same-name': (o) => `its ${o?.kind} recreates it under the same name`,
  job: () => 'its Job creates a new Pod only if the Job has not finished (a completed run is not repeated)',
  mirror: () => 'a static Pod: the kubelet keeps running it and recreates this mirror of it; delete its manifest on the node to stop it',
  gone: () => BARE_POD_CONSEQUENCE,
  'unknown-owner': (o) => `its owner ${o?.kind} decides whether a new Pod is created`,
};

/**
 * The confirmation for deleting `pod`. `owners` is the chain the cluster layer resolved
 * (nearest first); without it, the controller named in the Pod's ownerReferences.
 */
export function restartConfirmation(pod: unknown, owners?: OwnerView[]): RestartConfirmation {
  const metadata = obj(obj(pod).metadata);
  const name = text(metadata.name) ?? '';
  const namespace = text(metadata.namespace);
  const chain = ownerViews(pod, owners);
  const fate = fateOf(chain[0]);
  const alreadyTerminating = typeof metadata.deletionTimestamp === 'string' && metadata.deletionTimestamp !== '';
  const consequence = alreadyTerminating ? 'already terminating: deleting it again changes nothing' : CONSEQUENCES[fate](chain[0]);
  return {
    question: `Delete Pod ${namespace ? `${namespace}/` : ''}${name}?`,
    owner: chain.length > 0 ? chainText(chain, owners !== undefined) : 'no owner',
    consequence,
    fate,
    alreadyTerminating,
  };
}
