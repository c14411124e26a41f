/**
 * A reference Agents backend for the KooGallery Agents gateway, on plain node:http: it verifies the
 * gateway JWT (AK/SK mode), reads the buyer's `input`, and answers JSON or, when the request asks
 * for `text/event-stream` or `"stream": true`, an event stream; both carry `usage`.
 *
 *   AGENTS_AK=… AGENTS_SK=… PORT=8090 npx tsx examples/agents-backend/src/main.ts
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { think, type Usage, writeJson, writeSse } from './answer.js';
import { type JwtVerdict, verifyGatewayJwt } from './jwt.js';

const MAX_BODY_BYTES = 64 * 1024;

export interface AgentsBackendOptions {
  /** SK by AK: the pairs registered with the gateway. */
  readonly keys: ReadonlyMap<string, string>;
  readonly port?: number;
  readonly host?: string;
  /** Replaces the JWT check (tests build faulty backends with it). */
  readonly verify?: (authorization: string | undefined, keys: ReadonlyMap<string, string>, nowMs: number) => JwtVerdict;
  /** Replaces the usage put in answers (tests: `() => undefined` drops it). */
  readonly usageOf?: (usage: Usage) => Usage | undefined;
}

export interface AgentsBackend {
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const inputOf = (body: string): { input: string; stream: boolean } => {
  try {
    const value = JSON.parse(body === '' ? '{}' : body) as { input?: unknown; stream?: unknown };
    return { input: typeof value.input === 'string' ? value.input : '', stream: value.stream === true };
  } catch {
    return { input: '', stream: false };
  }
};

export function startAgentsBackend(options: AgentsBackendOptions): Promise<AgentsBackend> {
  const verify = options.verify ?? verifyGatewayJwt;
  const usageOf = options.usageOf ?? ((u: Usage) => u);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const verdict = verify(req.headers.authorization, options.keys, Date.now());
      if (!verdict.ok) {
        req.resume();
        writeJson(res, 401, { error_code: 'AGENT.401', error_msg: `unauthorized: ${verdict.why}` });
        return;
      }
      const body = await readBody(req);
      if (body === undefined) {
        writeJson(res, 413, { error_code: 'AGENT.413', error_msg: 'body too large' });
        return;
      }
      const { input, stream } = inputOf(body);
      const { text, usage } = think(input);
      const wantsStream = stream || (req.headers.accept ?? '').includes('text/event-stream');
      // The request id and buyer come from the gateway's headers: log them with the call.
      const billedUsage = usageOf(usage);
      if (wantsStream) writeSse(res, text, billedUsage);
      else writeJson(res, 200, { data: text, requestId: req.headers['x-request-id'] ?? '', ...(billedUsage === undefined ? {} : { usage: billedUsage }) });
    })().catch(() => {
      if (!res.headersSent) writeJson(res, 500, { error_code: 'AGENT.500', error_msg: 'internal error' });
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${port}/agent`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
