// Findings about one container: how its process ended (now or last time) and why it cannot start.

import { formatMemory } from '../text/quantity.ts';
import { exitText } from './exitCodes.ts';
import { ago, finding, isRecent } from './finding.ts';
import type { ContainerView, Diagnosis } from './types.ts';

export interface ContainerContext {
  now: number;
  /** spec.restartPolicy, Always when the spec leaves it out. */
  restartPolicy: string;
  phase: string;
}

const PULL_ERRORS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
const START_ERRORS = new Set(['CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'PreStartHookError', 'PostStartHookError']);
const NEAR_LIMIT = 0.9;
/** A termination message can be a whole log tail (FallbackToLogsOnError): its end says why. */
const MESSAGE_CHARS = 200;

function clip(message: string): string {
  return message.length > MESSAGE_CHARS ? `…${message.slice(-MESSAGE_CHARS).trimStart()}` : message;
}

/** The probe whose failures make the kubelet restart the container: liveness, else startup. */
function liveness(c: ContainerView): string | undefined {
  const probe = c.probes.find((p) => p.startsWith('liveness ')) ?? c.probes.find((p) => p.startsWith('startup '));
  return probe?.replace(/^(liveness|startup) /, '$1 probe ');
}

/** Whether the kubelet starts this container again when it ends, whatever its exit code. */
function restartsAlways(c: ContainerView, ctx: ContainerContext): boolean {
  return c.kind === 'sidecar' || (c.kind === 'app' && ctx.restartPolicy === 'Always');
}

function lastText(c: ContainerView, now: number): string {
  const last = c.lastTermination;
  if (!last) return '';
  const message = last.message ? `; message: ${clip(last.message)}` : '';
  return `${exitText(last.exitCode, last.reason, liveness(c))}${message}${ago(last.finishedAt, now)}`;
}

function oomLine(c: ContainerView, ctx: ContainerContext): Diagnosis | undefined {
  const now = c.state.state === 'terminated' && c.state.reason === 'OOMKilled';
  const last = c.lastTermination?.reason === 'OOMKilled' && isRecent(c.lastTermination.finishedAt, ctx.now);
  if (!now && !last) return undefined;
  const limit = c.limits.memoryBytes;
  const usage = c.usage?.memoryBytes;
  const evidence = [limit !== undefined ? `memory limit ${c.limits.memory ?? formatMemory(limit)}` : 'no memory limit, so the node ran short'];
  if (usage !== undefined) evidence.push(`last usage ${formatMemory(usage)}`);
  const exitCode = now ? c.state.exitCode : c.lastTermination?.exitCode;
  if (exitCode !== undefined) evidence.push(`exit code ${exitCode}`);
  const when = ago(now ? c.state.since : c.lastTermination?.finishedAt, ctx.now).replace(/^, /, '');
  if (when) evidence.push(when);
  return finding('error', 'OOMKilled', c.name, `${c.name} was OOMKilled${now ? '' : ` (${c.restarts} restarts)`}`, evidence.join(', '));
}

function nearLimitLine(c: ContainerView): Diagnosis | undefined {
  const limit = c.limits.memoryBytes;
  const usage = c.usage?.memoryBytes;
  if (usage === undefined || limit === undefined || limit <= 0 || usage / limit < NEAR_LIMIT) return undefined;
  const pct = Math.round((usage / limit) * 100);
  return finding('warning', 'NearMemoryLimit', c.name, `${c.name} uses ${formatMemory(usage)} of its ${c.limits.memory ?? formatMemory(limit)} memory limit (${pct}%)`);
}

function waitingLines(c: ContainerView, ctx: ContainerContext): Diagnosis[] {
  const reason = c.state.reason ?? '';
  if (reason === 'CrashLoopBackOff') {
    const last = c.lastTermination;
    const exitedZero = last?.exitCode === 0 && restartsAlways(c, ctx) && !liveness(c);
    const why = exitedZero ? ': it ends by itself and restartPolicy Always starts it again' : '';
    const evidence = `${c.restarts} restarts${last ? `, last ${lastText(c, ctx.now)}${why}` : ''}`;
    return [finding('error', 'CrashLoopBackOff', c.name, `${c.kind === 'init' ? 'init container ' : ''}${c.name} is crash-looping`, evidence)];
  }
  if (PULL_ERRORS.has(reason)) return [finding('error', reason, c.name, `${c.name} cannot pull image ${c.image}`, c.state.message)];
  if (START_ERRORS.has(reason)) return [finding('error', reason, c.name, `${c.name} cannot start`, c.state.message)];
  return [];
}

function terminatedLines(c: ContainerView, ctx: ContainerContext): Diagnosis[] {
  const { exitCode, reason, message, since } = c.state;
  // A debug container ends when its user leaves it, with whatever code the shell returns.
  if (reason === 'OOMKilled' || c.kind === 'ephemeral') return [];
  const evidence = `${exitText(exitCode, reason, liveness(c))}${message ? `; message: ${clip(message)}` : ''}${ago(since, ctx.now)}`;
  if (exitCode === 0) {
    if (!restartsAlways(c, ctx) || liveness(c)) return [];
    return [
      finding(
        'warning',
        'CompletedRestarting',
        c.name,
        `${c.name} finished though restartPolicy is Always: a long-running container that ends is started again, and the Pod is not ready meanwhile (${c.restarts} restarts)`,
        evidence,
      ),
    ];
  }
  if (c.kind === 'init') return [finding('error', 'InitContainerFailed', c.name, `init container ${c.name} failed`, evidence)];
  if (restartsAlways(c, ctx) && ctx.phase !== 'Failed') {
    return [finding('error', 'ContainerExited', c.name, `${c.name} exited and is being restarted (${c.restarts} restarts)`, evidence)];
  }
  return [finding('error', 'ContainerFailed', c.name, `${c.name} failed for good (restartPolicy ${ctx.restartPolicy}${ctx.phase ? `, Pod ${ctx.phase}` : ''})`, evidence)];
}

/** A container that runs (or waits) again after a termination: the last one is a finding while it is recent. */
function restartLine(c: ContainerView, ctx: ContainerContext): Diagnosis | undefined {
  const last = c.lastTermination;
  if (!last || c.kind === 'ephemeral' || c.state.state === 'terminated' || last.reason === 'OOMKilled') return undefined;
  // A waiting reason with a finding of its own (crash loop, pull or start error) already explains it.
  if (c.state.state === 'waiting' && (c.state.reason === 'CrashLoopBackOff' || PULL_ERRORS.has(c.state.reason ?? '') || START_ERRORS.has(c.state.reason ?? ''))) return undefined;
  if (!isRecent(last.finishedAt, ctx.now)) return undefined;
  if (last.exitCode === 0 && restartsAlways(c, ctx) && !liveness(c)) {
    return finding('warning', 'CompletedRestarting', c.name, `${c.name} ended by itself and was started again (${c.restarts} restarts): a long-running process should not exit`, lastText(c, ctx.now));
  }
  return finding('warning', 'Restarted', c.name, `${c.name} restarted${c.restarts > 0 ? ` (${c.restarts} restarts)` : ''}`, `last ${lastText(c, ctx.now)}`);
}

export function containerFindings(c: ContainerView, ctx: ContainerContext): Diagnosis[] {
  const out: Diagnosis[] = [];
  const oom = oomLine(c, ctx);
  if (oom) out.push(oom);
  else {
    const near = nearLimitLine(c);
    if (near) out.push(near);
  }
  if (c.state.state === 'waiting') out.push(...waitingLines(c, ctx));
  if (c.state.state === 'terminated') out.push(...terminatedLines(c, ctx));
  const restart = restartLine(c, ctx);
  if (restart) out.push(restart);
  return out;
}
