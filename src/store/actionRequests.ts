// What a screen may ask of the cluster about one Pod beyond watching it: its whole YAML, a
// delete ("restart"), a listing of a volume's files, and the Pod itself whole. `cluster/podActions.ts` implements
// these; a screen calls them through the services the CLI wires and shows the outcome as is
// (every message is one line, every name already sanitized).
import type { PodYaml } from '../model/podYaml.ts';
import type { VolumeFile } from '../model/volumeListing.ts';
import type { Diagnosis } from '../model/types.ts';
import type { PodKey, WholePod } from './types.ts';

export interface PodYamlRequest extends PodKey {
  /** Show metadata.managedFields whole instead of the one-line marker. */
  managedFields?: boolean;
}

export type PodYamlOutcome = { kind: 'yaml'; yaml: PodYaml } | { kind: 'error'; message: string };

export interface RestartRequest extends PodKey {
  /** The uid of the Pod the user confirmed: a newer Pod of the same name is then not deleted. */
  uid?: string;
}

export type RestartOutcome =
  /** Accepted; `terminating` when the Pod now shows Terminating for its grace period (else it is gone already). */
  | { kind: 'deleted'; terminating: boolean; gracePeriodSeconds?: number }
  /** The access review (or the delete itself) said no: one line naming what was refused. */
  | { kind: 'forbidden'; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'error'; message: string };

export interface VolumeListRequest extends PodKey {
  volume: string;
}

export interface VolumeListing {
  volume: string;
  /** Whose view of the volume this is: the container exec'd into and its mount path there. */
  container: string;
  mountPath: string;
  subPath?: string;
  /** Names only (a Secret or token volume): no kinds, sizes or times. */
  namesOnly: boolean;
  /** Largest first. */
  files: VolumeFile[];
  /** du total of the volume, in bytes, when the image has du. */
  usedBytes?: number;
  sizeLimit?: string;
  /** "near sizeLimit" (>= 80 %) or "at sizeLimit", when either applies. */
  finding?: Diagnosis;
  /** Records that could not be read, and whether the output was cut at the size cap. */
  unreadable: number;
  truncated: boolean;
}

/**
 * Before the confirmation: the access review, then the Pod read fresh, so the dialog names the
 * owner its ownerReferences really give (the list keeps Pods lean, without them) and the delete
 * can be pinned to the uid the user saw.
 */
export type RestartCheck =
  | { kind: 'allowed'; pod: unknown }
  /** The access review said no: one line, and nothing is asked or sent. */
  | { kind: 'forbidden'; message: string }
  | { kind: 'error'; message: string };

export type VolumeListOutcome = { kind: 'listing'; listing: VolumeListing } | { kind: 'error'; message: string };

/** The requests as one service: the CLI wires `cluster/podActions.ts`'s implementation, tests a fake. */
export interface PodActionServices {
  podYaml(request: PodYamlRequest): Promise<PodYamlOutcome>;
  checkRestart(request: PodKey): Promise<RestartCheck>;
  restartPod(request: RestartRequest): Promise<RestartOutcome>;
  listVolume(request: VolumeListRequest): Promise<VolumeListOutcome>;
  /** The Pod whole as the cluster has it now (the list holds only its lean copy); undefined when it cannot be read. */
  readPod(request: PodKey): Promise<WholePod | undefined>;
}
