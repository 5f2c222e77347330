// The requests the UI states and the outcomes it reads back, which the cluster layer carries
// out: a log stream, a shell, a port probe. Declared here, below both, so that cluster/ never
// imports ui/ (cli/ wires the two together).
import type { LogBuffer } from './logBuffer.ts';
import type { PodKey } from './types.ts';

export interface LogRequest extends PodKey {
  /** One container, or all of them merged in time order when omitted with allContainers. */
  container?: string;
  allContainers?: boolean;
  previous?: boolean;
  follow: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  /** Several Pods (a filtered list, a workload): every container of each, merged into one buffer,
   * each line labelled pod/container; namespace/name then name the first of them. */
  pods?: readonly PodKey[];
}

export interface LogSession {
  readonly buffer: LogBuffer;
  /** Stops every stream of this session; idempotent. */
  close(): void;
}

export interface ExecRequest extends PodKey {
  container: string;
  /** Explicit shell/command; otherwise bash, sh, /busybox/sh are tried in turn. */
  command?: string[];
}

export type ExecOutcome = { kind: 'exited'; exitCode: number } | { kind: 'detached' } | { kind: 'no-shell'; tried: string[] } | { kind: 'error'; message: string };

export interface PortProbeResult {
  ok: boolean;
  /** Container the probe ran in, when it ran. */
  container?: string;
  /** Why it did not run or failed, in one line. */
  reason?: string;
  /** Raw /proc/net/{tcp,tcp6,udp,udp6} text, parsed by the model. */
  tables?: string;
  /** Each running container's raw `ls -l /proc/*\/fd` text; undefined where it could not be read. */
  fds?: Record<string, string | undefined>;
}
