// What a scenario hands the simulated API server: API objects as kube-apiserver would store
// them, plus what a node would know (open sockets, shells present, how logs flow, usage).
// The sim server assigns resourceVersions; scenarios give everything else.
// Timestamps inside objects are RFC 3339 strings exactly as on the wire ("2024-05-01T10:00:00Z"),
// although client-node's model types call them Date: the server serializes them as they are.
import type { CoreV1Event, V1ConfigMap, V1DaemonSet, V1Deployment, V1Job, V1Namespace, V1Pod, V1ReplicaSet, V1Secret, V1StatefulSet, V1CronJob } from '@kubernetes/client-node';

export interface SocketSpec {
  protocol: 'tcp' | 'udp';
  family: 'ipv4' | 'ipv6';
  localAddress: string; // "127.0.0.1", "0.0.0.0", "::", "::1", "::ffff:127.0.0.1"
  localPort: number;
  state: 'LISTEN' | 'ESTABLISHED' | 'TIME_WAIT' | 'CLOSE';
  remoteAddress?: string;
  remotePort?: number;
  /** Which container holds it: sim bookkeeping only, /proc/net does not say. */
  container: string;
  /** Owner uid as /proc/net prints it (default 0). */
  uid?: number;
  /** Socket inode as /proc/net prints it (default: derived, stable). */
  inode?: number;
}

export interface LogProfile {
  /** Lines per second while the container runs (0: silent). */
  ratePerSecond: number;
  /** The n-th line (0-based) the container writes; pure, so restarts and tests are repeatable. */
  line(n: number, nowMs: number): string;
}

export interface ContainerRuntime {
  /** Shell paths that exist in the image; [] for distroless. */
  shells: string[];
  logs: LogProfile;
  /** Lines the previous instance wrote before it died (for logs --previous). */
  previousLogs?: string[];
  /** Usage for the metrics API: cpu in cores, memory in bytes, as a function of time. */
  usage(nowMs: number): { cpuCores: number; memoryBytes: number };
}

export interface PodRuntime {
  sockets: SocketSpec[];
  containers: Record<string, ContainerRuntime>;
}

export interface ScenarioObjects {
  namespaces: V1Namespace[];
  pods: V1Pod[];
  configMaps: V1ConfigMap[];
  secrets: V1Secret[];
  replicaSets: V1ReplicaSet[];
  deployments: V1Deployment[];
  statefulSets: V1StatefulSet[];
  daemonSets: V1DaemonSet[];
  jobs: V1Job[];
  cronJobs: V1CronJob[];
  events: CoreV1Event[];
}

export interface Scenario {
  objects: ScenarioObjects;
  /** Keyed by "namespace/name". */
  runtime: Map<string, PodRuntime>;
}
