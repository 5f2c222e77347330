// READY, STATUS and RESTARTS the way kubectl and kube-apiserver's pod printer compute them,
// kept here (not borrowed from the product) so the sim cannot agree with podview by accident.
import type { KObject } from './kObject.ts';

/** kube's duration.HumanDuration, as used for the AGE column. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60 * 2) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 60 * 3) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 24 * 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  if (d < 365 * 8) return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
  return `${y}y`;
}

export const ageOf = (obj: KObject, now: number): string => {
  const ts = obj.metadata?.creationTimestamp;
  return ts ? humanDuration(now - Date.parse(ts)) : '<unknown>';
};

const hasCondition = (pod: KObject, type: string): boolean => (pod.status?.conditions ?? []).some((c: KObject) => c.type === type && c.status === 'True');

function terminatedReason(t: KObject, prefix: string): string {
  if (t.reason) return prefix + t.reason;
  if (t.signal) return `${prefix}Signal:${t.signal}`;
  return `${prefix}ExitCode:${t.exitCode}`;
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: number;
  lastRestartMs?: number;
}

export function summarizePod(pod: KObject): PodSummary {
  const spec = pod.spec ?? {};
  const st = pod.status ?? {};
  const initSpecs: KObject[] = spec.initContainers ?? [];
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const total = (spec.containers ?? []).length + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let lastRestartMs: number | undefined;
  const noteRestart = (cs: KObject) => {
    const finished = cs.lastState?.terminated?.finishedAt;
    if (finished) lastRestartMs = Math.max(lastRestartMs ?? 0, Date.parse(finished));
  };
  let reason: string = st.reason || st.phase || '';
  let initializing = false;
  const inits: KObject[] = st.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const cs = inits[i];
    restarts += cs!.restartCount ?? 0;
    noteRestart(cs!);
    if (sidecars.has(cs!.name) && cs!.started && cs!.ready) ready++;
    if (cs!.state?.terminated && cs!.state.terminated.exitCode === 0) continue;
    if (sidecars.has(cs!.name) && cs!.started) continue;
    if (cs!.state?.terminated) reason = terminatedReason(cs!.state.terminated, 'Init:');
    else if (cs!.state?.waiting?.reason && cs!.state.waiting.reason !== 'PodInitializing') reason = `Init:${cs!.state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }
  if (!initializing || hasCondition(pod, 'Initialized')) {
    let hasRunning = false;
    const statuses: KObject[] = st.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs!.restartCount ?? 0;
      noteRestart(cs!);
      if (cs!.state?.waiting?.reason) reason = cs!.state.waiting.reason;
      else if (cs!.state?.terminated?.reason) reason = cs!.state.terminated.reason;
      else if (cs!.state?.terminated) reason = terminatedReason(cs!.state.terminated, '');
      else if (cs!.ready && cs!.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }
  if (pod.metadata?.deletionTimestamp) reason = st.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return { ready: `${ready}/${total}`, status: reason, restarts, lastRestartMs };
}

export function restartsCell(s: PodSummary, now: number): string {
  return s.lastRestartMs ? `${s.restarts} (${humanDuration(now - s.lastRestartMs)} ago)` : String(s.restarts);
}
