// metrics.k8s.io/v1beta1 PodMetrics, from each scenario container's usage(now), as metrics-server
// reports them (nanocores, Ki); Pods without a runtime or not Running have no metrics, as there.
// What an item needs of its Pod is read once per stored version (Entry.metricsSource), so a
// cluster-wide list parses no Pod twice.
import type { KObject } from './kObject.ts';
import type { PodRuntime } from './scenario/types.ts';

/** A Running Pod's name, labels and running containers; null for a Pod that is not Running. */
export interface MetricsSource {
  name: string;
  namespace: string;
  labels: unknown;
  running: string[];
}

export function metricsSource(pod: KObject): MetricsSource | null {
  if (pod.status?.phase !== 'Running') return null;
  const running = new Set<string>((pod.status?.containerStatuses ?? []).filter((c: KObject) => c.state?.running).map((c: KObject) => c.name));
  return {
    name: pod.metadata?.name,
    namespace: pod.metadata?.namespace,
    labels: pod.metadata?.labels,
    running: (pod.spec?.containers ?? []).map((c: KObject) => c.name).filter((name: string) => running.has(name)),
  };
}

const seconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export function podMetrics(source: MetricsSource | null, runtime: PodRuntime | undefined, nowMs: number): object | undefined {
  if (!runtime || !source) return undefined;
  const containers = source.running
    .filter((name) => runtime.containers[name])
    .map((name) => {
      const u = runtime.containers[name]!.usage(nowMs);
      return { name, usage: { cpu: `${Math.max(0, Math.round(u.cpuCores * 1e9))}n`, memory: `${Math.max(0, Math.round(u.memoryBytes / 1024))}Ki` } };
    });
  return {
    kind: 'PodMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: { name: source.name, namespace: source.namespace, creationTimestamp: seconds(nowMs), labels: source.labels },
    timestamp: seconds(nowMs - 5000),
    window: '15s',
    containers,
  };
}
