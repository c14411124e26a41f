/**
 * Sellers that are correct except for one forgiveness in checking produce-call signatures, for the
 * e2e tests of koomock's security scenarios: the reference seller (examples/seller-express) behind a
 * small proxy on 127.0.0.1:0 that, where the forgiving seller would let a call through, re-signs it
 * correctly before forwarding. So the real seller still does everything else (orders, instances).
 */
import { randomBytes } from 'node:crypto';
import { createServer, } from 'node:http';
import { startSeller } from '../../examples/seller-express/src/app.js';
import { computeV2Signature, parseJsonObject, secureEqualHex, toCanonicalJson } from '../../mock-server/core/signing/index.js';
import type { FaultySellerOptions, TestSellerServer } from './faulty-sellers.js';
import { forwardTo, openProxy, readBody } from './local-server.js';

/**
 * - `skip-signature`: never verifies anything (every call goes through, replays too);
 * - `ignore-window`: verifies the signature but not how old the timestamp is, nor its unit;
 * - `verify-only-when-present`: verifies only calls that carry a `signature` parameter.
 */
export const FORGIVENESSES = ['skip-signature', 'ignore-window', 'verify-only-when-present'] as const;
export type Forgiveness = (typeof FORGIVENESSES)[number];

type Params = { readonly signature?: string; readonly timestamp?: string; readonly nonce?: string };

const payloadOf = (body: string): string => toCanonicalJson(parseJsonObject(body) ?? {});

const sign = (key: string, body: string, timestamp: string, nonce: string): string => computeV2Signature({ key, payload: payloadOf(body), timestamp, nonce }).toUpperCase();

/** Whether `params` carry a signature that is right for this body, whatever the timestamp says. */
const signedRight = (key: string, body: string, p: Params): boolean =>
  p.signature !== undefined && p.timestamp !== undefined && p.nonce !== undefined && secureEqualHex(sign(key, body, p.timestamp, p.nonce), p.signature);

/** The parameters to forward: the ones received, or fresh valid ones where the seller would forgive. */
function forwardParams(forgiveness: Forgiveness, key: string, body: string, p: Params): Params {
  const fresh = (nonce: string): Params => {
    const timestamp = String(Date.now());
    return { signature: sign(key, body, timestamp, nonce), timestamp, nonce };
  };
  switch (forgiveness) {
    case 'skip-signature':
      return fresh(randomBytes(16).toString('hex'));
    case 'ignore-window':
      // The nonce is kept, so the seller's replay protection still sees it.
      return signedRight(key, body, p) ? fresh(p.nonce ?? '') : p;
    case 'verify-only-when-present':
      return p.signature === undefined ? fresh(p.nonce ?? randomBytes(16).toString('hex')) : p;
  }
}

/**
 * A seller with one forgiveness in its signature check (V2 basic calls and orderNotify; kit calls
 * pass through unchanged).
 * @example
 *   const seller = await startForgivingSeller('skip-signature', { keys, ak, sk, emulatorUrl });
 *   // koomock run scenarios/security --seller-url seller.produceUrl …  => exit 1, security.wrong-key ✗
 */
export async function startForgivingSeller(forgiveness: Forgiveness, options: FaultySellerOptions): Promise<TestSellerServer> {
  const seller = await startSeller({ port: 0, keys: options.keys, ak: options.ak, sk: options.sk, orderApiUrls: [options.emulatorUrl], openApi: { attempts: 1, timeoutMs: 3000 } });
  const producePath = new URL(seller.produceUrl).pathname;
  const proxy = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://proxy');
      const text = raw.toString('utf8');
      if (req.method === 'POST' && url.pathname === producePath) {
        const q = url.searchParams;
        const got: Params = {
          ...(q.has('signature') ? { signature: q.get('signature') ?? '' } : {}),
          ...(q.has('timestamp') ? { timestamp: q.get('timestamp') ?? '' } : {}),
          ...(q.has('nonce') ? { nonce: q.get('nonce') ?? '' } : {}),
        };
        const key = parseJsonObject(text)?.['activity'] === 'orderNotify' ? options.keys.general : options.keys.basic;
        const sent = forwardParams(forgiveness, key, text, got);
        for (const name of ['signature', 'timestamp', 'nonce'] as const) {
          const value = sent[name];
          if (value === undefined) q.delete(name);
          else q.set(name, value);
        }
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      await forwardTo(`${seller.url}${url.pathname}${url.search}`, { method: req.method ?? 'POST', headers, body: raw }, res);
    })().catch(() => res.destroy());
  });
  return openProxy(proxy, seller, producePath);
}
