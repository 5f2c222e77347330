// The Pod's "processes": every container in start order with its state and wiring.

import { timestampText } from '../text/age.ts';
import { envFromViews, envViews } from './env.ts';
import { specContainers, statusIndex } from './kinds.ts';
import { probeLines } from './probes.ts';
import { bool, int, num, obj, objs, str, text, type Obj } from './read.ts';
import { resourceAmounts } from './resourceAmounts.ts';
import type { ContainerState, ContainerView, LastTermination, PortDecl, Usage } from './types.ts';

/** A termination or waiting message: several lines (a log tail, a stack) read as one, words kept apart. */
function messageText(value: unknown): string | undefined {
  const raw = str(value);
  return raw === undefined ? undefined : text(raw.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

export function containerState(stateField: unknown): ContainerState {
  const state = obj(stateField);
  if (state.running != null) {
    const r = obj(state.running);
    const out: ContainerState = { state: 'running' };
    const since = timestampText(r.startedAt);
    if (since) out.since = since;
    return out;
  }
  if (state.terminated != null) {
    const t = obj(state.terminated);
    const out: ContainerState = { state: 'terminated', exitCode: int(t.exitCode) };
    const reason = text(t.reason);
    if (reason) out.reason = reason;
    const message = messageText(t.message);
    if (message) out.message = message;
    const since = timestampText(t.finishedAt);
    if (since) out.since = since;
    return out;
  }
  if (state.waiting != null) {
    const w = obj(state.waiting);
    const out: ContainerState = { state: 'waiting' };
    const reason = text(w.reason);
    if (reason) out.reason = reason;
    const message = messageText(w.message);
    if (message) out.message = message;
    return out;
  }
  return { state: 'unknown' };
}

function lastTermination(status: Obj): LastTermination | undefined {
  const last = obj(status.lastState);
  if (last.terminated == null) return undefined;
  const t = obj(last.terminated);
  const out: LastTermination = {};
  const reason = text(t.reason);
  if (reason) out.reason = reason;
  if (typeof t.exitCode === 'number') out.exitCode = int(t.exitCode);
  const finishedAt = timestampText(t.finishedAt);
  if (finishedAt) out.finishedAt = finishedAt;
  const message = messageText(t.message);
  if (message) out.message = message;
  return out;
}

export function portDecls(container: Obj): PortDecl[] {
  const out: PortDecl[] = [];
  for (const p of objs(container.ports)) {
    const port = num(p.containerPort);
    if (port === undefined) continue;
    const decl: PortDecl = { containerPort: Math.trunc(port), protocol: text(p.protocol) || 'TCP' };
    const name = text(p.name);
    if (name) decl.name = name;
    const hostPort = num(p.hostPort);
    if (hostPort !== undefined && hostPort !== 0) decl.hostPort = Math.trunc(hostPort);
    out.push(decl);
  }
  return out;
}

function usageFor(usage: Map<string, Usage> | Record<string, Usage> | undefined, name: string): Usage | undefined {
  if (!usage) return undefined;
  if (usage instanceof Map) return usage.get(name);
  return Object.hasOwn(usage, name) ? usage[name] : undefined;
}

/**
 * Every container's view. `wiring: false` leaves out what only the host view's config and
 * resources sections read (env, envFrom, requests): the diagnosis reads none of it, and the
 * list runs the diagnosis on every Pod that enters the store.
 */
export function containerViews(pod: unknown, usage?: Map<string, Usage> | Record<string, Usage>, wiring = true): ContainerView[] {
  const statuses = statusIndex(pod);
  return specContainers(pod).map((c, order) => {
    const status = statuses[c.kind].get(c.name) ?? {};
    const resources = obj(c.spec.resources);
    const view: ContainerView = {
      name: text(c.name) ?? '',
      kind: c.kind,
      order,
      image: text(c.spec.image) ?? text(status.image) ?? '',
      state: status.state != null ? containerState(status.state) : { state: 'unknown' },
      ready: bool(status.ready) === true,
      restarts: int(status.restartCount),
      probes: probeLines(c.spec),
      ports: portDecls(c.spec),
      requests: wiring ? resourceAmounts(resources.requests) : {},
      limits: resourceAmounts(resources.limits),
      env: wiring ? envViews(c.spec) : [],
      envFrom: wiring ? envFromViews(c.spec) : [],
    };
    const started = bool(status.started);
    if (started !== undefined) view.started = started;
    const last = lastTermination(status);
    if (last) view.lastTermination = last;
    const u = usageFor(usage, c.name);
    if (u) view.usage = u;
    return view;
  });
}
