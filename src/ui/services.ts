// What the UI may ask of the outside world. `cli` implements these with `cluster`;
// tests implement them with fakes. The UI itself never does I/O.
import type { PodKey } from '../store/types.ts';
import type { LogBuffer } from '../store/logBuffer.ts';

export interface LogRequest extends PodKey {
  /** One container, or all of them merged in time order when omitted with allContainers. */
  container?: string;
  allContainers?: boolean;
  previous?: boolean;
  follow: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
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

export type ExecOutcome =
  | { kind: 'exited'; exitCode: number }
  | { kind: 'detached' }
  | { kind: 'no-shell'; tried: string[] }
  | { kind: 'error'; message: string };

export interface PortProbeResult {
  ok: boolean;
  /** Container the probe ran in, when it ran. */
  container?: string;
  /** Why it did not run or failed, in one line. */
  reason?: string;
  /** Raw /proc/net/{tcp,tcp6,udp,udp6} text, parsed by the model. */
  tables?: string;
}

export interface PodviewServices {
  /** The Pod whose details (events, owners, usage) the cluster layer should keep fresh; null for none. */
  focus(pod: PodKey | null): void;
  openLogs(request: LogRequest): LogSession;
  /** Hands the terminal to an interactive session and takes it back when it ends. */
  exec(request: ExecRequest): Promise<ExecOutcome>;
  /** Creates an ephemeral debug container targeting `target` and opens a shell in it. */
  debug(request: PodKey & { target: string; image: string }): Promise<ExecOutcome>;
  probePorts(pod: PodKey): Promise<PortProbeResult>;
  /** Writes text to a file and returns its path (log view's `w`). */
  saveText(suggestedName: string, text: string): Promise<string>;
}
