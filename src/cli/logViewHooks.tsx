// The log view's plumbing for the TUI: sessions come from the cluster layer. The full-screen
// log view plugs in through App's renderLogs once src/ui has one; until then App says so.
import type { KubeConfig } from '@kubernetes/client-node';
import { openLogSession } from '../cluster/logs.ts';
import type { RenderLogs } from '../ui/plugins.ts';
import type { LogRequest, LogSession } from '../ui/services.ts';

export function logViewHooks(kubeConfig: KubeConfig): { openLogs(request: LogRequest): LogSession; renderLogs?: RenderLogs } {
  return {
    openLogs: (request) => openLogSession(kubeConfig, request),
  };
}
