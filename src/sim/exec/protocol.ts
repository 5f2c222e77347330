// The Kubernetes remotecommand channel protocol over WebSocket (v4/v5.channel.k8s.io):
// every binary frame starts with one channel byte. v5 adds channel 255 so a client can
// half-close stdin without closing the socket.
import type { V1Status } from '@kubernetes/client-node';

export const STDIN = 0;
export const STDOUT = 1 as const;
export const STDERR = 2 as const;
export const ERROR = 3;
export const RESIZE = 4;
export const CLOSE = 255;

export const SUPPORTED_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

/** The subprotocol kube-apiserver would pick: the first one the client offers that we speak. */
export function pickProtocol(offered: Iterable<string>): string | undefined {
  const set = new Set(offered);
  return SUPPORTED_PROTOCOLS.find((p) => set.has(p));
}

export function frame(channel: number, data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = channel;
  body.copy(out, 1);
  return out;
}

export interface TerminalSize {
  width: number;
  height: number;
}

/** kubectl sends {"Width":..,"Height":..}; client-node sends lowercase: Go decodes both, so do we. */
export function parseResize(payload: Buffer): TerminalSize | undefined {
  try {
    const raw = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
    const pick = (key: string): number | undefined => {
      const found = Object.keys(raw).find((k) => k.toLowerCase() === key);
      const value = found === undefined ? undefined : raw[found];
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 65536 ? value : undefined;
    };
    const width = pick('width');
    const height = pick('height');
    return width === undefined || height === undefined ? undefined : { width, height };
  } catch {
    return undefined;
  }
}

export function successStatus(): V1Status {
  return { metadata: {}, status: 'Success' };
}

/** What the kubelet puts on the error channel when the command exits non-zero. */
export function exitStatus(command: string[], exitCode: number, message?: string): V1Status {
  return {
    metadata: {},
    status: 'Failure',
    message: message ?? `command terminated with non-zero exit code: command '${command.join(' ')}' exited with ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

/** A runtime's words when argv[0] does not exist in the image. */
export function notFoundMessage(executable: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${executable}": executable file not found in $PATH: unknown`;
}

export function failure(code: number, reason: string, message: string, details?: V1Status['details']): V1Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code, ...(details ? { details } : {}) };
}
