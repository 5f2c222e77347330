// The Pod-as-host view-model: everything the host view, the text snapshot and -o json show.

import type { LeanPod, WholePod } from './leanPodType.ts';
import { secondsSince } from '../text/age.ts';
import { containerViews } from './containers.ts';
import { diagnose } from './diagnosis.ts';
import { eventViews } from './events.ts';
import { ownerViews } from './owners.ts';
import { portMap } from './ports.ts';
import { obj, str, stringMap, text } from './read.ts';
import { podResources } from './resources.ts';
import { podStatusColumns } from './status.ts';
import type { PodContext, PodHost } from './types.ts';
import { volumeViews } from './volumes.ts';

/** Builds the view-model of a whole Pod without caching; see toPodHost for the memoized entry point. */
export function buildPodHost(pod: WholePod, ctx: PodContext): PodHost {
  return hostOf(pod, ctx);
}

/**
 * The view-model of the list's lean copy of a Pod, for the moments before the whole one is read
 * (store/focusedPod): names, states, readiness and restarts as the row has them, but no volumes,
 * ports, probes, env or resources, and a diagnosis of only what those allow.
 */
export function previewPodHost(pod: LeanPod, ctx: PodContext): PodHost {
  return hostOf(pod, ctx);
}

// Every reader checks the type of what it reads, so the lean copy gives a host with less in it.
function hostOf(pod: LeanPod | WholePod, ctx: PodContext): PodHost {
  const p = obj(pod);
  const meta = obj(p.metadata);
  const spec = obj(p.spec);
  const status = obj(p.status);
  const now = typeof ctx?.now === 'number' ? ctx.now : NaN;
  const columns = podStatusColumns(pod);
  const containers = containerViews(p, ctx?.usage);
  const volumes = volumeViews(p);
  const ports = portMap(containers);
  const events = eventViews(ctx?.events, now);
  const host: PodHost = {
    uid: text(meta.uid) ?? '',
    namespace: text(meta.namespace) ?? '',
    name: text(meta.name) ?? '',
    status: columns.status,
    phase: text(status.phase) ?? '',
    ready: columns.ready,
    restarts: columns.restarts,
    containers,
    volumes,
    ports,
    resources: podResources(p, containers),
    owners: ownerViews(p, Array.isArray(ctx?.owners) ? ctx.owners : undefined),
    events,
    diagnosis: diagnose({ pod: p, containers, volumes, ports, events, now }),
    labels: stringMap(meta.labels),
    deleted: ctx?.deleted === true,
    terminating: meta.deletionTimestamp != null,
  };
  const age = secondsSince(meta.creationTimestamp, now);
  if (age !== undefined) host.ageSeconds = age;
  if (columns.lastRestartMs !== undefined && Number.isFinite(now)) host.lastRestartAgeSeconds = Math.floor((now - columns.lastRestartMs) / 1000);
  const node = text(spec.nodeName);
  if (node) host.node = node;
  const podIP = text(status.podIP);
  if (podIP) host.podIP = podIP;
  const hostIP = text(status.hostIP);
  if (hostIP) host.hostIP = hostIP;
  const rv = str(meta.resourceVersion);
  if (rv) host.resourceVersion = text(rv);
  return host;
}
