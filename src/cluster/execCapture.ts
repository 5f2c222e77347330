// Non-interactive exec: run a command to completion, streams passed through, and report the
// remote exit code (the port probe, `kubectl podview exec` without -t, shell detection).
import type { KubeConfig, V1Status } from '@kubernetes/client-node';
import { Writable, type Readable } from 'node:stream';
import { exitCodeOf, openExec, type ExecTarget, type OpenExec } from './execSocket.ts';
import { describeConnectError, describeStatusError, droppedMessage, isMissingExecutable } from './execErrors.ts';

export type CaptureResult =
  | { kind: 'exited'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'missing-executable'; message: string }
  | { kind: 'error'; message: string; status?: V1Status; forbidden?: boolean };

export interface CaptureOptions {
  stdin?: Readable | null;
  /** Where output goes as it arrives; when absent it is only collected. */
  stdout?: Writable;
  stderr?: Writable;
  /** Keep at most this many bytes of each stream in the result (default 4 MiB). */
  keepBytes?: number;
}

function tee(target: Writable | undefined, keep: Buffer[], limit: number): Writable {
  let kept = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (kept < limit) {
        keep.push(chunk.subarray(0, limit - kept));
        kept += chunk.length;
      }
      if (target) target.write(chunk, () => done());
      else done();
    },
  });
}

export async function execCapture(kubeConfig: KubeConfig, target: ExecTarget, command: string[], options: CaptureOptions = {}): Promise<CaptureResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const limit = options.keepBytes ?? 4 << 20;
  let ended: OpenExec['ended'];
  try {
    ({ ended } = await openExec(kubeConfig, target, command, {
      stdin: options.stdin ?? null,
      stdout: tee(options.stdout, out, limit),
      stderr: tee(options.stderr, err, limit),
      tty: false,
    }));
  } catch (error) {
    const forbidden = (error as { code?: unknown }).code === 403;
    return { kind: 'error', message: describeConnectError(error, target, kubeConfig), forbidden };
  }
  const end = await ended;
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');
  if (end.kind === 'dropped') return { kind: 'error', message: droppedMessage(target, end.reason) };
  if (isMissingExecutable(end.status, stdout)) return { kind: 'missing-executable', message: end.status.message ?? stdout.trim() };
  const exitCode = exitCodeOf(end.status);
  if (exitCode === undefined) return { kind: 'error', message: describeStatusError(end.status, target), status: end.status };
  return { kind: 'exited', exitCode, stdout, stderr };
}
