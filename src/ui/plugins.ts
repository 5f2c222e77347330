// How the log view plugs into App: App decides when it shows and takes the screen back when
// it closes; the view owns its log session.
import type { ReactNode } from 'react';
import type { LogRequest, PodviewServices } from './services.ts';

export interface LogViewHostProps {
  /** What to stream: one container, all of them (allContainers) or the previous instance. */
  request: LogRequest;
  /** The view opens services.openLogs(request) itself and closes the session on unmount. */
  services: PodviewServices;
  /** Call to return to where the user came from (the list or the Pod view). */
  onClose(): void;
  columns: number;
  rows: number;
  color: boolean;
}

export type RenderLogs = (props: LogViewHostProps) => ReactNode;
