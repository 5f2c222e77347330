// ctrl-d on a Pod: the access review first (a refusal is one line and nothing else), then the
// confirmation naming the Pod, its owner and what happens next, then the delete and its outcome
// as one line. The list shows the Pod Terminating by itself: the watch brings that.
import { useRef, useState } from 'react';
import { type RestartConfirmation, restartConfirmation } from '../../model/restartConfirmation.ts';
import type { OwnerView } from '../../model/types.ts';
import type { RestartOutcome } from '../../store/actionRequests.ts';
import type { PodKey } from '../../store/types.ts';
import type { Message } from '../podKeys.ts';
import type { PodviewServices } from '../services.ts';

export interface RestartQuestion {
  key: PodKey;
  uid?: string;
  confirmation: RestartConfirmation;
}

export interface RestartFlow {
  /** Set while the confirmation is on screen; it owns the keys then. */
  question: RestartQuestion | undefined;
  /** `owners`: the chain the focus feed resolved for this Pod, when it is the open one. */
  start(key: PodKey, owners?: OwnerView[]): void;
  answer(yes: boolean): void;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function outcomeText(key: PodKey, outcome: RestartOutcome, confirmation: RestartConfirmation): Message {
  const pod = `${key.namespace}/${key.name}`;
  switch (outcome.kind) {
    case 'deleted': {
      const grace = outcome.terminating && outcome.gracePeriodSeconds !== undefined ? `, ${outcome.gracePeriodSeconds}s grace` : '';
      return { text: `deleted pod ${pod}: ${outcome.terminating ? `terminating${grace}` : 'gone'}; ${confirmation.consequence}`, tone: 'ok' };
    }
    case 'forbidden':
    case 'not-found':
    case 'error':
      return { text: oneLine(outcome.message), tone: outcome.kind === 'not-found' ? 'warn' : 'error' };
  }
}

export function useRestartFlow(services: Pick<PodviewServices, 'checkRestart' | 'restartPod'>, say: (message: Message | undefined) => void): RestartFlow {
  const [question, setQuestion] = useState<RestartQuestion | undefined>(undefined);
  // A second ctrl-d while the review of the first is out asks nothing twice.
  const checking = useRef(false);

  const start = (key: PodKey, owners?: OwnerView[]): void => {
    if (checking.current || question) return;
    checking.current = true;
    say({ text: `checking access to delete pod ${key.namespace}/${key.name}…`, tone: 'dim' });
    services.checkRestart(key).then(
      (check) => {
        checking.current = false;
        if (check.kind !== 'allowed') return say({ text: oneLine(check.message), tone: 'error' });
        say(undefined);
        const uid = (check.pod as { metadata?: { uid?: unknown } } | undefined)?.metadata?.uid;
        setQuestion({ key, ...(typeof uid === 'string' ? { uid } : {}), confirmation: restartConfirmation(check.pod, owners) });
      },
      (err: unknown) => {
        checking.current = false;
        say({ text: oneLine(err instanceof Error ? err.message : String(err)), tone: 'error' });
      },
    );
  };

  const answer = (yes: boolean): void => {
    if (!question) return;
    const { key, uid, confirmation } = question;
    setQuestion(undefined);
    if (!yes) return say({ text: `pod ${key.namespace}/${key.name} not deleted`, tone: 'dim' });
    say({ text: `deleting pod ${key.namespace}/${key.name}…`, tone: 'dim' });
    services.restartPod({ ...key, ...(uid ? { uid } : {}) }).then(
      (outcome) => say(outcomeText(key, outcome, confirmation)),
      (err: unknown) => say({ text: oneLine(err instanceof Error ? err.message : String(err)), tone: 'error' }),
    );
  };

  return { question, start, answer };
}
