/**
 * `koomock pact resign-proxy`: for sellers whose Pact verifier is not JS (pact-jvm, pact-go,
 * `pact_verifier_cli`). The verifier talks to this proxy instead of the seller; the proxy signs
 * every produce request again (fresh timestamp, nonce and signature over the bytes it forwards)
 * and passes the answer back unchanged. Provider states stay the seller's own (or koomock's
 * `--provider-states-url`, see docs/pact.md).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SellerKeys } from '../../core/produce/types.js';
import type { FidelityProfile } from '../../core/profile.js';
import { resignProduceRequest, type SigningMode } from './resign.js';

/** A request body larger than this is refused (a produce call is a few KB). */
const MAX_BODY_BYTES = 1024 * 1024;

export interface ResignProxyOptions {
  /** The seller's production interface address; its origin receives the requests. */
  readonly sellerUrl: string;
  readonly keys: SellerKeys;
  readonly profile?: FidelityProfile;
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Signing of the next request (provider states such as "signed with a wrong key"). */
  readonly takeMode?: () => SigningMode;
  /** Provider-state handlers served at `POST /_pactSetup` (pact_verifier_cli `--state-change-url <proxy>/_pactSetup`). */
  readonly states?: Readonly<Record<string, (params?: unknown) => Promise<Record<string, string> | undefined>>>;
  readonly log?: (line: string) => void;
}

export interface ResignProxy {
  /** Where the verifier should send requests (the provider base URL). */
  readonly url: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const STATE_PATH = '/_pactSetup';

/** A state change from a verifier: `{"state": name, "params": {…}, "action": "setup"|"teardown"}`; answers the injected values. */
async function answerStateChange(body: Buffer, options: ResignProxyOptions, res: ServerResponse): Promise<void> {
  let change: { state?: unknown; action?: unknown; params?: unknown };
  try {
    change = JSON.parse(body.toString('utf8')) as typeof change;
  } catch {
    change = {};
  }
  const handler = typeof change.state === 'string' ? options.states?.[change.state] : undefined;
  if (handler === undefined || typeof change.state !== 'string') {
    const known = Object.keys(options.states ?? {});
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `unknown provider state ${JSON.stringify(change.state)}; known: ${known.join('; ')}` }));
    return;
  }
  const values = change.action === 'teardown' ? undefined : await handler(change.params);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(values ?? {}));
}

const HOP_BY_HOP = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive']);

/**
 * @example
 *   const proxy = await startResignProxy({ sellerUrl: 'http://127.0.0.1:8080/produce', keys, port: 9292 });
 *   // pact_verifier_cli --hostname 127.0.0.1 --port 9292 …
 */
export async function startResignProxy(options: ResignProxyOptions): Promise<ResignProxy> {
  const target = new URL(options.sellerUrl).origin;
  const log = options.log ?? (() => {});
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (body === undefined) {
        res.writeHead(413, { 'content-type': 'text/plain' }).end(`request body over ${MAX_BODY_BYTES} bytes`);
        return;
      }
      if (req.url === STATE_PATH && req.method === 'POST') {
        await answerStateChange(body, options, res);
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !HOP_BY_HOP.has(k)) headers[k] = v;
      let path = req.url ?? '/';
      let sent = body;
      if (req.method === 'POST') {
        const out = resignProduceRequest({ pathAndQuery: path, headers, body }, { keys: options.keys, ...(options.profile === undefined ? {} : { profile: options.profile }) }, options.takeMode?.() ?? 'valid');
        if (out !== undefined) {
          path = out.pathAndQuery;
          sent = out.body;
          for (const [k, v] of Object.entries(out.setHeaders)) if (k !== 'content-length') headers[k] = v;
          log(`${out.activity}: re-signed`);
        }
      }
      const answer = await fetch(`${target}${path}`, {
        method: req.method ?? 'GET',
        headers,
        ...(sent.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? { body: sent } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      const bytes = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((v, k) => {
        if (!HOP_BY_HOP.has(k) && k !== 'content-encoding') out[k] = v;
      });
      res.writeHead(answer.status, { ...out, 'content-length': String(bytes.length) });
      res.end(bytes);
    })().catch((e: unknown) => {
      log(`forwarding failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('koomock resign-proxy: the seller could not be reached');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
