/**
 * Sellers for the V1 group: the reference seller (examples/seller-express, V1 routes on GET of its
 * production address) and the same seller behind a proxy that breaks one V1 rule, so everything
 * else stays correct. The proxy plays the seller's own code where the defect sits (its authToken
 * check, its Body-Sign, its reading of mobilePhone).
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSeller } from '../../examples/seller-express/src/app.js';
import { closeServer, listenOn } from './local-server.js';

export const V1_DEFECTS = ['v1-token-key-only', 'v1-token-encoded-values', 'v1-no-body-sign', 'v1-body-sign-with-timestamp', 'v1-plain-fields'] as const;
export type V1Defect = (typeof V1_DEFECTS)[number];

export interface V1SellerOptions {
  /** The V1 Key: authToken, Body-Sign and the AES fields. */
  readonly v1Key: string;
  /** What the seller encrypts userName/password with when the call gives no hint (default "1"). */
  readonly encryptType?: '1' | '2';
}

export interface V1TestSeller {
  /** The production interface address to give koomock (`--seller-url`). */
  readonly produceUrl: string;
  close(): Promise<void>;
}

const hmac = (key: string, text: string | Buffer): string => createHmac('sha256', key).update(text).digest('base64');
const bodySign = (key: string, body: Buffer): string => `sign_type="HMAC-SHA256", signature= "${hmac(key, body)}"`;

interface Answer {
  readonly body: Buffer;
  readonly bodySign?: string;
}

/** A signed V1 answer the proxy makes itself (a rejection the broken seller code would send). */
const ownAnswer = (key: string, value: unknown): Answer => {
  const body = Buffer.from(JSON.stringify(value));
  return { body, bodySign: bodySign(key, body) };
};

/** Raw name/value pairs of a query string, values still URL-encoded. */
const rawPairs = (query: string): [string, string][] =>
  query.split('&').filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
  });

const decode = (v: string): string => decodeURIComponent(v.replace(/\+/g, ' '));

/** The authToken a seller computes when it gets one step wrong. */
function wrongToken(defect: 'v1-token-key-only' | 'v1-token-encoded-values', key: string, query: string): { given: string; computed: string } {
  const pairs = rawPairs(query);
  const given = decode(pairs.find(([k]) => k === 'authToken')?.[1] ?? '');
  const rest = pairs.filter(([k]) => k !== 'authToken').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const timeStamp = decode(rest.find(([k]) => k === 'timeStamp')?.[1] ?? '');
  if (defect === 'v1-token-key-only') return { given, computed: hmac(key, rest.map(([k, v]) => `${k}=${decode(v)}`).join('&')) };
  return { given, computed: hmac(key + timeStamp, rest.map(([k, v]) => `${k}=${v}`).join('&')) };
}

type Transform = (query: string, forward: () => Promise<Answer>) => Promise<Answer>;

function transformFor(defect: V1Defect, key: string): Transform {
  switch (defect) {
    case 'v1-token-key-only':
    case 'v1-token-encoded-values':
      return async (query, forward) => {
        const { given, computed } = wrongToken(defect, key, query);
        return given === computed ? forward() : ownAnswer(key, { resultCode: '000001', resultMsg: 'authentication failed: authToken does not match' });
      };
    case 'v1-no-body-sign':
      return async (_query, forward) => ({ body: (await forward()).body });
    case 'v1-body-sign-with-timestamp':
      // Signs the answer with Key + timeStamp, as for authToken; the answer key is the Key alone.
      return async (query, forward) => {
        const answer = await forward();
        const timeStamp = decode(rawPairs(query).find(([k]) => k === 'timeStamp')?.[1] ?? '');
        return { body: answer.body, bodySign: bodySign(key + timeStamp, answer.body) };
      };
    case 'v1-plain-fields':
      // Reads mobilePhone as a plain phone number instead of decrypting it first.
      return async (query, forward) => {
        const phone = rawPairs(query).find(([k]) => k === 'mobilePhone')?.[1];
        if (phone !== undefined && !/^\+?[0-9][0-9 -]{4,19}$/.test(decode(phone))) return ownAnswer(key, { resultCode: '000101', resultMsg: 'mobilePhone: not a phone number' });
        return forward();
      };
  }
}

async function startV1Proxy(target: string, transform: Transform): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      const at = url.indexOf('?');
      const forward = async (): Promise<Answer> => {
        const r = await fetch(`${target}${url}`, { method: req.method ?? 'GET' });
        const sign = r.headers.get('body-sign');
        return { body: Buffer.from(await r.arrayBuffer()), ...(sign === null ? {} : { bodySign: sign }) };
      };
      const answer = await transform(at < 0 ? '' : url.slice(at + 1), forward);
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': String(answer.body.length), ...(answer.bodySign === undefined ? {} : { 'body-sign': answer.bodySign }) });
      res.end(answer.body);
    })().catch(() => res.destroy());
  });
  await listenOn(server);
  return server;
}

const referenceOptions = (o: V1SellerOptions) => ({ port: 0, keys: { basic: `${o.v1Key}-basic`, v1: o.v1Key }, ak: 'V1SELLERAK0000000000', sk: 'v1-seller-sk-00000000000000000000000000', ...(o.encryptType === undefined ? {} : { v1EncryptType: o.encryptType }) });

/**
 * The reference seller answering V1 calls with `v1Key`.
 * @example const seller = await startV1ReferenceSeller({ v1Key }); // koomock run --group v1 --seller-url seller.produceUrl --v1-key …
 */
export async function startV1ReferenceSeller(options: V1SellerOptions): Promise<V1TestSeller> {
  const seller = await startSeller(referenceOptions(options));
  return { produceUrl: seller.produceUrl, close: () => seller.close() };
}

/**
 * The reference seller with one V1 defect.
 * @example const seller = await startV1FaultySeller('v1-no-body-sign', { v1Key }); // response.body-sign ✗
 */
export async function startV1FaultySeller(defect: V1Defect, options: V1SellerOptions): Promise<V1TestSeller> {
  const seller = await startSeller(referenceOptions(options));
  const proxy = await startV1Proxy(seller.url, transformFor(defect, options.v1Key));
  const { port } = proxy.address() as AddressInfo;
  return {
    produceUrl: `http://127.0.0.1:${port}${new URL(seller.produceUrl).pathname}`,
    close: async () => {
      await closeServer(proxy);
      await seller.close();
    },
  };
}
