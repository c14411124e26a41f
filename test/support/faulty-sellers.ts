/**
 * Sellers with exactly one defect each, for the e2e tests of `koomock run`: the reference seller
 * (examples/seller-express) behind a small proxy on 127.0.0.1:0 that breaks one thing, so
 * everything else stays correct (signatures verified, orders queried, instances kept).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { startSeller, type RunningSeller } from '../../examples/seller-express/src/app.js';
import { closeServer, listenOn, readBody } from './local-server.js';

export const SELLER_DEFECTS = ['non-idempotent', 'wrong-content-type', 'missing-instance-id', 'late-answer', 'no-order-query', 'failing-new-instance', 'returns-released', 'no-usage-push', 'kit-repeated-delete'] as const;
export type SellerDefect = (typeof SELLER_DEFECTS)[number];

export interface SellerCredentials {
  readonly keys: { readonly basic: string; readonly general: string; readonly kit: string; readonly v1?: string };
  readonly ak: string;
  readonly sk: string;
}

export interface FaultySellerOptions extends SellerCredentials {
  /** The koomock emulator the seller's order query goes to. */
  readonly emulatorUrl: string;
  /** `late-answer`: how long every answer is held back (default 400 ms). */
  readonly lateByMs?: number;
  /** How often the seller meters its on-demand instances (default: its own, hourly). */
  readonly usageIntervalMs?: number;
  /** The reference seller: PEM of the private key that decrypts the kit clientSecret. */
  readonly kitPrivateKey?: string;
  /** The reference seller with its single sign-on broken in one way (docs/oauth.md checks). */
  readonly ssoDefect?: 'skip-code-exchange' | 'ignore-token-errors';
}

export interface TestSellerServer {
  /** The production interface address to give koomock (`--seller-url`). */
  readonly produceUrl: string;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A free port on 127.0.0.1 for the emulator `koomock run` starts, so the seller can be told where
 * its Open APIs will be before the run begins.
 * @example const port = await reserveFreePort(); // then --port <port>
 */
export async function reserveFreePort(): Promise<number> {
  const server = createServer();
  const url = await listenOn(server);
  await closeServer(server);
  return Number(new URL(url).port);
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

function activityOf(body: Buffer): string | undefined {
  try {
    const v = JSON.parse(body.toString('utf8')) as { activity?: unknown };
    return typeof v.activity === 'string' ? v.activity : undefined;
  } catch {
    return undefined;
  }
}

function rewriteJson(answer: Answer, change: (value: Record<string, unknown>) => void): Answer {
  const value = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
  change(value);
  return { ...answer, body: json(value) };
}

/** What a defect does to one exchange: `forward` asks the real seller. */
type Transform = (activity: string | undefined, forward: () => Promise<Answer>, body: Buffer) => Promise<Answer>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function transformFor(defect: SellerDefect, lateByMs: number): Transform {
  switch (defect) {
    case 'non-idempotent':
      // Every newInstance answer carries an id never seen before, as if each re-send created an instance.
      return async (activity, forward) => {
        const answer = await forward();
        if (activity !== 'newInstance') return answer;
        return rewriteJson(answer, (v) => {
          v['instanceId'] = randomUUID();
        });
      };
    case 'wrong-content-type':
      return async (_activity, forward) => {
        const answer = await forward();
        return { ...answer, headers: { ...answer.headers, 'content-type': 'text/html;charset=utf-8' } };
      };
    case 'missing-instance-id':
      return async (activity, forward) => {
        const answer = await forward();
        return activity === 'newInstance' ? rewriteJson(answer, (v) => void delete v['instanceId']) : answer;
      };
    case 'late-answer':
      return async (_activity, forward) => {
        const answer = await forward();
        await sleep(lateByMs);
        return answer;
      };
    case 'failing-new-instance':
      return async (activity, forward) =>
        activity === 'newInstance'
          ? { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: json({ resultCode: '000005', resultMsg: 'provisioning backend unavailable' }) }
          : forward();
    case 'no-order-query':
    case 'no-usage-push':
      return (_activity, forward) => forward();
    case 'kit-repeated-delete': {
      // A kit delete (flag 0) of something already deleted answers "does not exist" instead of success.
      const deleted = new Set<string>();
      return async (_activity, forward, body) => {
        let v: Record<string, unknown> = {};
        try {
          v = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        } catch {
          return forward();
        }
        if (v['flag'] !== 0 || v['activity'] !== undefined) return forward();
        const key = JSON.stringify([v['tenantId'], v['appId'], v['orgCode']]);
        if (deleted.has(key)) return { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: json({ resultCode: '000005', resultMsg: 'no such tenant' }) };
        deleted.add(key);
        return forward();
      };
    }
    case 'returns-released':
      // queryInstance lists every id it is asked for, with login details, released or never issued.
      return async (activity, forward, body) => {
        const answer = await forward();
        if (activity !== 'queryInstance') return answer;
        const asked = String((JSON.parse(body.toString('utf8')) as { instanceId?: unknown }).instanceId ?? '').split(',');
        const login = (id: string) => ({ frontEndUrl: `https://app.example/${id}`, userName: 'admin', password: 'Initial-Passw0rd' });
        return rewriteJson(answer, (v) => {
          v['info'] = asked.map((id) => ({ instanceId: id, appInfo: login(id) }));
        });
      };
  }
}

/** A proxy in front of the seller that applies `transform` to every produce exchange. */
async function startProxy(target: string, transform: Transform): Promise<{ url: string; server: Server }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req);
      const forward = async (): Promise<Answer> => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
        const r = await fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, ...(body.length > 0 ? { body } : {}) });
        return { status: r.status, headers: { 'content-type': r.headers.get('content-type') ?? '' }, body: Buffer.from(await r.arrayBuffer()) };
      };
      const answer = await transform(activityOf(body), forward, body);
      if (res.destroyed) return;
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
      res.end(answer.body);
    })().catch(() => res.destroy());
  });
  return { url: await listenOn(server), server };
}

