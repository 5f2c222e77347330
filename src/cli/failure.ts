// The one place a failure becomes what the user reads: `error: <one line>` on stderr and exit
// code 1. A user's mistake (bad flag, missing kubeconfig, unknown Pod, unreachable server)
// never shows a stack; only a bug does, and only when asked for with PODVIEW_DEBUG=1.
import { describeError, httpStatus, networkCode, redact, RequestError, UserError } from '../cluster/errors.ts';
import { sanitize } from '../text/sanitize.ts';

export interface FailureReport {
  /** What to print on stderr, without the trailing newline. */
  text: string;
  exitCode: number;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]!.trim();
}

/** True for errors from talking to a server or reading a file: the user's world, not our bug. */
function isEnvironmental(err: unknown): boolean {
  return err instanceof RequestError || httpStatus(err) !== undefined || networkCode(err) !== undefined;
}

export function reportFor(err: unknown, debug = process.env.PODVIEW_DEBUG === '1'): FailureReport {
  if (err instanceof UserError) return { text: `error: ${sanitize(redact(err.message))}`, exitCode: 1 };
  if (isEnvironmental(err)) return { text: `error: ${describeError(err, 'talk to the API server')}`, exitCode: 1 };
  const message = err instanceof Error ? err.message : String(err);
  // An unexpected error's message may quote server text (a JSON parser quotes the body): sanitized like any.
  const line = `error: internal error: ${sanitize(redact(firstLine(message) || 'unknown'))}`;
  if (debug && err instanceof Error && err.stack) return { text: `${line}\n${redact(err.stack)}`, exitCode: 1 };
  return { text: `${line} (run with PODVIEW_DEBUG=1 for details)`, exitCode: 1 };
}
