/**
 * Agents backends for the `agent.*` tests, all on 127.0.0.1 port 0: the reference one from
 * examples/agents-backend, and variants with one defect each (built with its own options).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AgentsBackend, startAgentsBackend } from '../../examples/agents-backend/src/server.js';
import { verifyGatewayJwt } from '../../examples/agents-backend/src/jwt.js';
import type { Usage } from '../../examples/agents-backend/src/answer.js';
import type { AgentTarget } from '../../mock-server/core/agent/request.js';

export const AGENT_AK = 'agent-test-ak-0001';
export const AGENT_SK = 'agent-test-sk-SECRET-0001';
const KEYS = new Map([[AGENT_AK, AGENT_SK]]);

/** The target koomock calls, over a backend's URL. */
export const targetFor = (url: string, extra: Partial<AgentTarget> = {}): AgentTarget => ({
  url,
  method: 'POST',
  ak: AGENT_AK,
  sk: AGENT_SK,
  customerId: '6b6f6f6d6f636b2d6275796572000001',
  customerName: '测试买家',
  jwtHeader: 'Authorization',
  jwtPrefix: 'Bearer ',
  timeoutMs: 5_000,
  prices: { inputTokens: 0.001, outputTokens: 0.002 },
  ...extra,
});

export const startReferenceBackend = (): Promise<AgentsBackend> => startAgentsBackend({ keys: KEYS });

/** Answers with the usage `change` makes of the real one. */
export const startAgentsBackendWith = (change: (usage: Usage) => Usage | undefined): Promise<AgentsBackend> => startAgentsBackend({ keys: KEYS, usageOf: change });

/** Answers without `usage` (JSON and stream). */
export const startBackendWithoutUsage = (): Promise<AgentsBackend> => startAgentsBackend({ keys: KEYS, usageOf: () => undefined });

/** Verifies the signature but never the expiry. */
export const startBackendAcceptingExpired = (): Promise<AgentsBackend> =>
  startAgentsBackend({ keys: KEYS, verify: (header, keys) => verifyGatewayJwt(header, keys, 0) });

/** Reads api_key and checks the expiry, but never the signature. */
export const startBackendAcceptingForged = (): Promise<AgentsBackend> =>
  startAgentsBackend({
    keys: KEYS,
    verify: (header, _keys, nowMs) => {
      const payload = header?.split('.')[1];
      const claims = payload === undefined ? {} : (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { api_key?: string; exp?: number });
      return typeof claims.exp === 'number' && claims.exp * 1000 > nowMs ? { ok: true, apiKey: claims.api_key ?? '' } : { ok: false, why: 'expired' };
    },
  });

/** Verifies the JWT but always answers JSON (with usage), even when asked for a stream. */
export function startJsonOnlyBackend(): Promise<AgentsBackend> {
  const server: Server = createServer((req, res) => {
    req.resume();
    const verdict = verifyGatewayJwt(req.headers.authorization, KEYS, Date.now());
    const body = verdict.ok ? '{"data":"ok","usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}' : '{"error":"unauthorized"}';
    res.writeHead(verdict.ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(body);
  });
  return listen(server);
}

/** Sends headers, then events forever (never ends the stream). */
export function startEndlessStream(): Promise<AgentsBackend> {
  const server: Server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const timer = setInterval(() => res.write('data: {"delta":"x"}\n\n'), 20);
    res.on('close', () => clearInterval(timer));
  });
  return listen(server);
}

/** Streams about 6 MiB quickly, more than koomock reads. */
export function startHugeStream(): Promise<AgentsBackend> {
  const chunk = `data: {"delta":"${'x'.repeat(64 * 1024)}"}\n\n`;
  const server: Server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let sent = 0;
    const write = (): void => {
      while (sent < 100) {
        sent += 1;
        if (!res.write(chunk)) {
          res.once('drain', write);
          return;
        }
      }
      res.end('data: {"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}\n\n');
    };
    res.on('error', () => undefined);
    write();
  });
  return listen(server);
}

function listen(server: Server): Promise<AgentsBackend> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/agent`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
