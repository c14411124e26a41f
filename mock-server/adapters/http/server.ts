/**
 * The Node HTTP server around the request listener (app.ts): generous header limits (APIG allows 32 KB URIs), bounded
 * waits for slow or broken clients, and a close that does not hang on keep-alive connections.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { KoomockError } from '../../core/errors.js';

export interface HttpServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** A request whose headers and body have not fully arrived by then is answered 408 and closed. */
  readonly requestTimeoutMs?: number;
}

export interface RunningServer {
  readonly server: Server;
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets answers in flight finish for up to `graceMs` (default 1 s), then drops the rest. */
  close(graceMs?: number): Promise<void>;
}

/** Room for the 32 KB URI APIG accepts (§2.3) plus large headers; beyond it Node answers 431. */
export const MAX_HEADER_BYTES = 128 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

const STATUS_LINE: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/** Malformed HTTP (bad framing, bogus Content-Length) ends the connection with a bare status, as Node does. */
function onClientError(err: Error & { code?: string }, socket: Socket): void {
  if (socket.writable && socket.bytesWritten === 0) {
    const status = STATUS_LINE[err.code ?? ''] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroy();
}

const toUrlHost = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/**
 * Listens and resolves once bound; a port in use or a bad address rejects with a KoomockError that says what to do.
 * @example const running = await listen(createApp(runtime, { listenHost: '127.0.0.1' }), { host: '127.0.0.1', port: 0 });
 */
export function listen(app: RequestListener, options: HttpServerOptions): Promise<RunningServer> {
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: timeout, headersTimeout: Math.min(timeout, 60_000), connectionsCheckingInterval: 500 },
    app,
  );
  server.keepAliveTimeout = 5_000;
  server.on('clientError', onClientError);
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      const where = `${options.host}:${options.port}`;
      const hint =
        e.code === 'EADDRINUSE'
          ? `port ${options.port} is already in use: stop the other process, or choose another port with --port (0 picks a free one)`
          : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND'
            ? `${options.host} is not an address of this machine: use 127.0.0.1, or 0.0.0.0 for every interface`
            : `could not listen on ${where} (${e.code ?? e.message})`;
      reject(new KoomockError('USAGE', hint, { host: options.host, port: options.port }, e));
    };
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      const port = (server.address() as AddressInfo).port;
      resolve({ server, url: `http://${toUrlHost(options.host)}:${port}`, port, close: (graceMs) => closeServer(server, graceMs) });
    });
  });
}

function closeServer(server: Server, graceMs = 1_000): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
