// `f` in the Pod view: the selected container's next TCP port forwarded, announced once it
// listens (its address copied to the clipboard where allowed), or its failure said.
import { useEffect, useState } from 'react';
import type { Forward, ForwardStore } from '../../store/forwards.ts';
import type { OpenHostScreen } from '../host/useHostScreen.tsx';
import type { Message } from '../podKeys.ts';
import type { PodviewServices } from '../services.ts';
import { pickForward } from './forwardTarget.ts';

export function useForwardStart(forwards: ForwardStore, all: readonly Forward[], services: PodviewServices, say: (m: Message | undefined) => void) {
  const [announce, setAnnounce] = useState<number | undefined>(undefined);
  const announced = announce === undefined ? undefined : all.find((f) => f.id === announce);
  useEffect(() => {
    if (announce === undefined || announced?.state === 'starting') return;
    setAnnounce(undefined);
    if (announced?.state === 'failed') return say({ text: `port-forward ${announced.pod}:${announced.remotePort}: ${announced.lastEvent ?? 'failed'}`, tone: 'error' });
    if (announced?.state !== 'active' || !announced.localAddress) return;
    const copied = services.copyText?.(announced.localAddress) ?? false;
    say({ text: `forwarding ${announced.localAddress} -> ${announced.pod}:${announced.remotePort}${copied ? ' (address copied)' : ''} · F lists forwards`, tone: 'ok' });
  }, [announce, announced, services, say]);
  return (host: OpenHostScreen, namespace: string, pod: string): void => {
    const pick = pickForward(host.host, host.containerIndex, namespace, pod, all);
    if (!pick.ok) return say({ text: pick.reason, tone: 'warn' });
    say({ text: `port-forward: starting ${pick.target.pod}:${pick.target.remotePort}…`, tone: 'dim' });
    setAnnounce(forwards.start(pick.target));
  };
}
