import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startSeller } from '../../examples/seller-express/src/app.js';
import { reserveFreePort } from '../support/faulty-sellers.js';
import { CLI_TEST_TIMEOUT, runCli } from '../support/run-cli.js';
import { readBody } from '../support/local-server.js';

/*
 * The signature debugger, end to end: a seller whose APIG signer leaves out the canonical URI's
 * trailing slash runs `koomock run --only subscribe-monthly`; the checklist and the JSON report
 * name the mistake (missing-trailing-slash) and show the canonical request koomock built.
 */

const KEYS = { basic: 'sigdbg-basic-key-0123456789', general: 'sigdbg-general-key-0123456', kit: 'sigdbg-kit-key-0123456789' };
const AK = 'SIGDEBUGAK0000000000';
const SK = 'sigDebugSecretAccessKey00000000000000000';

const rfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * SDK-HMAC-SHA256 written the way a hurried seller writes it: everything right except the
 * canonical URI, which is the path as is (no trailing `/`).
 */
function signWithoutTrailingSlash(method: string, url: URL, body: Buffer, date: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', host: url.host, 'x-sdk-date': date };
  const names = Object.keys(headers).sort();
  const query = [...url.searchParams].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join('&');
  const canonical = [method, url.pathname, query, names.map((n) => `${n}:${headers[n]}\n`).join(''), names.join(';'), sha256(body)].join('\n');
  const signature = createHmac('sha256', SK).update(`SDK-HMAC-SHA256\n${date}\n${sha256(canonical)}`).digest('hex');
  return { 'Content-Type': 'application/json', 'X-Sdk-Date': date, Authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=${names.join(';')}, Signature=${signature}` };
}

/** Stands in for the seller's Open API signer: re-signs each call without the trailing slash and sends it on. */
async function startSlashlessSigner(emulatorUrl: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', emulatorUrl);
      const date = `${new Date().toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
      const method = req.method ?? 'GET';
      const r = await fetch(url, { method, headers: signWithoutTrailingSlash(method, url, body, date), ...(method === 'GET' ? {} : { body }) });
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await r.arrayBuffer()));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-sigdbg-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

interface ReportCheck {
  readonly id: string;
  readonly ok: boolean;
  readonly step: string;
  readonly received?: string;
  readonly hint?: string;
}

describe('the signature debugger in run reports', () => {
  it('names missing-trailing-slash for a seller that signs the order query without the trailing slash', { timeout: CLI_TEST_TIMEOUT }, async ({ dir }) => {
    const port = await reserveFreePort();
    const signer = await startSlashlessSigner(`http://127.0.0.1:${port}`);
    const seller = await startSeller({ port: 0, keys: KEYS, ak: AK, sk: SK, orderApiUrls: [signer.url], openApi: { attempts: 1, timeoutMs: 3_000 } });
    try {
      const reportFile = join(dir, 'report.json');
      const run = await runCli(
        ['run', '--seller-url', seller.produceUrl, '--key', KEYS.basic, '--general-key', KEYS.general, '--kit-key', KEYS.kit, '--ak', AK, '--sk', SK, '--port', String(port), '--only', 'subscribe-monthly', '--report', `json=${reportFile}`],
        { timeoutMs: 45_000 },
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('openapi.signature');
      expect(run.stdout).toContain('missing-trailing-slash');

      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { scenarios: { checks: ReportCheck[] }[] };
      const checks = report.scenarios.flatMap((s) => s.checks).filter((c) => c.id === 'openapi.signature');
      expect(checks).toHaveLength(1);
      const [check] = checks;
      expect(check).toMatchObject({ ok: false, step: 'create' });
      expect(check?.received).toMatch(/^order\.query refused \(HTTP 401 APIG\.0301\)( \d+ times)?: the signature sent matches missing-trailing-slash$/);
      // The canonical request koomock built, with the trailing slash the seller left out.
      expect(check?.hint).toContain('canonical request koomock built (line breaks shown as |): GET|/api/mkp-openapi-public/global/v1/order/query/|orderId=');
    } finally {
      await seller.close();
      await new Promise<void>((resolve) => signer.server.close(() => resolve()));
    }
  });
});
