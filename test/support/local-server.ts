/**
 * What the test sellers and proxies in test/support need around a node:http server on 127.0.0.1:
 * read a whole request body, listen on a free port, close with the open connections, forward a
 * request to the seller behind a proxy and answer with what it said.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The whole request body. */
export const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Listens on 127.0.0.1, any free port; resolves to the origin. */
export const listenOn = (server: Server): Promise<string> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

/** Closes a server and its open connections. */
export const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Sends a request on to `url` and writes its answer (status, content type, bytes) to `res`. */
export async function forwardTo(url: string, init: { readonly method: string; readonly headers: Record<string, string>; readonly body: Buffer }, res: ServerResponse): Promise<void> {
  const r = await fetch(url, { method: init.method, headers: init.headers, ...(init.body.length > 0 ? { body: init.body } : {}) });
  const answer = Buffer.from(await r.arrayBuffer());
  res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json', 'content-length': String(answer.length) });
  res.end(answer);
}

/** A proxy in front of a seller, listening on a free port: the production URL to give koomock, and one close for both. */
export async function openProxy(proxy: Server, seller: { close(): Promise<void> }, producePath: string): Promise<{ produceUrl: string; close(): Promise<void> }> {
  const proxyUrl = await listenOn(proxy);
  return {
    produceUrl: `${proxyUrl}${producePath}`,
    close: async () => {
      await closeServer(proxy);
      await seller.close();
    },
  };
}
