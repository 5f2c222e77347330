// What a container's exit code says about how it ended. The kubelet reports 128+N for a
// process killed by signal N, so 137 is SIGKILL and 143 SIGTERM; a SIGKILL that is not an
// OOM kill comes from the kubelet itself (a failed liveness or startup probe, or a grace
// period that ran out). `liveness` is the probe that can make the kubelet kill it, when it has one.

/** Reasons that add nothing to the exit code: the kubelet writes them for any non-zero or zero exit. */
const PLAIN_REASONS = new Set(['Error', 'Completed', '']);

function meaning(exitCode: number, reason: string, liveness: string | undefined): string | undefined {
  if (reason === 'OOMKilled') return 'killed by the kernel at the memory limit';
  // The kubelet writes 137 itself for a container it lost track of: no signal was sent.
  if (reason === 'ContainerStatusUnknown') return 'the kubelet lost track of it (its 137 is a placeholder, not a signal)';
  switch (exitCode) {
    case 0:
      return liveness ? `it stopped when asked: most likely the kubelet restarted it for its failing ${liveness}` : undefined;
    case 137:
      return liveness
        ? `SIGKILL, not an OOM kill: the kubelet killed it, most likely for its failing ${liveness}`
        : 'SIGKILL, not an OOM kill: the kubelet killed it when its grace period ran out (it has no liveness probe)';
    case 143:
      return liveness ? `SIGTERM: it was asked to stop, most likely by the kubelet for its failing ${liveness}` : 'SIGTERM: it was asked to stop';
    case 126:
      return 'the command is not executable';
    case 127:
      return 'command not found';
    default:
      return undefined;
  }
}

/** e.g. "exit code 137 (Error): SIGKILL, not an OOM kill: ..." or "exit code 42". */
export function exitText(exitCode: number | undefined, reason: string | undefined, liveness?: string): string {
  const why = reason ?? '';
  if (exitCode === undefined) return why ? `terminated (${why})` : 'terminated';
  const named = PLAIN_REASONS.has(why) ? '' : ` (${why})`;
  const says = meaning(exitCode, why, liveness);
  return `exit code ${exitCode}${named}${says ? `: ${says}` : ''}`;
}
