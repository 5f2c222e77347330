// Keys that act on a Pod from the list or the Pod view: logs (l, a, p), a shell (s), its YAML
// (y) and a restart (ctrl-d).
// The UI never waits on them: each starts, and its outcome arrives as state later.
import { defaultContainer } from '../model/defaultContainer.ts';
import type { LeanPod } from '../model/leanPodType.ts';
import { buildPodHost, previewPodHost } from '../model/podHost.ts';
import type { PodHost } from '../model/types.ts';
import type { PodKey, WholePod } from '../store/types.ts';
import type { Action } from './keys/actions.ts';
import { selectedContainerName } from './podActions.ts';
import type { ExecRequest, LogRequest } from './services.ts';

export interface Message {
  text: string;
  tone: 'ok' | 'warn' | 'error' | 'dim';
}

export interface PodActionContext {
  /** The list's (lean) copy: whom the action is about. */
  pod: LeanPod;
  /** The Pod view's model when the action comes from it (container selection applies). */
  host: PodHost | undefined;
  containerIndex: number;
  /** ms since epoch, for the findings that pick the default container from the list. */
  now?: number;
  /** Hands the terminal to a shell in the container (useExecFlow). */
  startShell(request: ExecRequest): void;
  openLogs(request: LogRequest): void;
  /** The Pods the list shows when it is filtered or narrowed to a workload: `a` follows all of them. */
  listed?: readonly PodKey[];
  openYaml(pod: PodKey): void;
  /** ctrl-d: the access review, then the confirmation (useRestartFlow). */
  restart(pod: PodKey): void;
  say(message: Message | undefined): void;
  /** From the list: reads the Pod whole (services.readPod), on whose findings the container is chosen. */
  readPod?(key: PodKey): Promise<WholePod | undefined>;
}

/** The container the Pod's worst finding is about, else kubectl's rule: read on the whole Pod. */
function chosenOnWhole(whole: WholePod, now: number | undefined): string | undefined {
  return defaultContainer(whole, buildPodHost(whole, { now: now ?? NaN }).diagnosis);
}

/** The same choice on the list's lean copy, when the whole Pod cannot be read: only the findings it supports (no last termination's reason, probes or restartPolicy). */
function chosenOnLean(ctx: PodActionContext): string | undefined {
  return defaultContainer(ctx.pod, previewPodHost(ctx.pod, { now: ctx.now ?? NaN }).diagnosis);
}

/** Whether the action names one container of the Pod (all of a set of Pods' do not). */
function needsContainer(action: Action, ctx: PodActionContext): boolean {
  if (action.type === 'logsAll') return !(ctx.listed && ctx.listed.length > 1);
  return action.type === 'logs' || action.type === 'logsPrevious' || action.type === 'shell';
}

/**
 * l, a, p, s, y and ctrl-d on a Pod, from the list or the Pod view; other actions are not about
 * a Pod. The Pod view acts on its selected container. The list holds only lean copies, so from
 * it the container is chosen on the Pod read whole first (the action starts once it is read).
 */
export function runPodAction(action: Action, ctx: PodActionContext): void {
  if (ctx.host) return act(action, ctx, selectedContainerName(ctx.host.containers, ctx.containerIndex));
  const { readPod } = ctx;
  if (!readPod || !needsContainer(action, ctx)) return act(action, ctx, chosenOnLean(ctx));
  const key = { namespace: ctx.pod.metadata?.namespace ?? '', name: ctx.pod.metadata?.name ?? '' };
  void readPod(key)
    .catch(() => undefined)
    .then((whole) => act(action, ctx, whole ? chosenOnWhole(whole, ctx.now) : chosenOnLean(ctx)));
}

function act(action: Action, ctx: PodActionContext, container: string | undefined): void {
  const namespace = ctx.pod.metadata?.namespace ?? '';
  const name = ctx.pod.metadata?.name ?? '';
  switch (action.type) {
    case 'logs':
    case 'logsAll':
    case 'logsPrevious': {
      const request: LogRequest = { namespace, name, follow: action.type !== 'logsPrevious' };
      if (action.type === 'logsAll') request.allContainers = true;
      if (action.type === 'logsAll' && ctx.listed && ctx.listed.length > 1) request.pods = ctx.listed;
      else if (container) request.container = container;
      if (action.type === 'logsPrevious') request.previous = true;
      return ctx.openLogs(request);
    }
    case 'evidenceLogs': {
      // The instance has ended: its lines are all there is, nothing to follow.
      const request: LogRequest = { namespace, name, container: action.container, follow: false };
      if (action.previous) request.previous = true;
      return ctx.openLogs(request);
    }
    case 'shell': {
      if (!container) return ctx.say({ text: 'shell: this Pod has no container', tone: 'warn' });
      return ctx.startShell({ namespace, name, container });
    }
    case 'yaml':
      return ctx.openYaml({ namespace, name });
    case 'restart':
      return ctx.restart({ namespace, name });
    default:
      return;
  }
}
