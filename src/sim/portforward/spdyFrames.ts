// SPDY/3.1 framing, the part kubectl's port-forward uses (through spdystream): frames cut from a
// byte stream, control frames built, and header blocks kept in one zlib stream per direction
// (with the SPDY dictionary) for the whole connection, as the protocol requires.
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { SPDY_DICTIONARY } from './spdyDictionary.ts';

export const SYN_STREAM = 1;
export const SYN_REPLY = 2;
export const RST_STREAM = 3;
export const PING = 6;
export const GOAWAY = 7;
export const FLAG_FIN = 0x01;
const VERSION = 3;
/** A frame this big is nothing kubectl sends: the peer is not speaking SPDY. */
const MAX_FRAME = 16 << 20;

export type Frame = { control: true; type: number; flags: number; payload: Buffer } | { control: false; streamId: number; flags: number; payload: Buffer };

/** Cuts whole frames off the front of the bytes received so far; returns the rest. */
export function cutFrames(buffer: Buffer, out: Frame[]): Buffer {
  let at = 0;
  while (buffer.length - at >= 8) {
    const length = buffer.readUInt32BE(at + 4) & 0xffffff;
    if (length > MAX_FRAME) throw new Error('SPDY frame too large');
    if (buffer.length - at < 8 + length) break;
    const flags = buffer[at + 4]!;
    const payload = buffer.subarray(at + 8, at + 8 + length);
    const first = buffer.readUInt32BE(at);
    if (first & 0x80000000) out.push({ control: true, type: first & 0xffff, flags, payload });
    else out.push({ control: false, streamId: first & 0x7fffffff, flags, payload });
    at += 8 + length;
  }
  return buffer.subarray(at);
}

function header(first: number, flags: number, length: number): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(first >>> 0, 0);
  head.writeUInt32BE(((flags & 0xff) << 24) | (length & 0xffffff), 4);
  return head;
}

export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  return Buffer.concat([header((0x80000000 | (VERSION << 16) | type) >>> 0, flags, payload.length), payload]);
}

export function dataFrame(streamId: number, flags: number, payload: Buffer): Buffer {
  return Buffer.concat([header(streamId & 0x7fffffff, flags, payload.length), payload]);
}

/** Runs one chunk through a persistent zlib stream and returns what a sync flush yields. */
function pump(stream: Deflate | Inflate, input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const onError = (error: Error) => {
      stream.off('data', onData);
      reject(error);
    };
    stream.on('data', onData);
    stream.once('error', onError);
    stream.write(input);
    stream.flush(constants.Z_SYNC_FLUSH, () => {
      stream.off('data', onData);
      stream.off('error', onError);
      resolve(Buffer.concat(chunks));
    });
  });
}

/** Header blocks of one connection: decode what the client sends, encode what we reply. */
export class HeaderCodec {
  private readonly inflate = createInflate({ dictionary: SPDY_DICTIONARY });
  private readonly deflate = createDeflate({ dictionary: SPDY_DICTIONARY });

  async decode(block: Buffer): Promise<Map<string, string>> {
    const raw = await pump(this.inflate, block);
    const headers = new Map<string, string>();
    let at = 4;
    const count = raw.length >= 4 ? raw.readUInt32BE(0) : 0;
    for (let i = 0; i < count && at + 4 <= raw.length; i++) {
      const nameLength = raw.readUInt32BE(at);
      const name = raw
        .subarray(at + 4, at + 4 + nameLength)
        .toString('latin1')
        .toLowerCase();
      at += 4 + nameLength;
      const valueLength = raw.readUInt32BE(at);
      headers.set(name, raw.subarray(at + 4, at + 4 + valueLength).toString('latin1'));
      at += 4 + valueLength;
    }
    return headers;
  }

  encode(headers: Record<string, string>): Promise<Buffer> {
    const parts: Buffer[] = [];
    const count = Buffer.alloc(4);
    count.writeUInt32BE(Object.keys(headers).length);
    parts.push(count);
    for (const [name, value] of Object.entries(headers)) {
      for (const text of [name, value]) {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(Buffer.byteLength(text, 'latin1'));
        parts.push(length, Buffer.from(text, 'latin1'));
      }
    }
    return pump(this.deflate, Buffer.concat(parts));
  }

  close(): void {
    this.inflate.destroy();
    this.deflate.destroy();
  }
}
