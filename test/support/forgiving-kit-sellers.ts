/**
 * Sellers that are correct except for one forgiveness in checking kit calls (`x-sign`,
 * `x-timestamp`, `x-nonce`), for the e2e tests of the kit-security scenarios: the reference seller
 * (examples/seller-express) behind a small proxy on 127.0.0.1:0. V2 calls pass through unchanged.
 */
import { randomBytes } from 'node:crypto';
import { createServer, } from 'node:http';
import { startSeller } from '../../examples/seller-express/src/app.js';
import { computeKitSignature, parseJsonObject, toCanonicalJson } from '../../mock-server/core/signing/index.js';
import type { FaultySellerOptions, TestSellerServer } from './faulty-sellers.js';
import { forwardTo, openProxy, readBody } from './local-server.js';

/**
 * - `kit-skip-signature`: never verifies a kit call (forged, stale and replayed ones go through);
 * - `kit-nonce-before-verify`: remembers every x-nonce it receives before verifying the call, so a
 *   forged call it rejects still leaves a trace: a valid call with the same x-nonce is refused.
 */
export const KIT_FORGIVENESSES = ['kit-skip-signature', 'kit-nonce-before-verify'] as const;
export type KitForgiveness = (typeof KIT_FORGIVENESSES)[number];

const AUTH_FAILED = Buffer.from(JSON.stringify({ resultCode: '000001', resultMsg: 'x-nonce already used' }));

/**
 * @example
 *   const seller = await startForgivingKitSeller('kit-skip-signature', { keys, ak, sk, emulatorUrl });
 *   // koomock run --group kit-security --seller-url seller.produceUrl …  => exit 1, security.kit-wrong-key ✗
 */
export async function startForgivingKitSeller(forgiveness: KitForgiveness, options: FaultySellerOptions): Promise<TestSellerServer> {
  const seller = await startSeller({ port: 0, keys: options.keys, ak: options.ak, sk: options.sk, orderApiUrls: [options.emulatorUrl], openApi: { attempts: 1, timeoutMs: 3000 } });
  const producePath = new URL(seller.produceUrl).pathname;
  const seen = new Set<string>();
  const proxy = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://proxy');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      const kit = req.method === 'POST' && url.pathname.startsWith(`${producePath}/produceAPI/v2/`);
      if (kit && forgiveness === 'kit-nonce-before-verify') {
        const nonce = headers['x-nonce'] ?? '';
        const repeated = seen.has(nonce);
        seen.add(nonce);
        if (repeated) {
          res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': String(AUTH_FAILED.length) });
          res.end(AUTH_FAILED);
          return;
        }
      }
      if (kit && forgiveness === 'kit-skip-signature') {
        // Whatever arrived, the seller goes on as if it were a fresh, valid call.
        const timestamp = String(Date.now());
        const nonce = randomBytes(16).toString('hex');
        const payload = toCanonicalJson(parseJsonObject(raw.toString('utf8')) ?? {});
        Object.assign(headers, { 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-sign': computeKitSignature({ key: options.keys.kit, payload, timestamp, nonce }) });
      }
      await forwardTo(`${seller.url}${url.pathname}${url.search}`, { method: req.method ?? 'POST', headers, body: raw }, res);
    })().catch(() => res.destroy());
  });
  return openProxy(proxy, seller, producePath);
}
