// What opening a log view's streams takes and gives back, for one Pod (logs.ts) and across
// Pods (logsAcrossPods.ts) alike.
import type { LogBuffer } from '../store/logBuffer.ts';
import type { LogSession } from '../store/requests.ts';

export interface LogSessionOptions {
  /** Lines kept by the view's buffer (default 10,000). */
  bufferLines?: number;
  /** Buffer notification interval (ms). */
  frameMs?: number;
  /** How often a waiting container's Pod is read again (ms). */
  pollMs?: number;
  /** Longer lines are cut for display (bytes). */
  maxLineBytes?: number;
  /** How long a merged line may wait for an earlier one from a silent container (ms; default REORDER_WINDOW_MS). */
  mergeWindowMs?: number;
  /** Asked after each chunk; a promise holds the socket (the CLI passes stdout's backpressure). */
  flowControl?: () => Promise<unknown> | undefined;
  /** Use this buffer instead of a new one. */
  buffer?: LogBuffer;
}

export interface OpenedLogSession extends LogSession {
  /** Settles when every stream has finished for good (never while following a live Pod). */
  readonly done: Promise<void>;
  /** The containers being tailed, once known (empty before). */
  readonly containers: readonly string[];
}
