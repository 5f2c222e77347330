// Raw bytes to a plain-HTTP sim over TCP, for requests no HTTP client would send.
import { connect } from 'node:net';

/**
 * Writes `bytes` and collects the answer until the server closes the connection or `quietMs`
 * passes after the last byte (a watch or a followed log never closes by itself).
 */
export function sendRaw(port: number, bytes: string | Buffer, quietMs = 150): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    };
    socket.on('data', (d) => {
      chunks.push(d as Buffer);
      quiet();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => {
      socket.write(bytes);
      quiet();
    });
  });
}

/** The status code and the JSON body of a raw HTTP/1.1 answer (Content-Length framed). */
export function parseRawAnswer(text: string): { code: number; body: unknown } {
  const code = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  const body = text.slice(text.indexOf('\r\n\r\n') + 4);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { code, body: json };
}
