// The full-screen views opened on a Pod: its logs, its YAML, the replica diff and a volume's
// files. Which one is open, and drawing it; while one is open it has the keys. The diff and the
// volume listing belong to the open Pod and close with it.
import type React from 'react';
import { useState } from 'react';
import type { VolumeListRequest } from '../../store/actionRequests.ts';
import type { PodKey } from '../../store/types.ts';
import type { AppProps } from '../appProps.ts';
import { DiffView } from '../diff/DiffView.tsx';
import { LogViewHost } from '../logs/LogViewHost.tsx';
import type { LogRequest } from '../services.ts';
import type { Theme } from '../theme.ts';
import { VolumeView } from '../volume/VolumeView.tsx';
import { YamlView } from '../yaml/YamlView.tsx';

export interface PodOverlays {
  openLogs(request: LogRequest): void;
  openYaml(pod: PodKey): void;
  openDiff(): void;
  openVolume(request: VolumeListRequest): void;
  /** Leaving the open Pod closes what was opened on it. */
  closePodViews(): void;
  /** The open view, drawn full screen; undefined when none is open. */
  view: React.ReactNode | undefined;
}

interface OverlayInput {
  props: AppProps;
  /** Whether a Pod is open: should it go away, its diff and volume views go with it. */
  hostOpen: boolean;
  width: number;
  height: number;
  clock: number;
  theme: Theme;
}

export function usePodOverlays({ props, hostOpen, width, height, clock, theme }: OverlayInput): PodOverlays {
  const { services, color, onExit: onQuit, focused } = props;
  const [logs, setLogs] = useState<LogRequest | undefined>(undefined);
  const [yaml, setYaml] = useState<PodKey | undefined>(undefined);
  const [diff, setDiff] = useState(false);
  const [volume, setVolume] = useState<VolumeListRequest | undefined>(undefined);
  const common = { services, onQuit, width, height };
  let view: React.ReactNode | undefined;
  if (logs) {
    view = <LogViewHost request={logs} services={services} onClose={() => setLogs(undefined)} onQuit={onQuit} columns={width} rows={height} color={color} logColors={props.logColors ?? false} />;
  } else if (yaml) {
    view = <YamlView pod={yaml} {...common} onClose={() => setYaml(undefined)} color={color} />;
  } else if (diff && hostOpen) {
    const record = focused.current;
    view = <DiffView pod={record?.pod} usage={record?.details?.usage} {...common} now={clock} theme={theme} onClose={() => setDiff(false)} />;
  } else if (volume && hostOpen) {
    view = <VolumeView request={volume} {...common} theme={theme} onClose={() => setVolume(undefined)} />;
  }
  return {
    openLogs: setLogs,
    openYaml: setYaml,
    openDiff: () => setDiff(true),
    openVolume: setVolume,
    closePodViews: () => {
      setDiff(false);
      setVolume(undefined);
    },
    view,
  };
}
