// Readiness: a running container that is not ready, with the probe's newest failure event as
// evidence. An event says its count and age, so a reader can tell news from history; a
// readiness failure event is dropped when the Pod's state contradicts it (every container
// with a readiness probe is ready now).

import { humanDuration } from '../text/age.ts';
import { finding } from './finding.ts';
import type { ContainerView, Diagnosis, EventView } from './types.ts';

/** "(12x, last 3m ago)": how often and how long ago, so a reader can tell news from history. */
export function eventEvidence(e: EventView): string {
  const age = e.ageSeconds !== undefined ? `, last ${humanDuration(Math.max(0, e.ageSeconds))} ago` : '';
  return `${e.message} (${e.count}x${age})`;
}

export function readinessFindings(containers: ContainerView[], events: EventView[]): Diagnosis[] {
  const out: Diagnosis[] = [];
  const failed = events.filter((e) => e.reason === 'Unhealthy' && /^Readiness probe/i.test(e.message));
  const latest = failed[0]; // newest first (eventViews)
  for (const c of containers) {
    const probe = c.probes.find((p) => p.startsWith('readiness '));
    if (c.state.state !== 'running' || c.ready || !probe) continue;
    out.push(finding('warning', 'ReadinessProbeFailing', c.name, `${c.name} is running but not ready`, latest ? eventEvidence(latest) : probe));
  }
  if (out.length > 0 || !latest) return out;
  // The event names no container here; it is current only while some container could still be failing it.
  const probed = containers.filter((c) => c.probes.some((p) => p.startsWith('readiness ')));
  const contradicted = probed.length > 0 ? probed.every((c) => c.ready) : containers.length > 0 && containers.every((c) => c.ready || c.kind === 'init');
  if (!contradicted) out.push(finding('warning', 'ReadinessProbeFailing', undefined, 'a readiness probe is failing', eventEvidence(latest)));
  return out;
}

export function sidecarFindings(containers: ContainerView[]): Diagnosis[] {
  // Only apps that have not started yet wait on sidecars; a crash-looping app already started.
  const appsWaiting = containers.some((c) => c.kind === 'app' && (c.state.state === 'unknown' || (c.state.state === 'waiting' && (c.state.reason ?? 'PodInitializing') === 'PodInitializing')));
  if (!appsWaiting) return [];
  return containers
    .filter((c) => c.kind === 'sidecar' && !c.ready)
    .map((c) => finding('warning', 'SidecarNotReady', c.name, `native sidecar ${c.name} is not ${c.started ? 'ready' : 'started'} (${c.state.reason ?? c.state.state}); app containers wait for it`));
}
