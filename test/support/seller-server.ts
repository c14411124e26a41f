/**
 * The configurable test seller itself, free of vitest so that child processes can start one too;
 * test-seller.ts adds the vitest fixture.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the test seller does with one request. */
export type SellerBehaviour =
  /** Answer with status, headers and body after an optional delay. */
  | { readonly kind: 'respond'; readonly status?: number; readonly headers?: Record<string, string>; readonly body?: string | Uint8Array; readonly delayMs?: number }
  /** Destroy the connection without answering. */
  | { readonly kind: 'reset' }
  /** Send the status line, headers and part of the body, then destroy the connection. */
  | { readonly kind: 'reset-mid-body'; readonly partialBody?: string }
  /** Accept the request and never answer. */
  | { readonly kind: 'hang' }
  /** Send headers and part of the body, and never end it. */
  | { readonly kind: 'hang-mid-body' }
  /** Send headers, then one body byte every `intervalMs` (default 100), forever. */
  | { readonly kind: 'trickle'; readonly intervalMs?: number }
  /** Write these bytes to the socket as the whole answer (status line and headers included), then close it. */
  | { readonly kind: 'raw'; readonly bytes: string | Uint8Array }
  /** Stream `bytes` bytes of body (written lazily, stopped when the client goes away). */
  | { readonly kind: 'huge'; readonly bytes: number }
  /** Answer a redirect to `location`. */
  | { readonly kind: 'redirect'; readonly status?: 301 | 302 | 303 | 307 | 308; readonly location: string };

/** One request as the seller received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly query: URLSearchParams;
}

export type SellerHandler = (request: RecordedRequest, index: number) => SellerBehaviour;

export interface TestSeller {
  /** `http://127.0.0.1:<port>`, plus `path` when one was given. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Body bytes written by `huge` answers so far. */
  bytesWritten(): number;
  setHandler(handler: SellerHandler | SellerBehaviour): void;
  close(): Promise<void>;
}

/** A JSON answer (HTTP 200 unless told). */
export const jsonAnswer = (body: unknown, init: { status?: number; headers?: Record<string, string>; delayMs?: number } = {}): SellerBehaviour => ({
  kind: 'respond',
  status: init.status ?? 200,
  headers: { 'content-type': 'application/json;charset=UTF-8', ...init.headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...(init.delayMs === undefined ? {} : { delayMs: init.delayMs }),
});

const CHUNK = Buffer.alloc(64 * 1024, 0x61);

function record(req: IncomingMessage, body: Buffer): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return { method: req.method ?? '', url, headers, body: body.toString('utf8'), query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)) };
}

/**
 * A configurable seller on 127.0.0.1:0 over node:http, well-behaved or misbehaving on demand.
 * @example
 *   const seller = await createTestSeller(jsonAnswer({ resultCode: '000000', resultMsg: 'ok', instanceId: 'i1' }));
 *   // … send to seller.url …
 *   await seller.close();
 */
export async function createTestSeller(initial: SellerHandler | SellerBehaviour = jsonAnswer({ resultCode: '000000', resultMsg: 'success' }), path = ''): Promise<TestSeller> {
  let handler: SellerHandler = typeof initial === 'function' ? initial : () => initial;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let written = 0;

  const act = (behaviour: SellerBehaviour, res: ServerResponse): void => {
    switch (behaviour.kind) {
      case 'respond': {
        const send = () => {
          res.writeHead(behaviour.status ?? 200, behaviour.headers ?? {});
          res.end(behaviour.body ?? '');
        };
        if (behaviour.delayMs === undefined) send();
        else timers.add(setTimeout(send, behaviour.delayMs));
        return;
      }
      case 'reset':
        res.socket?.destroy();
        return;
      case 'reset-mid-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write(behaviour.partialBody ?? '{"resultCode":"0', () => res.socket?.destroy());
        return;
      case 'hang':
        return;
      case 'hang-mid-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"resultCode":');
        return;
      case 'trickle': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        const timer = setInterval(() => res.write(' '), behaviour.intervalMs ?? 100);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'raw': {
        // Bypasses ServerResponse, which would refuse invalid status lines and header bytes.
        const socket = res.socket;
        socket?.end(typeof behaviour.bytes === 'string' ? Buffer.from(behaviour.bytes, 'latin1') : behaviour.bytes);
        return;
      }
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const pump = () => {
          while (written < behaviour.bytes && !res.destroyed) {
            const n = Math.min(CHUNK.length, behaviour.bytes - written);
            written += n;
            if (!res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        pump();
        return;
      }
      case 'redirect':
        res.writeHead(behaviour.status ?? 302, { location: behaviour.location, 'content-type': 'text/plain' });
        res.end('moved');
        return;
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec = record(req, Buffer.concat(chunks));
      requests.push(rec);
      act(handler(rec, requests.length - 1), res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    bytesWritten: () => written,
    setHandler(next) {
      handler = typeof next === 'function' ? next : () => next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t); // clears intervals too
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
