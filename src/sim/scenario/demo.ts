// The built-in demo cluster: the seed article's user-msvc Pod plus Pods that show every situation
// podview explains, assembled from the parts in demoShop, demoApps and demoProblems.
import type { PodRuntime, Scenario, ScenarioObjects } from './types.ts';
import { namespace } from './workloads.ts';
import { DAY, type Part } from './demoKit.ts';
import { shopPart } from './demoShop.ts';
import { nativeSidecarApp, nightlyReportJob, nodeLogShipper, ordinaryApps, statefulDatabase } from './demoApps.ts';
import { crashLoopingSidecar, duplicatePorts, hostileLogs, imagePullBackOff, oomKilled, sidecarOwnsAppPort, stuckInit, terminating } from './demoProblems.ts';
import { exoticVolumes } from './demoVolumes.ts';

export const DEMO_NAMESPACES = ['shop', 'payments', 'catalog', 'platform'] as const;

export function emptyObjects(): ScenarioObjects {
  return { namespaces: [], pods: [], configMaps: [], secrets: [], replicaSets: [], deployments: [], statefulSets: [], daemonSets: [], jobs: [], cronJobs: [], events: [] };
}

/** Concatenates parts into one scenario. */
export function assemble(parts: readonly Part[], namespaces: ScenarioObjects['namespaces']): Scenario {
  const objects = emptyObjects();
  objects.namespaces.push(...namespaces);
  const runtime = new Map<string, PodRuntime>();
  for (const part of parts) {
    for (const [kind, list] of Object.entries(part.objects) as [keyof ScenarioObjects, unknown[]][]) (objects[kind] as unknown[]).push(...list);
    for (const [key, value] of part.runtime) runtime.set(key, value);
  }
  return { objects, runtime };
}

export function demoScenario(nowMs: number): Scenario {
  const parts: Part[] = [
    shopPart(nowMs),
    ...ordinaryApps(nowMs),
    nativeSidecarApp(nowMs),
    statefulDatabase(nowMs),
    nodeLogShipper(nowMs),
    nightlyReportJob(nowMs),
    stuckInit(nowMs),
    crashLoopingSidecar(nowMs),
    oomKilled(nowMs),
    duplicatePorts(nowMs),
    imagePullBackOff(nowMs),
    sidecarOwnsAppPort(nowMs),
    hostileLogs(nowMs),
    terminating(nowMs),
    exoticVolumes(nowMs),
  ];
  const born = nowMs - 90 * DAY;
  return assemble(
    parts,
    ['default', 'kube-system', ...DEMO_NAMESPACES].map((ns) => namespace(ns, born)),
  );
}
