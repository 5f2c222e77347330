// The WebSocket behind one forwarded connection, for client-node's PortForward (which builds
// the request and decodes the channels). This connector replaces client-node's default
// WebSocketHandler: it offers only the port-forward channel protocol (v4; the kubelet speaks no
// other over WebSocket), turns a refused upgrade into the API server's own Status message, and
// ignores close-stream frames, on which the default handler would end process.stdout.
import type { KubeConfig, PortForward, V1Status } from '@kubernetes/client-node';
import { openChannelSocket } from './channelSocket.ts';

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
    connect: (path: string, _textHandler: unknown, binaryHandler: (stream: number, buff: Buffer) => boolean) =>
      openChannelSocket(kubeConfig, path, PROTOCOLS, binaryHandler, ({ code, text }) => new PortForwardRefused(code, refusalMessage(text))),
  } as unknown as Handler;
}
