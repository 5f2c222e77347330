// One exec WebSocket through client-node's Exec (which offers v5.channel.k8s.io first, then
// v4): opens it, turns a refused upgrade into the API server's own Status message, and
// resolves with how it ended (a Status on the error channel, or a drop).
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import WebSocket from 'ws';
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

/**
 * client-node's Exec builds the request and decodes the channels; this connector replaces its
 * default WebSocketHandler (not exported), which drops a refused upgrade's Status body and
 * would end process.stdout if a server sent a close-stream frame.
 */
function connector(kubeConfig: KubeConfig): ConstructorParameters<typeof Exec>[1] {
  return {
    async connect(path, _textHandler, binaryHandler) {
      const server = kubeConfig.getCurrentCluster()?.server;
      if (!server) throw new Error('the kubeconfig has no current cluster');
      const opts: WebSocket.ClientOptions = {};
      await kubeConfig.applyToHTTPSOptions(opts);
      const ws = new WebSocket(server.replace(/^http/, 'ws') + path, PROTOCOLS, { ...opts, perMessageDeflate: false });
      return await new Promise<WebSocket>((resolve, reject) => {
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
        ws.on('unexpected-response', (req, res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8').trim();
            let status: V1Status | undefined;
            try {
              const parsed = JSON.parse(text) as V1Status;
              if (parsed && typeof parsed === 'object' && parsed.status) status = parsed;
            } catch {
              // a plain-text body (from a kubelet or a proxy): keep the text
            }
            reject(new ExecRefused(res.statusCode ?? 0, status, text.split('\n')[0] ?? ''));
            ws.on('error', () => {}); // the handshake is over for us; ws may still report its end
            req.destroy();
          });
        });
        ws.on('message', (data: Buffer, isBinary: boolean) => {
          if (!isBinary || data.length === 0 || data[0] === 255) return;
          if (binaryHandler && !binaryHandler(data[0]!, data.subarray(1))) ws.close();
        });
      });
    },
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
