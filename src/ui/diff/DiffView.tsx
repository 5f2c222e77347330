// `d` in the Pod view: the open Pod beside a healthy sibling of the same owner. The sibling is
// asked of the services once per opened Pod (the list read can take a while: "reading…" until
// then); the comparison itself is model/diffPods.ts, redone as the open Pod changes.
import type { WholePod } from '../../store/types.ts';
import { useEffect, useMemo, useState } from 'react';
import { diffPods } from '../../model/diffPods.ts';
import { controllerOwner } from '../../model/podFacets.ts';
import type { Usage } from '../../model/types.ts';
import type { ReplicaOutcome } from '../../store/replicaRequests.ts';
import { sanitize } from '../../text/sanitize.ts';
import { seg, type Line } from '../lines.tsx';
import { ScrollScreen } from '../scroll/ScrollScreen.tsx';
import type { PodviewServices } from '../services.ts';
import type { Theme } from '../theme.ts';
import { DIFF_KEYS } from './diffKeys.ts';
import { diffBody, diffPinned } from './diffLines.ts';

export interface DiffViewProps {
  /** The open Pod whole (undefined until the focus feed has read it). */
  pod: WholePod | undefined;
  usage: Record<string, Usage> | undefined;
  services: PodviewServices;
  now: number;
  width: number;
  height: number;
  theme: Theme;
  onClose(): void;
  onQuit(): void;
}

const oneLine = (text: string, tone: 'dim' | 'warn' | 'error'): Line[] => [[seg(sanitize(text), tone)]];

function waiting(pod: WholePod | undefined): string {
  if (!pod) return 'reading the Pod…';
  const owner = controllerOwner(pod);
  return owner ? `reading the other Pods of ${owner.kind}/${owner.name}…` : 'reading…';
}

export function DiffView({ pod, usage, services, now, width, height, theme, onClose, onQuit }: DiffViewProps) {
  const [outcome, setOutcome] = useState<{ uid: string; result: ReplicaOutcome } | undefined>(undefined);
  const uid = pod?.metadata?.uid ?? '';
  const ready = pod !== undefined;
  useEffect(() => {
    if (!ready || !pod) return;
    let live = true;
    services.pickReplica(pod).then(
      (result) => live && setOutcome({ uid, result }),
      (err: unknown) => live && setOutcome({ uid, result: { kind: 'error', message: err instanceof Error ? err.message : String(err) } }),
    );
    return () => {
      live = false;
    };
    // Once per opened Pod: its watch updates redo the comparison below, not the list read.
  }, [uid, ready, services]);
  const result = outcome?.uid === uid ? outcome.result : undefined;
  const { pinned, body } = useMemo(() => {
    if (!pod || !result) return { pinned: oneLine(waiting(pod), 'dim'), body: [] as Line[] };
    if (result.kind === 'none') return { pinned: oneLine(result.reason, 'warn'), body: [] };
    if (result.kind === 'error') return { pinned: oneLine(`cannot pick a sibling: ${result.message}`, 'error'), body: [] };
    const diff = diffPods(pod, result.pod, { now, ...(usage ? { usageA: usage } : {}), ...(result.usage ? { usageB: result.usage } : {}) });
    return { pinned: diffPinned(diff), body: diffBody(diff, width) };
  }, [pod, result, usage, now, width]);
  return <ScrollScreen title="replica diff" keys={DIFF_KEYS} pinned={pinned} body={body} width={width} height={height} theme={theme} onClose={onClose} onQuit={onQuit} />;
}
