// Plugs the log view into App (RenderLogs): opens the session for the request, closes it
// when the view goes away, and names the view after what it shows.
import React, { useEffect, useMemo } from 'react';
import type { LogViewHostProps } from '../plugins.ts';
import { LogView } from './LogView.tsx';

export const DEFAULT_TAIL = 200;

export function logTitle(props: Pick<LogViewHostProps, 'request'>): string {
  const r = props.request;
  const what = r.allContainers ? 'all containers' : (r.container ?? 'default container');
  return `logs ${r.namespace}/${r.name} · ${what}${r.previous ? ' · previous' : ''}`;
}

export function LogViewHost(props: LogViewHostProps & { logColors?: boolean }) {
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
      saveText={(name, text) => services.saveText(name, text)}
      width={props.columns}
      height={props.rows}
    />
  );
}
