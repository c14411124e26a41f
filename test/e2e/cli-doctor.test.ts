import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';
import { linesOf, runCli } from '../support/run-cli.js';

/* `koomock doctor` (the built CLI) against a correct seller, an HTML answer, and a self-signed HTTPS server on an IP. */

const CREDS: SellerCredentials = {
  keys: { basic: 'doctor-basic-key-0123456789', general: 'doctor-general-key-0123456789', kit: 'doctor-kit-key-0123456789' },
  ak: 'DOCTORREFERENCEAK000',
  sk: 'doctorReferenceSecretAccessKey0000000000',
};
const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit];
const HTML = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';

const listenOn = async (server: ReturnType<typeof createServer>): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

describe('koomock doctor', () => {
  test('against the reference seller over plain http: every line ✔ except the HTTPS note, which says why it matters', async () => {
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: 'http://127.0.0.1:9' });
    try {
      const run = await runCli(['doctor', '--seller-url', seller.produceUrl, ...keyArgs]);
      const lines = linesOf(run.stdout).filter((l) => /^[✔✗!–] /.test(l));
      expect(lines.filter((l) => !l.startsWith('✔'))).toEqual([expect.stringMatching(/^! http:\/\/127\.0\.0\.1:\d+ is plain http: fine for testing on your machine, but KooGallery calls only HTTPS/)]);
      expect(lines.map((l) => l.slice(2))).toEqual([
        expect.stringMatching(/accepts connections$/),
        expect.stringMatching(/plain http/),
        expect.stringMatching(/^a signed queryInstance for an unknown instance got a JSON answer \(HTTP 200, resultCode \d{6}\)$/),
        expect.stringMatching(/^the seller's clock is within \d+ s of ours$/),
        expect.stringMatching(/^a call without a signature is rejected \(HTTP \d+, resultCode 000001\)$/),
        'the keys of the basic, general and kit interface categories are distinct',
      ]);
      expect(run.stdout).toContain('certificate a public CA issued for your domain name');
      expect(run.code).toBe(0);
    } finally {
      await seller.close();
    }
  });

  test('against a server answering an HTML page: names it, with the fix', async () => {
    const server = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end(HTML));
    const port = await listenOn(server);
    try {
      const run = await runCli(['doctor', '--seller-url', `http://127.0.0.1:${port}/produce`, ...keyArgs]);
      expect(run.stdout).toMatch(/^✗ a signed queryInstance for an unknown instance got an HTML page \(HTTP 502, text\/html\)$/m);
      expect(run.stdout).toMatch(/→ answer every produce call with a JSON object/);
      expect(run.code).toBe(1);
    } finally {
      server.close();
    }
  });

  test('against HTTPS on an IP address with a self-signed certificate: names both problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-doctor-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"resultCode":"000001","resultMsg":"signature invalid"}'),
    );
    const port = await listenOn(server as unknown as ReturnType<typeof createServer>);
    try {
      const run = await runCli(['doctor', '--seller-url', `https://127.0.0.1:${port}/produce`, ...keyArgs]);
      expect(run.stdout).toMatch(/^✗ 127\.0\.0\.1 is an IP address: KooGallery calls a domain name/m);
      expect(run.stdout).toMatch(/^✗ the certificate is not trusted: DEPTH_ZERO_SELF_SIGNED_CERT \(self-signed\)$/m);
      expect(run.stdout).toMatch(/^✔ TLS version TLSv1\.3/m);
      expect(run.stdout).toMatch(/koomock doctor: 2 problem\(s\) to fix$/m);
      expect(run.code).toBe(1);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unreachable seller: one ✗ with the fix, the calls skipped', async () => {
    const run = await runCli(['doctor', '--seller-url', 'http://127.0.0.1:9/produce', ...keyArgs]);
    expect(run.stdout).toMatch(/^✗ cannot reach the seller at http:\/\/127\.0\.0\.1:9\/produce: ECONNREFUSED/m);
    expect(run.stdout).toMatch(/^– signed-call: not checked/m);
    expect(run.code).toBe(1);
  });
});
