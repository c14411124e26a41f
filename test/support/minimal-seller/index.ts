/**
 * A second, minimal correct seller for koomock's own tests: plain node:http, no koomock test hooks,
 * written from koomock's docs (docs/signing.md, docs/scenarios.md, docs/checks.md) and the
 * interface pages they cite, sharing no code with examples/seller-express nor with koomock. It
 * verifies every produce call's signature, fetches every order through the order query (APIG
 * signed), and is idempotent on orderId + orderLineId. `defect` breaks exactly one answer rule.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, handle, type MinimalSellerDefect, type SellerContext } from './handlers.js';
import { Store } from './store.js';
import { pushUsage } from './usage.js';
import { checkSignature, NonceBook } from './verify.js';

export type { MinimalSellerDefect } from './handlers.js';

export interface MinimalSellerOptions {
  readonly keys: { readonly basic: string; readonly general: string };
  readonly ak: string;
  readonly sk: string;
  /** Order query hosts, first = primary (koomock's address in tests). */
  readonly orderHosts: readonly string[];
  /** Provision in the background (newInstance 000004, then queryInstance). Default false. */
  readonly async?: boolean;
  readonly defect?: MinimalSellerDefect;
  /** Meter every live, unfrozen on-demand instance and push one usage record (wall-clock times) this often; 0 = never (default). */
  readonly usageIntervalMs?: number;
}

export interface MinimalSeller {
  /** The production interface address to give koomock. */
  readonly produceUrl: string;
  /** error_code of every usage push made so far (with `pushUsage`). */
  readonly usagePushes: readonly string[];
  close(): Promise<void>;
}

const PRODUCE_PATH = '/saas/produce';
const MAX_BODY = 64 * 1024;

const readBody = (req: IncomingMessage): Promise<string | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** JSON with every non-ASCII character as a \uXXXX escape (the memo rule), unless told otherwise. */
const toJson = (value: unknown, asciiOnly: boolean): string => {
  const text = JSON.stringify(value);
  return asciiOnly ? text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
};

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the seller on 127.0.0.1, port 0.
 * @example
 *   const seller = await startMinimalSeller({ keys, ak, sk, orderHosts: [emulatorUrl] });
 */
export async function startMinimalSeller(options: MinimalSellerOptions): Promise<MinimalSeller> {
  const usagePushes: string[] = [];
  const ctx: SellerContext = {
    store: new Store(),
    orderHosts: options.orderHosts,
    creds: { ak: options.ak, sk: options.sk },
    async: options.async === true,
    defect: options.defect,
  };
  const meter = (): void => {
    for (const instance of ctx.store.byId.values()) {
      if (!instance.onDemand || instance.released || instance.frozen || instance.appInfo === undefined) continue;
      void pushUsage(options.orderHosts[0] ?? '', instance.instanceId, { ak: options.ak, sk: options.sk, usageKey: options.keys.basic }).then((code) => usagePushes.push(code));
    }
  };
  const metering = (options.usageIntervalMs ?? 0) > 0 ? setInterval(meter, options.usageIntervalMs) : undefined;
  const nonces = new NonceBook();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://seller');
      const text = await readBody(req);
      let answer: Answer;
      const body = text === undefined ? undefined : parse(text);
      if (req.method !== 'POST' || url.pathname !== PRODUCE_PATH) answer = { resultCode: '000002', resultMsg: 'unknown path' };
      else if (body === undefined) answer = { resultCode: '000002', resultMsg: 'the body must be a JSON object' };
      else {
        const activity = typeof body['activity'] === 'string' ? body['activity'] : '';
        const key = activity === 'orderNotify' ? options.keys.general : options.keys.basic;
        const p = url.searchParams;
        const refused = checkSignature(key, body, { signature: p.get('signature'), timestamp: p.get('timestamp'), nonce: p.get('nonce') }, Date.now(), nonces);
        answer = refused === undefined ? await handle(activity, body, ctx) : { resultCode: '000001', resultMsg: `authentication failed: ${refused}` };
      }
      const sent: Record<string, unknown> = { ...answer };
      if (options.defect === 'no-result-msg') delete sent['resultMsg'];
      const out = toJson(sent, options.defect !== 'raw-memo');
      const headers: Record<string, string> = { 'content-type': 'application/json;charset=UTF-8' };
      if (options.defect === 'wrong-body-sign') {
        // Signed with the key, but over another text than the one sent.
        headers['body-sign'] = `sign_type="HMAC-SHA256", signature="${createHmac('sha256', options.keys.basic).update(`${out} `).digest('base64')}"`;
      }
      res.writeHead(200, headers);
      res.end(out);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    produceUrl: `http://127.0.0.1:${port}${PRODUCE_PATH}`,
    usagePushes,
    close: () =>
      new Promise<void>((resolve) => {
        if (metering !== undefined) clearInterval(metering);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
