// The log screen: opens the session for the request, closes it when the screen goes away,
// and names the view after what it shows.
import { useEffect, useMemo } from 'react';
import type { LogRequest, PodviewServices } from '../services.ts';
import { LogView } from './LogView.tsx';

export const DEFAULT_TAIL = 200;

export interface LogViewHostProps {
  /** What to stream: one container, all of them (allContainers) or the previous instance. */
  request: LogRequest;
  /** The view opens services.openLogs(request) itself and closes the session on unmount. */
  services: PodviewServices;
  /** esc: back to where the user came from (the list or the Pod view). */
  onClose(): void;
  /** q or ctrl-c: quit podview. */
  onQuit(): void;
  columns: number;
  rows: number;
  color: boolean;
  /** Keep the containers' SGR colours (--log-colors). */
  logColors?: boolean;
}

export function logTitle(props: Pick<LogViewHostProps, 'request'>): string {
  const r = props.request;
  if (r.pods && r.pods.length > 1) {
    const namespaces = new Set(r.pods.map((p) => p.namespace));
    const where = namespaces.size === 1 ? ` in ${r.namespace}` : '';
    return `logs of ${r.pods.length} Pods${where} · all containers${r.previous ? ' · previous' : ''}`;
  }
  const what = r.allContainers ? 'all containers' : (r.container ?? 'default container');
  return `logs ${r.namespace}/${r.name} · ${what}${r.previous ? ' · previous' : ''}`;
}

export function LogViewHost(props: LogViewHostProps) {
  const { services, request } = props;
  // The default history is 200 lines per container unless the request says otherwise.
  const session = useMemo(() => services.openLogs({ ...request, tailLines: request.tailLines ?? DEFAULT_TAIL }), [services, request]);
  useEffect(() => () => session.close(), [session]);
  return (
    <LogView
      session={session}
      title={logTitle(props)}
      color={props.color}
      logColors={props.logColors}
      onClose={props.onClose}
      onQuit={props.onQuit}
      saveText={(name, text) => services.saveText(name, text)}
      width={props.columns}
      height={props.rows}
    />
  );
}
