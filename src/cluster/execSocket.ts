// One exec WebSocket through client-node's Exec (which offers v5.channel.k8s.io first, then
// v4): opens it, turns a refused upgrade into the API server's own Status message, and
// resolves with how it ended (a Status on the error channel, or a drop).
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import type WebSocket from 'ws';
import { openChannelSocket, type Refusal } from './channelSocket.ts';
import type { Readable, Writable } from 'node:stream';

export interface ExecTarget {
  namespace: string;
  pod: string;
  container: string;
}

export interface ExecStreams {
  stdin: Readable | null;
  stdout: Writable | null;
  stderr: Writable | null;
  tty: boolean;
}

/** The upgrade was refused: HTTP code and the Status (or plain text) the server sent. */
export class ExecRefused extends Error {
  constructor(
    readonly code: number,
    readonly status: V1Status | undefined,
    text: string,
  ) {
    super(status?.message || text || `HTTP ${code}`);
  }
}

export type ExecEnd = { kind: 'status'; status: V1Status } | { kind: 'dropped'; reason: string };

export interface OpenExec {
  socket: WebSocket;
  ended: Promise<ExecEnd>;
}

/** The exec channel protocols we speak, best first: v5 can half-close stdin. */
const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

/** A refused upgrade as ExecRefused: the Status when the body is one, else its first line of text. */
function execRefused({ code, text }: Refusal): ExecRefused {
  let status: V1Status | undefined;
  try {
    const parsed = JSON.parse(text) as V1Status;
    if (parsed && typeof parsed === 'object' && parsed.status) status = parsed;
  } catch {
    // a plain-text body (from a kubelet or a proxy): keep the text
  }
  return new ExecRefused(code, status, text.split('\n')[0] ?? '');
}

/** client-node's Exec builds the request and decodes the channels; the socket is ours (channelSocket.ts). */
function connector(kubeConfig: KubeConfig): ConstructorParameters<typeof Exec>[1] {
  return {
    connect: (path, _textHandler, binaryHandler) => openChannelSocket(kubeConfig, path, PROTOCOLS, binaryHandler ?? undefined, execRefused),
  } as ConstructorParameters<typeof Exec>[1];
}

export async function openExec(kubeConfig: KubeConfig, target: ExecTarget, command: string[], streams: ExecStreams): Promise<OpenExec> {
  let status: V1Status | undefined;
  let settle: (end: ExecEnd) => void = () => {};
  const ended = new Promise<ExecEnd>((resolve) => (settle = resolve));
  const exec = new Exec(kubeConfig, connector(kubeConfig));
  let socket: WebSocket;
  try {
    socket = (await exec.exec(target.namespace, target.pod, target.container, command, streams.stdout, streams.stderr, streams.stdin, streams.tty, (s) => {
      status = s;
    })) as unknown as WebSocket;
  } catch (err) {
    throw err instanceof Error ? err : new Error(String(err));
  }
  const finish = (reason: string): void => settle(status ? { kind: 'status', status } : { kind: 'dropped', reason });
  socket.on('close', (code, why) => finish(why.toString() || `closed with code ${code}`));
  socket.on('error', (err) => finish(err.message));
  return { socket, ended };
}

/** The remote command's exit code from the error-channel Status, or undefined when it did not run. */
export function exitCodeOf(status: V1Status): number | undefined {
  if (status.status === 'Success') return 0;
  if (status.reason !== 'NonZeroExitCode') return undefined;
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  const code = Number(cause?.message);
  return Number.isInteger(code) ? code : undefined;
}
