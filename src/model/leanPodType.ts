// The Pod as the store keeps it for the list (store/leanPod.ts builds it): only what a list
// row (podRow, status, kinds), the filter and sort (podFacts, labels) and the list's keys
// (defaultContainer) read, each field with its type in V1Pod. A whole V1Pod is a LeanPod too,
// so the list's readers take either; a LeanPod is no V1Pod (its container statuses lack the
// image and imageID a V1ContainerStatus must have), so a reader of the whole Pod (the host
// view, the diagnosis, YAML, volumes) cannot be handed a lean one by mistake: it must read the
// open Pod's record (store/focusedPod) or the cluster.
import type {
  V1Container,
  V1ContainerStateRunning,
  V1ContainerStateTerminated,
  V1ContainerStateWaiting,
  V1ContainerStatus,
  V1EphemeralContainer,
  V1ObjectMeta,
  V1PodCondition,
  V1PodSpec,
  V1PodStatus,
} from '@kubernetes/client-node';
import type { FindingStep } from './findingTimeline.ts';
import type { StatusFinding } from './statusFindings.ts';

export type LeanMeta = Pick<V1ObjectMeta, 'name' | 'namespace' | 'uid' | 'resourceVersion' | 'creationTimestamp' | 'deletionTimestamp' | 'labels' | 'annotations'>;

/** An app or ephemeral container: its name (the filter, the keys) and image (the filter). */
/** The cpu and memory limits only: the list's CPU and MEM columns measure use against them. */
export interface LeanResources {
  limits?: { cpu?: string; memory?: string };
}
export type LeanContainer = (Pick<V1Container, 'name' | 'image'> | Pick<V1EphemeralContainer, 'name' | 'image'>) & { resources?: LeanResources };
/** An init container: restartPolicy Always makes it a native sidecar (READY counts it). */
export type LeanInitContainer = Pick<V1Container, 'name' | 'image' | 'restartPolicy'> & { resources?: LeanResources };

export interface LeanContainerState {
  /** Only whether it is there. */
  running?: Pick<V1ContainerStateRunning, never>;
  waiting?: Pick<V1ContainerStateWaiting, 'reason'>;
  terminated?: Pick<V1ContainerStateTerminated, 'exitCode' | 'signal' | 'reason'>;
}

/** The previous instance: only when it finished (the age of the last restart). */
export interface LeanLastState {
  terminated?: Pick<V1ContainerStateTerminated, 'finishedAt'>;
}

export interface LeanContainerStatus extends Pick<V1ContainerStatus, 'name' | 'ready' | 'started' | 'restartCount'> {
  state?: LeanContainerState;
  lastState?: LeanLastState;
}

/** Of the conditions, the row reads Initialized, Ready and a gated PodScheduled. */
export type LeanCondition = Pick<V1PodCondition, 'type' | 'status' | 'reason'>;

export interface LeanSpec extends Pick<V1PodSpec, 'nodeName'> {
  containers: LeanContainer[];
  initContainers?: LeanInitContainer[];
  ephemeralContainers?: LeanContainer[];
}

export interface LeanStatus extends Pick<V1PodStatus, 'phase' | 'reason'> {
  conditions?: LeanCondition[];
  initContainerStatuses?: LeanContainerStatus[];
  containerStatuses?: LeanContainerStatus[];
  ephemeralContainerStatuses?: LeanContainerStatus[];
}

export interface LeanPod {
  metadata?: LeanMeta;
  spec?: LeanSpec;
  status?: LeanStatus;
  /** The Pod's worst finding, worked out from the whole Pod as it arrived (store/podFinding.ts); absent when it has none. */
  finding?: StatusFinding | undefined;
  /** The findings age alone gives it later, in time order (model/findingTimeline.ts); absent for most Pods. */
  findingLater?: readonly FindingStep[] | undefined;
}