/**
 * An order-query endpoint that answers from the emulator's admin API without calling its order
 * query: the seller gets its orders, and koomock never sees an `order.query` exchange.
 */
async function startOrderStub(emulatorUrl: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const query = new URL(req.url ?? '/', 'http://stub').searchParams;
      const r = await fetch(`${emulatorUrl}/_koomock/orders/${encodeURIComponent(query.get('orderId') ?? '')}`);
      const order = (await r.json()) as { orderInfo?: { orderLine?: { orderLineId: string }[] } };
      const line = query.get('orderLineId');
      const info = order.orderInfo === undefined ? undefined : { ...order.orderInfo, orderLine: (order.orderInfo.orderLine ?? []).filter((l) => line === null || l.orderLineId === line) };
      const body = r.ok ? { resultCode: 'MKT.0000', resultMsg: 'Success', orderInfo: info } : { resultCode: 'MKT.0101', resultMsg: 'Invalid parameter' };
      res.writeHead(r.ok ? 200 : 400, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(JSON.stringify(body));
    })().catch(() => res.destroy());
  });
  return { url: await listenOn(server), server };
}

/**
 * The reference seller, correct in every way; `orderApiUrls` point at the emulator.
 * @example
 *   const seller = await startReferenceSeller({ keys, ak, sk, emulatorUrl: `http://127.0.0.1:${port}` });
 */
export async function startReferenceSeller(options: FaultySellerOptions): Promise<TestSellerServer & { readonly seller: RunningSeller }> {
  // Retries as the example does by default (scenarios/faults/order-query-retry needs it), quickly.
  const seller = await startSeller({ port: 0, keys: options.keys, ak: options.ak, sk: options.sk, orderApiUrls: [options.emulatorUrl], openApi: { attempts: 3, backoffMs: [20], timeoutMs: 3000 }, ...(options.usageIntervalMs === undefined ? {} : { usageIntervalMs: options.usageIntervalMs }), ...(options.kitPrivateKey === undefined ? {} : { kitPrivateKey: options.kitPrivateKey }), ...(options.ssoDefect === undefined ? {} : { ssoDefect: options.ssoDefect }) });
  return { seller, produceUrl: seller.produceUrl, close: () => seller.close() };
}

/**
 * A seller with one defect.
 * @example
 *   const seller = await startFaultySeller('non-idempotent', { keys, ak, sk, emulatorUrl });
 *   // koomock run --seller-url seller.produceUrl … --only idempotent-resend  => exit 1, instance.idempotent ✗
 */
export async function startFaultySeller(defect: SellerDefect, options: FaultySellerOptions): Promise<TestSellerServer> {
  const stub = defect === 'no-order-query' ? await startOrderStub(options.emulatorUrl) : undefined;
  const seller = await startSeller({
    port: 0,
    keys: options.keys,
    ak: options.ak,
    sk: options.sk,
    orderApiUrls: [stub?.url ?? options.emulatorUrl],
    openApi: { attempts: 1, timeoutMs: 3000 },
    // Everything else meters every 200 ms; this one never pushes usage.
    usageIntervalMs: defect === 'no-usage-push' ? 0 : 200,
  });
  const proxy = await startProxy(seller.url, transformFor(defect, options.lateByMs ?? 400));
  const path = new URL(seller.produceUrl).pathname;
  return {
    produceUrl: `${proxy.url}${path}`,
    close: async () => {
      await closeServer(proxy.server);
      if (stub !== undefined) await closeServer(stub.server);
      await seller.close();
    },
  };
}
