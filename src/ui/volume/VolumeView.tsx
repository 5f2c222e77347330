// `enter` (or `v`) on a volume in the Pod view: its files, read through an exec in a container
// that mounts it (services.listVolume). "listing…" while the exec runs; a failure is one line.
import { useEffect, useMemo, useState } from 'react';
import type { VolumeListOutcome, VolumeListRequest } from '../../store/actionRequests.ts';
import { sanitize } from '../../text/sanitize.ts';
import { seg, type Line } from '../lines.tsx';
import { ScrollScreen } from '../scroll/ScrollScreen.tsx';
import type { PodviewServices } from '../services.ts';
import type { Theme } from '../theme.ts';
import { VOLUME_KEYS } from './volumeKeys.ts';
import { volumeBody, volumePinned } from './volumeLines.ts';

export interface VolumeViewProps {
  request: VolumeListRequest;
  services: PodviewServices;
  width: number;
  height: number;
  theme: Theme;
  onClose(): void;
  onQuit(): void;
}

export function VolumeView({ request, services, width, height, theme, onClose, onQuit }: VolumeViewProps) {
  const [outcome, setOutcome] = useState<VolumeListOutcome | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setOutcome(undefined);
    services.listVolume(request).then(
      (result) => live && setOutcome(result),
      (err: unknown) => live && setOutcome({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [request, services]);
  const { pinned, body } = useMemo((): { pinned: Line[]; body: Line[] } => {
    const volume = sanitize(request.volume);
    if (!outcome) return { pinned: [[seg(`listing volume ${volume}: running find in a container that mounts it…`, 'dim')]], body: [] };
    if (outcome.kind === 'error') return { pinned: [[seg(`volume ${volume}: ${sanitize(outcome.message)}`, 'error')]], body: [] };
    return { pinned: volumePinned(outcome.listing, `${request.namespace}/${request.name}`), body: volumeBody(outcome.listing) };
  }, [outcome, request]);
  return <ScrollScreen title="volume listing" keys={VOLUME_KEYS} pinned={pinned} body={body} width={width} height={height} theme={theme} onClose={onClose} onQuit={onQuit} />;
}
