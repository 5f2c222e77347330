// The WebSocket behind one forwarded connection, for client-node's PortForward (which builds
// the request and decodes the channels). This connector replaces client-node's default
// WebSocketHandler: it offers only the port-forward channel protocol (v4; the kubelet speaks no
// other over WebSocket), turns a refused upgrade into the API server's own Status message, and
// ignores close-stream frames, on which the default handler would end process.stdout.
import type { KubeConfig, PortForward, V1Status } from '@kubernetes/client-node';
import WebSocket from 'ws';

type Handler = NonNullable<ConstructorParameters<typeof PortForward>[2]>;

const PROTOCOLS = ['v4.channel.k8s.io'];

/** The upgrade was refused: the message of the Status (or text) the server answered with. */
export class PortForwardRefused extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message || `HTTP ${code}`);
  }
}

function refusalMessage(text: string): string {
  try {
    const status = JSON.parse(text) as V1Status;
    if (status && typeof status === 'object' && typeof status.message === 'string') return status.message;
  } catch {
    // a plain-text body (a proxy, a kubelet): its first line
  }
  return text.split('\n')[0] ?? '';
}

export function portForwardConnector(kubeConfig: KubeConfig): Handler {
  return {
    async connect(path: string, _textHandler: unknown, binaryHandler: (stream: number, buff: Buffer) => boolean) {
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
            reject(new PortForwardRefused(res.statusCode ?? 0, refusalMessage(Buffer.concat(chunks).toString('utf8').trim())));
            ws.on('error', () => {}); // the handshake is over for us; ws may still report its end
            req.destroy();
          });
        });
        ws.on('message', (data: Buffer, isBinary: boolean) => {
          if (!isBinary || data.length === 0 || data[0] === 255) return;
          if (!binaryHandler(data[0]!, data.subarray(1))) ws.close();
        });
      });
    },
  } as unknown as Handler;
}
