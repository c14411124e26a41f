/**
 * Sellers for the Pact verification tests: the reference seller behind a proxy on 127.0.0.1:0
 * that gives it exactly one defect a produce pact must catch.
 * - `ignores-order-line`: newInstance is answered for the order's first line, whatever
 *   `orderLineId` says (the proxy rewrites it and signs the call again, so the seller accepts it).
 * - `no-signature-check`: every call reaches the seller correctly signed, as if the seller never
 *   checked signatures (a wrongly signed call gets 000000).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSeller } from '../../examples/seller-express/src/app.js';
import { resignProduceRequest } from '../../mock-server/adapters/pact/resign.js';
import type { FaultySellerOptions, TestSellerServer } from './faulty-sellers.js';

export const PACT_SELLER_DEFECTS = ['ignores-order-line', 'no-signature-check'] as const;
export type PactSellerDefect = (typeof PACT_SELLER_DEFECTS)[number];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function rewriteOrderLine(body: Buffer): Buffer {
  try {
    const value = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    if (value.activity !== 'newInstance' || typeof value.orderId !== 'string') return body;
    return Buffer.from(JSON.stringify({ ...value, orderLineId: `${value.orderId}-000001` }));
  } catch {
    return body;
  }
}

/**
 * @example
 *   const seller = await startPactFaultySeller('no-signature-check', { keys, ak, sk, emulatorUrl });
 */
export async function startPactFaultySeller(defect: PactSellerDefect, options: FaultySellerOptions): Promise<TestSellerServer> {
  const seller = await startSeller({ port: 0, keys: options.keys, ak: options.ak, sk: options.sk, orderApiUrls: [options.emulatorUrl], openApi: { attempts: 1, timeoutMs: 3000 } });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const original = await readBody(req);
      const body = defect === 'ignores-order-line' ? rewriteOrderLine(original) : original;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      let path = req.url ?? '/';
      let sent: Buffer = body;
      if (req.method === 'POST' && (defect === 'no-signature-check' || body !== original)) {
        // Rewritten calls keep the timestamp they were sent with, so a stale call stays stale.
        const sentAt = Number(new URL(path, 'http://seller').searchParams.get('timestamp'));
        const clock = defect === 'ignores-order-line' && Number.isFinite(sentAt) && sentAt > 0 ? { wallNow: () => sentAt } : undefined;
        const resigned = resignProduceRequest({ pathAndQuery: path, headers, body }, { keys: options.keys, ...(clock === undefined ? {} : { clock }) });
        if (resigned !== undefined) {
          path = resigned.pathAndQuery;
          sent = resigned.body;
          for (const [k, v] of Object.entries(resigned.setHeaders)) if (k !== 'content-length') headers[k] = v;
        }
      }
      const r = await fetch(`${seller.url}${path}`, { method: req.method ?? 'POST', headers, ...(sent.length > 0 ? { body: sent } : {}) });
      const answer = Buffer.from(await r.arrayBuffer());
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json', 'content-length': String(answer.length) });
      res.end(answer);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    produceUrl: `${url}${new URL(seller.produceUrl).pathname}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await seller.close();
    },
  };
}
