// What the UI may ask of the outside world. `cli` implements these with `cluster`;
// tests implement them with fakes. The UI itself never does I/O. The request and outcome
// types are the store's (store/requests.ts), which cluster/ implements without importing ui/.
import type { ExecOutcome, ExecRequest, LogRequest, LogSession } from '../store/requests.ts';
import type { PodActionServices } from '../store/actionRequests.ts';
import type { ReplicaOutcome } from '../store/replicaRequests.ts';
import type { PodKey, WholePod } from '../store/types.ts';

export type { ExecOutcome, ExecRequest, LogRequest, LogSession, PortProbeResult } from '../store/requests.ts';

/** The Pod actions (YAML, restart, volume listing) are the store's PodActionServices. */
export interface PodviewServices extends PodActionServices {
  openLogs(request: LogRequest): LogSession;
  /** Hands the terminal to an interactive session and takes it back when it ends. */
  exec(request: ExecRequest): Promise<ExecOutcome>;
  /** Creates an ephemeral debug container targeting `target` and opens a shell in it. */
  debug(request: PodKey & { target: string; image: string }): Promise<ExecOutcome>;
  /** Writes text to a file and returns its path (log view's `w`). */
  saveText(suggestedName: string, text: string): Promise<string>;
  /** `d`: the healthy sibling to compare the open (whole) Pod with, and its usage. */
  pickReplica(pod: WholePod): Promise<ReplicaOutcome>;
  /** Puts text on the terminal's clipboard (OSC 52) when allowed; true when it was sent. */
  copyText?(text: string): boolean;
}
