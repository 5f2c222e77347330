// metrics.k8s.io/v1beta1 PodMetrics, from each scenario container's usage(now), as metrics-server
// reports them (nanocores, Ki); Pods without a runtime or not Running have no metrics, as there.
import type { KObject } from './kObject.ts';
import type { PodRuntime } from './scenario/types.ts';

export function podMetrics(pod: KObject, runtime: PodRuntime | undefined, nowMs: number): object | undefined {
  if (!runtime || pod.status?.phase !== 'Running') return undefined;
  const running = new Set<string>((pod.status?.containerStatuses ?? []).filter((c: KObject) => c.state?.running).map((c: KObject) => c.name));
  const containers = (pod.spec?.containers ?? [])
    .filter((c: KObject) => running.has(c.name) && runtime.containers[c.name])
    .map((c: KObject) => {
      const u = runtime.containers[c.name]!.usage(nowMs);
      return { name: c.name, usage: { cpu: `${Math.max(0, Math.round(u.cpuCores * 1e9))}n`, memory: `${Math.max(0, Math.round(u.memoryBytes / 1024))}Ki` } };
    });
  const ts = new Date(nowMs - 5000).toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    kind: 'PodMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: { name: pod.metadata?.name, namespace: pod.metadata?.namespace, creationTimestamp: new Date(nowMs).toISOString().replace(/\.\d+Z$/, 'Z'), labels: pod.metadata?.labels },
    timestamp: ts,
    window: '15s',
    containers,
  };
}
