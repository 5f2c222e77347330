// The log view's plumbing for the TUI: sessions come from the cluster layer, the full-screen
// view from src/ui/logs, with the user's --log-colors and --log-lines.
import React from 'react';
import type { KubeConfig } from '@kubernetes/client-node';
import { openLogSession } from '../cluster/logs.ts';
import { LogViewHost } from '../ui/logs/LogViewHost.tsx';
import type { RenderLogs } from '../ui/plugins.ts';
import type { LogRequest, LogSession } from '../ui/services.ts';

export function logViewHooks(kubeConfig: KubeConfig, options: { logColors: boolean; logLines?: number }): { openLogs(request: LogRequest): LogSession; renderLogs: RenderLogs } {
  return {
    openLogs: (request) => openLogSession(kubeConfig, request, { bufferLines: options.logLines }),
    renderLogs: (props) => <LogViewHost {...props} logColors={options.logColors} />,
  };
}
