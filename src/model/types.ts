// The view-model that every view (TUI, text snapshot, -o json) reads.
// Built by toPodHost() from a Pod and its surroundings; never holds API objects.
export type ContainerKind = 'init' | 'sidecar' | 'app' | 'ephemeral';
export type Severity = 'error' | 'warning' | 'info';

export interface ResourceAmounts {
  /** Quantities exactly as the API wrote them, e.g. "250m", "128Mi". */
  cpu?: string;
  memory?: string;
  /** Parsed: cpu in cores, memory in bytes. */
  cpuCores?: number;
  memoryBytes?: number;
}

export interface Usage {
  cpuCores?: number;
  memoryBytes?: number;
}

export interface ContainerState {
  state: 'waiting' | 'running' | 'terminated' | 'unknown';
  reason?: string;
  message?: string;
  exitCode?: number;
  since?: string; // RFC3339 as the API gave it
}

export interface LastTermination {
  reason?: string;
  exitCode?: number;
  finishedAt?: string;
  /** The termination message the container wrote (terminationMessagePath), when any. */
  message?: string;
}

export interface PortDecl {
  containerPort: number;
  protocol: string; // TCP when the spec omits it
  name?: string;
  hostPort?: number;
}

export interface EnvView {
  name: string;
  /** Literal value, or a description of its source ("secret NAME/KEY", "configMap NAME/KEY", "field status.podIP"). */
  value?: string;
  source?: { kind: 'secret' | 'configMap' | 'field' | 'resource'; name?: string; key?: string; optional?: boolean };
}

export interface EnvFromView {
  kind: 'secret' | 'configMap';
  name: string;
  prefix?: string;
  optional?: boolean;
}

export interface ContainerView {
  name: string;
  kind: ContainerKind;
  /** Position in start order among all containers (0-based). */
  order: number;
  image: string;
  state: ContainerState;
  ready: boolean;
  started?: boolean;
  restarts: number;
  lastTermination?: LastTermination;
  /** Short forms like "readiness http :8080/healthz every 10s". */
  probes: string[];
  ports: PortDecl[];
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  usage?: Usage;
  env: EnvView[];
  envFrom: EnvFromView[];
}

export interface VolumeMountView {
  container: string;
  mountPath: string;
  readOnly: boolean;
  subPath?: string;
}

export interface VolumeView {
  name: string;
  /** kind is the API field name: emptyDir, secret, configMap, projected, persistentVolumeClaim, hostPath, downwardAPI, csi, image, ... */
  source: { kind: string; [detail: string]: unknown };
  /** One-line human summary of the source, e.g. "emptyDir (Memory, 1Gi)". */
  summary: string;
  mounts: VolumeMountView[];
  /** Mounted by two or more containers. */
  shared: boolean;
}

export interface PortEntry {
  port: number;
  protocol: string;
  containers: string[];
  names: string[];
  conflict: boolean;
  /** hostPort values declared for this port (node ports it is also exposed on), when any. */
  hostPorts?: number[];
  /** Filled in by a live port probe (mergeProbe); absent when nothing was probed. */
  listening?: { address: string; family: 'ipv4' | 'ipv6' }[];
  probe?: 'declared-listening' | 'declared-not-listening' | 'listening-undeclared' | 'loopback-only';
  /**
   * Which containers' processes hold the listening sockets (socket inode in /proc/net found in a
   * container's /proc/PID/fd); `unknown` when a socket was found in none; `unread` lists the
   * containers whose /proc could not be read. Absent when no fd data was probed.
   */
  owners?: { heldBy: string[]; unknown: boolean; unread: string[] };
}

export interface OwnerView {
  kind: string;
  name: string;
  /** false when the owner could not be read (forbidden or gone). */
  resolved: boolean;
}

export interface EventView {
  type: string; // Normal | Warning
  reason: string;
  message: string;
  count: number;
  lastSeen?: string;
  ageSeconds?: number;
  source?: string;
}

export interface Diagnosis {
  severity: Severity;
  code: string; // stable identifier, e.g. OOMKilled, CrashLoopBackOff, PortConflict
  message: string; // one line: what is wrong, then its evidence
  container?: string;
  /** The evidence part of the message alone (exit code, reason, probe, timestamps, event age and count). */
  evidence?: string;
}

