// The WebSocket behind client-node's channel protocols (exec, port-forward), in place of its
// default WebSocketHandler (not exported), which drops a refused upgrade's Status body and
// would end process.stdout if a server sent a close-stream frame. The caller says which
// protocols it offers and what a refusal becomes.
import type { KubeConfig } from '@kubernetes/client-node';
import type WebSocket from 'ws';

/** A refused upgrade: the HTTP code and the body the server answered with, trimmed. */
export interface Refusal {
  code: number;
  text: string;
}

export async function openChannelSocket(
  kubeConfig: KubeConfig,
  path: string,
  protocols: string[],
  binaryHandler: ((stream: number, buff: Buffer) => boolean) | undefined,
  refused: (refusal: Refusal) => Error,
): Promise<WebSocket> {
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new Error('the kubeconfig has no current cluster');
  const opts: WebSocket.ClientOptions = {};
  await kubeConfig.applyToHTTPSOptions(opts);
  // ws (with zlib for its deflate extension) is loaded on the first exec or port-forward, not
  // by every start that reads Pods: ~10 ms of a one-Pod snapshot.
  const { default: WebSocketClient } = await import('ws');
  const ws = new WebSocketClient(server.replace(/^http/, 'ws') + path, protocols, { ...opts, perMessageDeflate: false });
  return await new Promise<WebSocket>((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.on('unexpected-response', (req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        reject(refused({ code: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8').trim() }));
        ws.on('error', () => {}); // the handshake is over for us; ws may still report its end
        req.destroy();
      });
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // 255: a close-stream frame, which the default handler answers by ending our stdout.
      if (!isBinary || data.length === 0 || data[0] === 255) return;
      if (binaryHandler && !binaryHandler(data[0]!, data.subarray(1))) ws.close();
    });
  });
}
