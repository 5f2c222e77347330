// Keys that act on a Pod through the services: logs (l, a, p), shell (s) and port probe (P).
// The UI never waits on them: each starts, and its outcome arrives as state later.
import { defaultContainer } from '../model/defaultContainer.ts';
import { buildPodHost } from '../model/podHost.ts';
import { parseProcNet } from '../model/procNet.ts';
import type { PodHost } from '../model/types.ts';
import type { StoredPod } from '../store/types.ts';
import { sanitize } from '../text/sanitize.ts';
import type { Action } from './keymap.ts';
import { selectedContainerName } from './podActions.ts';
import type { ProbeState } from './probeMerge.ts';
import type { ExecRequest, LogRequest, PodviewServices } from './services.ts';

export type { ProbeState } from './probeMerge.ts';
export type Overlay = 'none' | 'help' | 'filter';
export interface Message {
  text: string;
  tone: 'ok' | 'warn' | 'error' | 'dim';
}

export interface PodActionContext {
  /** The store's uid of the Pod. */
  uid: string;
  pod: StoredPod;
  /** The Pod view's model when the action comes from it (container selection applies). */
  host: PodHost | undefined;
  containerIndex: number;
  /** ms since epoch, for the findings that pick the default container from the list. */
  now?: number;
  services: PodviewServices;
  /** Whether a log view is plugged in. */
  renderLogs: boolean;
  /** Hands the terminal to a shell in the container (useExecFlow). */
  startShell(request: ExecRequest): void;
  setLogs(request: LogRequest): void;
  setMessage(message: Message | undefined): void;
  setProbe(probe: ProbeState): void;
}

function target(ctx: PodActionContext): string | undefined {
  if (ctx.host) return selectedContainerName(ctx.host.containers, ctx.containerIndex);
  return defaultContainer(ctx.pod, buildPodHost(ctx.pod, { now: ctx.now ?? NaN }).diagnosis);
}

export function runPodAction(action: Action, ctx: PodActionContext): void {
  const namespace = ctx.pod.metadata?.namespace ?? '';
  const name = ctx.pod.metadata?.name ?? '';
  const container = target(ctx);
  switch (action.type) {
    case 'logs':
    case 'logsAll':
    case 'logsPrevious': {
      if (!ctx.renderLogs) return ctx.setMessage({ text: 'logs: no log view in this build', tone: 'warn' });
      const request: LogRequest = { namespace, name, follow: action.type !== 'logsPrevious' };
      if (action.type === 'logsAll') request.allContainers = true;
      else if (container) request.container = container;
      if (action.type === 'logsPrevious') request.previous = true;
      return ctx.setLogs(request);
    }
    case 'shell': {
      if (!container) return ctx.setMessage({ text: 'shell: this Pod has no container', tone: 'warn' });
      return ctx.startShell({ namespace, name, container });
    }
    case 'probePorts': {
      const uid = ctx.uid;
      ctx.setMessage({ text: 'probe: reading /proc/net in the Pod…', tone: 'dim' });
      void ctx.services
        .probePorts({ namespace, name })
        .then(
          (result) => {
            if (result.ok && result.tables !== undefined) {
              const where = result.container ? ` in ${sanitize(result.container)}` : '';
              ctx.setProbe({ uid, sockets: parseProcNet(result.tables), note: `probe: ran${where}` });
            } else ctx.setProbe({ uid, note: `probe: skipped: ${sanitize(result.reason ?? 'no result')}` });
          },
          (error: unknown) => ctx.setProbe({ uid, note: `probe: skipped: ${sanitize(error instanceof Error ? error.message : String(error))}` }),
        )
        .then(() => ctx.setMessage(undefined));
      return;
    }
    default:
      return;
  }
}