export interface PodResources {
  qos: 'Guaranteed' | 'Burstable' | 'BestEffort';
  /** Where the QoS came from: status.qosClass or computed from the spec. */
  qosSource: 'status' | 'computed';
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  /** spec.resources (pod-level resources) when set. */
  podLevel?: { requests: ResourceAmounts; limits: ResourceAmounts };
  usage?: Usage;
}

export interface PodHost {
  uid: string;
  namespace: string;
  name: string;
  /** As kubectl prints it: Running, Init:1/2, CrashLoopBackOff, Terminating, Completed, ... */
  status: string;
  phase: string;
  /** "2/3", native sidecars counted as kubectl counts them. */
  ready: string;
  restarts: number;
  /** Seconds since the latest restart counted in `restarts`, when known (kubectl's "3 (5m ago)"). */
  lastRestartAgeSeconds?: number;
  ageSeconds?: number;
  node?: string;
  podIP?: string;
  hostIP?: string;
  resourceVersion?: string;
  containers: ContainerView[];
  volumes: VolumeView[];
  ports: PortEntry[];
  resources: PodResources;
  owners: OwnerView[];
  events: EventView[];
  diagnosis: Diagnosis[];
  labels: Record<string, string>;
  deleted: boolean;
  terminating: boolean;
  /**
   * The last lines of a restarted container's previous instance, by container name. Never
   * filled by toPodHost (the model does no I/O): the UI or the snapshot adds them when read.
   */
  previousLogs?: Record<string, PreviousLogs>;
  /** The Pod's internal traffic and outside peers, from a live probe (applyProbe); absent when none ran. */
  traffic?: TrafficEntry[];
}

/** One line of the Pod's netstat (model/traffic.ts): a connection or a socket, counted. */
export interface TrafficEntry {
  /** loopback: a connection inside the Pod; listen-udp: a UDP socket others can send to; inbound/outbound: across the Pod's edge. */
  kind: 'loopback' | 'listen-udp' | 'inbound' | 'outbound';
  protocol: 'TCP' | 'UDP';
  /** The container on this end (client for loopback/outbound, server for inbound/listen-udp); undefined: owner unknown. */
  container?: string;
  /** The other end as address:port (inbound: the peer's address only). */
  peer: string;
  /** Loopback: who holds the listening end ('declared' when only the spec says so); undefined: nobody listens. */
  server?: { container: string; by: 'socket' | 'declared' };
  /** Inbound: the local port it arrives on. */
  localPort?: number;
  count: number;
}

export interface PreviousLogs {
  /** Sanitized, newest last. */
  lines: string[];
  /** Why they could not be read, e.g. "forbidden" or "not found". */
  error?: string;
}

/** One row of the Pod list; cheap to compute for 100,000 Pods. */
export interface PodRow {
  uid: string;
  namespace: string;
  name: string;
  ready: string;
  status: string;
  restarts: number;
  /** e.g. "(3m ago)" suffix material: seconds since the last restart, when known. */
  lastRestartAgeSeconds?: number;
  ageSeconds?: number;
  node: string;
  /** One glyph per container in start order, e.g. "◆●●". */
  glyphs: { kind: ContainerKind; health: 'ok' | 'waiting' | 'failed' | 'done' }[];
  deleted: boolean;
  labels: Record<string, string>;
  /** The worst finding the Pod object shows (model/statusFindings.ts), when the list keeps one. */
  finding?: { readonly severity: Severity; readonly code: string };
}

export interface PodContext {
  now: number; // ms since epoch
  usage?: Map<string, Usage> | Record<string, Usage>; // by container name
  events?: EventLike[];
  owners?: OwnerView[];
  deleted?: boolean;
}

/** Just what the model reads of a core/v1 Event. */
export interface EventLike {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string | Date;
  eventTime?: string | Date;
  firstTimestamp?: string | Date;
  source?: { component?: string; host?: string };
  series?: { count?: number; lastObservedTime?: string | Date };
}
