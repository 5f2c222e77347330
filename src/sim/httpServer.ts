// The listening socket of the sim: HTTP or HTTPS on 127.0.0.1, bearer-token authentication,
// injected delay, WebSocket upgrades for Pod subresources, connection counting and restart on
// the same port with all state kept.
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { parseApiPath } from './apiPath.ts';
import { handleApiRequest, type ApiOptions } from './httpApi.ts';
import { podUpgradeHandlers } from './podSubresources.ts';
import type { SimCore } from './simCore.ts';
import type { V1Status } from '@kubernetes/client-node';
import { goQuote, withConvertedFlags } from './queryParams.ts';
import { parseRequestTarget } from './requestTarget.ts';
import { badRequest, pathNotFound, sendStatus, status, unauthorized } from './status.ts';
import type { SelfSigned } from './tls.ts';

export interface ServerStats {
  connections: number;
  webSockets: number;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/i.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!.trim());
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class SimHttpServer {
  private server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly upgraded = new Set<Duplex>();
  delayMs = 0;
  port = 0;

  constructor(
    private readonly core: SimCore,
    private readonly opts: ApiOptions & { token: string; tls?: SelfSigned },
  ) {
    this.server = this.create();
  }

  get stats(): ServerStats {
    return { connections: this.sockets.size, webSockets: this.upgraded.size };
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  /** Cuts every connection and listens again on the same port; the cluster state stays. */
  async restart(): Promise<void> {
    await this.close();
    this.server = this.create();
    await this.listen(this.port);
  }

  async close(): Promise<void> {
    this.core.hub.dropAll();
    for (const s of this.upgraded) s.destroy();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private create(): Server {
    const server = this.opts.tls ? createHttps({ cert: this.opts.tls.certPem, key: this.opts.tls.keyPem }) : createHttp();
    server.keepAliveTimeout = 30_000;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // Nothing a client sends may end the process: whatever escapes a handler becomes a 500.
    server.on('request', (req, res) => this.onRequest(req, res).catch((err) => internalError(res, err)));
    server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head).catch((err) => rawStatus(socket, serverError(err))));
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
      if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
      rawStatus(socket, badRequest(`the request could not be parsed: ${err.code ?? 'malformed HTTP'}`));
    });
    return server;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const url = parseRequestTarget(req.url);
    if (!url || !tokenMatches(req.headers.authorization, this.opts.token)) {
      req.resume();
      return sendStatus(res, url ? unauthorized() : malformedTarget(req.url));
    }
    await handleApiRequest(this.core, this.opts, req, res, url);
  }

  private async onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    this.upgraded.add(socket);
    socket.on('close', () => this.upgraded.delete(socket));
    socket.on('error', () => socket.destroy());
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const url = parseRequestTarget(req.url);
    if (!url) return rawStatus(socket, malformedTarget(req.url));
    if (!tokenMatches(req.headers.authorization, this.opts.token)) return rawStatus(socket, unauthorized());
    const p = parseApiPath(url.pathname);
    const handler = p && !p.group && p.resource === 'pods' && p.name && p.subresource ? podUpgradeHandlers[p.subresource] : undefined;
    if (!p || !handler) return rawStatus(socket, pathNotFound(url.pathname));
    handler(this.core, req, socket, head, { namespace: p.namespace ?? '', name: p.name!, url: withConvertedFlags(url) });
  }
}

const malformedTarget = (target: string | undefined): V1Status => badRequest(`the request target is not a valid URL: ${goQuote(target ?? '')}`);

const serverError = (err: unknown): V1Status => status(500, 'InternalError', `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`);

function internalError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) return void res.destroy();
  sendStatus(res, serverError(err));
}

const REASON_PHRASES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 500: 'Internal Server Error' };

/** A Status on a socket that was never handed to the HTTP response machinery (upgrades, parse errors). */
function rawStatus(socket: Duplex, s: V1Status): void {
  if (!socket.writable) return void socket.destroy();
  const code = s.code ?? 500;
  const body = JSON.stringify(s);
  socket.end(`HTTP/1.1 ${code} ${REASON_PHRASES[code] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
