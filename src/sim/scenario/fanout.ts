// A Deployment of many identical Pods with several containers each, silent unless written to:
// the cluster for `logs deploy/NAME` across Pods. Tests and the benchmark write the lines
// themselves (SimControl.logs.emit), so they know exactly what was written and can count what
// a client lost.
import type { V1Container } from '@kubernetes/client-node';
import type { Scenario } from './types.ts';
import { assemble } from './demo.ts';
import { DAY, deploymentApp } from './demoKit.ts';
import { runtimeOf, SHELLS_BUSYBOX, SILENT } from './profiles.ts';
import { namespace as namespaceObject } from './workloads.ts';

export interface FanoutScenarioOptions {
  namespace?: string;
  name?: string;
  replicas: number;
  containers: readonly string[];
  nowMs: number;
}

export function fanoutScenario(options: FanoutScenarioOptions): Scenario {
  const ns = options.namespace ?? 'default';
  const name = options.name ?? 'fanout';
  const created = options.nowMs - DAY;
  const specs: V1Container[] = options.containers.map((c) => ({ name: c, image: 'busybox:1.36', resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } } }));
  const app = deploymentApp({
    namespace: ns,
    name,
    replicas: options.replicas,
    createdMs: created,
    containers: () => specs.map((spec) => ({ spec, run: { state: 'running', sinceMs: created + 5000 } })),
    runtime: () => ({ sockets: [], containers: Object.fromEntries(options.containers.map((c) => [c, runtimeOf(SHELLS_BUSYBOX, SILENT, () => ({ cpuCores: 0.001, memoryBytes: 8 * 1024 * 1024 }))])) }),
  });
  const namespaces = [...new Set(['default', ns])].map((n) => namespaceObject(n, created));
  return assemble([app], namespaces);
}
