// The Pod as the store keeps it for the list (store/leanPod.ts builds it): only what a list
// row (podRow, status, kinds), the filter and sort (podFacts, labels) and the list's keys
// (defaultContainer) read, each field with the type the API's Pod gives it. The model takes no
// client library's types (it reads JSON-shaped objects): these shapes are its own, and
// client-node's V1Pod fits them structurally. A whole Pod is a LeanPod too, so the list's
// readers take either; a LeanPod is no WholePod (its container statuses lack the image and
// imageID the API always sends), so a reader of the whole Pod (the host view, the diagnosis,
// YAML, volumes) cannot be handed a lean one by mistake: it must read the open Pod's record
// (store/focusedPod) or the cluster.
import type { FindingStep } from './findingTimeline.ts';
import type { StatusFinding } from './statusFindings.ts';

export interface LeanMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: Date;
  deletionTimestamp?: Date;
  labels?: { [key: string]: string };
  annotations?: { [key: string]: string };
}

/** An app or ephemeral container: its name (the filter, the keys) and image (the filter). */
/** The cpu and memory limits only: the list's CPU and MEM columns measure use against them. */
export interface LeanResources {
  limits?: { cpu?: string; memory?: string };
}
export interface LeanContainer {
  name: string;
  image?: string;
  resources?: LeanResources;
}
/** An init container: restartPolicy Always makes it a native sidecar (READY counts it). */
export interface LeanInitContainer extends LeanContainer {
  restartPolicy?: string;
}

export interface LeanContainerState {
  /** Only whether it is there. */
  running?: object;
  waiting?: { reason?: string };
  terminated?: { exitCode: number; signal?: number; reason?: string };
}

/** The previous instance: only when it finished (the age of the last restart). */
export interface LeanLastState {
  terminated?: { finishedAt?: Date };
}

export interface LeanContainerStatus {
  name: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state?: LeanContainerState;
  lastState?: LeanLastState;
}

/** Of the conditions, the row reads Initialized, Ready and a gated PodScheduled. */
export interface LeanCondition {
  type: string;
  status: string;
  reason?: string;
}

export interface LeanSpec {
  nodeName?: string;
  containers: LeanContainer[];
  initContainers?: LeanInitContainer[];
  ephemeralContainers?: LeanContainer[];
}

export interface LeanStatus {
  phase?: string;
  reason?: string;
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

/**
 * A Pod as the API returned it, whole: what the host view, the diagnosis and a volume listing
 * read (through model/read.ts, checking every field). client-node's V1Pod is one; a LeanPod is
 * not, because its container statuses lack the `image` and `imageID` the API always sends.
 */
export interface WholePod extends LeanPod {
  status?: LeanStatus & { containerStatuses?: (LeanContainerStatus & { image: string; imageID: string })[] };
}
