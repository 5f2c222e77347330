// Every way an exec can fail, said in one line a user can act on.
import type { V1Status } from '@kubernetes/client-node';
import { ExecRefused, type ExecTarget } from './execSocket.ts';
import { describeError } from './errors.ts';
import type { KubeConfig } from '@kubernetes/client-node';

const NOT_FOUND_EXECUTABLE = /executable file not found|no such file or directory/i;

/** The runtime could not start argv[0]: the image lacks it (the shell-fallback signal). */
export function isMissingExecutable(status: V1Status | undefined, output: string): boolean {
  const text = `${status?.message ?? ''}\n${output}`;
  return /OCI runtime exec failed|exec failed|failed to exec/i.test(text) && NOT_FOUND_EXECUTABLE.test(text);
}

const where = (t: ExecTarget): string => `${t.namespace}/${t.pod}`;

function notRunning(message: string): boolean {
  return /container not found|CONTAINER_EXITED|not created or running|container is not running|is waiting to start|container .* is terminated/i.test(message);
}

/** A refused upgrade or a failing connect, as one line. */
export function describeConnectError(err: unknown, target: ExecTarget, kubeConfig: KubeConfig): string {
  if (err instanceof ExecRefused) {
    const message = err.message;
    if (err.code === 403) return `exec forbidden in ${where(target)}: ${message.replace(/^.*?is forbidden:\s*/i, '')}`;
    if (err.code === 404 && /^pods? "[^"]*" not found/.test(message)) return `Pod ${where(target)} is gone`;
    if (notRunning(message)) return `container ${target.container} in ${where(target)} is not running`;
    if (err.code === 401) return 'unauthorized: the server rejected the credentials';
    return `cannot exec in ${where(target)}: ${message}`;
  }
  return describeError(err, `exec in ${where(target)}`, kubeConfig.getCurrentCluster()?.server);
}

/** A Status on the error channel that is not an exit code. */
export function describeStatusError(status: V1Status, target: ExecTarget): string {
  const message = status.message ?? status.reason ?? 'unknown error';
  if (notRunning(message)) return `container ${target.container} in ${where(target)} is not running`;
  return `exec in ${where(target)} failed: ${message}`;
}

export const droppedMessage = (target: ExecTarget, reason: string): string => `connection to ${where(target)} dropped mid-session${reason ? ` (${reason})` : ''}`;
