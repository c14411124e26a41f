/**
 * A V1 seller that never checks authToken or timeStamp: the reference seller
 * (examples/seller-express) behind a proxy on 127.0.0.1:0 that re-signs every V1 call with a fresh
 * timeStamp and a valid authToken before forwarding, so forged, stale and replayed calls go through.
 */
import { createServer, } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSeller } from '../../examples/seller-express/src/app.js';
import { computeV1AuthToken } from '../../mock-server/core/signing/index.js';
import { toMillisTime } from '../../mock-server/core/market/time-format.js';
import type { V1SellerOptions, V1TestSeller } from './v1-sellers.js';
import { closeServer, listenOn } from './local-server.js';

/**
 * @example const seller = await startForgivingV1Seller({ v1Key }); // security.v1-wrong-key ✗
 */
export async function startForgivingV1Seller(options: V1SellerOptions): Promise<V1TestSeller> {
  const seller = await startSeller({ port: 0, keys: { basic: `${options.v1Key}-basic`, v1: options.v1Key }, ak: 'V1SELLERAK0000000000', sk: 'v1-seller-sk-00000000000000000000000000' });
  const proxy = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://proxy');
      const params: Record<string, string> = {};
      for (const [k, v] of url.searchParams) if (k !== 'authToken' && !Object.hasOwn(params, k)) params[k] = v;
      if (params['activity'] !== undefined) {
        params['timeStamp'] = toMillisTime(Date.now());
        const query = Object.keys(params).sort().map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k] as string)}`).join('&');
        url.search = `?${query}&authToken=${encodeURIComponent(computeV1AuthToken({ key: options.v1Key, params }))}`;
      }
      const r = await fetch(`${seller.url}${url.pathname}${url.search}`, { method: req.method ?? 'GET' });
      const body = Buffer.from(await r.arrayBuffer());
      const sign = r.headers.get('body-sign');
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json', 'content-length': String(body.length), ...(sign === null ? {} : { 'body-sign': sign }) });
      res.end(body);
    })().catch(() => res.destroy());
  });
  await listenOn(proxy);
  const { port } = proxy.address() as AddressInfo;
  return {
    produceUrl: `http://127.0.0.1:${port}${new URL(seller.produceUrl).pathname}`,
    close: async () => {
      await closeServer(proxy);
      await seller.close();
    },
  };
}
