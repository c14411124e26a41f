import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { reserveFreePort, type SellerCredentials, startFaultySeller, startReferenceSeller } from '../support/faulty-sellers.js';
import { FORGIVENESSES, startForgivingSeller } from '../support/forgiving-sellers.js';
import { englishRuns } from '../support/english-runs.js';
import { linesOf, runCli } from '../support/run-cli.js';
import { rsaKeyPair } from '../support/rsa-keys.js';

/*
 * `koomock run --lang zh` where the rarer checks fail: the security group against sellers that let
 * forged calls through (the forgeries' descriptions, the side effects), the faults group against a
 * seller that never calls the order query (expect.openApi), a seller whose answer is not HTTP
 * (http.protocol), kit sellers that fail on a repeated delete or read another OAEP variant, and a V1
 * seller whose appInfo does not decrypt and whose Body-Sign is wrong (`koomock send` under generation v1). From the first line to the summary, no run of English words is left, apart from
 * the text of Node's own HTTP parse error.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'zh-rare-basic-0123456789', general: 'zh-rare-general-0123456789', kit: 'zh-rare-kit-0123456789' },
  ak: 'ZHRARESELLERAK000000',
  sk: 'zhRareSellerSecretAccessKey0000000000000',
};

const KIT_RSA = rsaKeyPair(3072);

const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk];

function expectChinese(run: { stdout: string; stderr: string }, allowed: readonly string[] = []): void {
  expect(englishRuns(run.stderr, allowed)).toEqual([]);
  expect(englishRuns(run.stdout, allowed)).toEqual([]);
  expect(linesOf(run.stdout).at(-1)).toMatch(/^\d+ 个场景：\d+ 通过，(?:\d+ 跳过，)?[1-9]\d* 失败 · \d+ 项检查，\d+ 失败，\d+ 个警告$/);
}

describe('koomock run --lang zh: the rarer failures read as Chinese', () => {
  test.for([...FORGIVENESSES])('the security group against a seller that forgives %s', { timeout: 90_000 }, async (forgiveness) => {
    const port = await reserveFreePort();
    const seller = await startForgivingSeller(forgiveness, { ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` });
    try {
      const run = await runCli(['run', 'scenarios/security', '--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port), '--lang', 'zh'], { timeoutMs: 45_000 });
      expect(run.code).toBe(1);
      expectChinese(run);
      expect(run.stdout).toContain('卖家服务接受了伪造的');
    } finally {
      await seller.close();
    }
  });

  test('the faults group against a seller that never queries the order', async () => {
    const port = await reserveFreePort();
    const fallbackPort = await reserveFreePort();
    const seller = await startFaultySeller('no-order-query', { ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` });
    try {
      const args = ['run', 'scenarios/faults', '--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port), '--fallback-port', String(fallbackPort), '--lang', 'zh'];
      const run = await runCli(args, { timeoutMs: 45_000 });
      expect(run.code).toBe(1);
      expectChinese(run);
      expect(run.stdout).toContain('卖家服务在本步骤中没有调用 order.query');
    } finally {
      await seller.close();
    }
  }, 90_000);

  test('a seller whose answer is not HTTP/1.1 (http.protocol)', async () => {
    const server: Server = createServer((socket) => {
      socket.on('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nBad Header: x\r\nContent-Length: 2\r\n\r\n{}'));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const sellerPort = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const args = ['run', '--only', 'subscribe-monthly', '--seller-url', `http://127.0.0.1:${sellerPort}/produce`, ...keyArgs, '--port', '0', '--lang', 'zh'];
      const run = await runCli([...args, '--profile', 'retryWindowMs.newInstance=1m'], { timeoutMs: 45_000 });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('不是合法的 HTTP/1.1');
      expectChinese(run, ['Response does not match the HTTP/1.1 protocol (Invalid header token)']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 90_000);

  test.for([
    { name: 'fails on a repeated delete', only: 'kit-tenant', extra: [] as string[], faulty: true, text: '提示  ' },
    { name: 'decrypts clientSecret with another OAEP variant', only: 'kit-application', extra: ['--profile', 'oaepHash=sha256-mgf1-sha1'], faulty: false, text: '其他 OAEP 变体为 sha256 = SHA-256/MGF1-SHA-256、sha1 = SHA-1/MGF1-SHA-1' },
  ])('a kit seller that $name', { timeout: 90_000 }, async ({ only, extra, faulty, text }) => {
    const dir = mkdtempSync(join(tmpdir(), 'koomock-zh-kit-'));
    writeFileSync(join(dir, 'kit-public.pem'), KIT_RSA.publicKey);
    writeFileSync(join(dir, 'koomock.config.yaml'), 'seller:\n  kitPublicKeyFile: kit-public.pem\n');
    const port = await reserveFreePort();
    const options = { ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` };
    const seller = faulty ? await startFaultySeller('kit-repeated-delete', options) : await startReferenceSeller({ ...options, kitPrivateKey: KIT_RSA.privateKey });
    try {
      const run = await runCli(['run', '--only', only, ...extra, '--seller-url', seller.produceUrl, ...keyArgs, '--port', String(port), '--lang', 'zh'], { cwd: dir, timeoutMs: 45_000 });
      expect(run.code).toBe(1);
      expectChinese(run);
      expect(run.stdout).toContain(text);
    } finally {
      await seller.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('koomock send under generation v1: a seller whose appInfo does not decrypt and whose Body-Sign is wrong', async () => {
    const answer = JSON.stringify({
      resultCode: '000000',
      resultMsg: 'success',
      instanceId: 'i-v1-1',
      encryptType: '1',
      appInfo: { frontEndUrl: 'https://app.example', userName: 'abcdefghijklmnopAAAA', password: 'abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ==' },
    });
    const server = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'body-sign': 'sign_type="HMAC-SHA256", signature= "abc="' });
      res.end(answer);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const sellerPort = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const args = ['send', 'newInstance', '--profile', 'generation=v1', '--v1-key', 'anotherV1Key0001', '--order', 'MOCKPERIODYEARNEW', '--set', 'customerId=c1', '--set', 'productId=p1'];
      const run = await runCli([...args, '--seller-url', `http://127.0.0.1:${sellerPort}/produce`, '--memory', '--port', '0', '--lang', 'zh'], { timeoutMs: 45_000 });
      expect(run.code).toBe(1);
      expect(englishRuns(run.stderr)).toEqual([]);
      expect(englishRuns(run.stdout)).toEqual([]);
      expect(run.stdout).toContain('✗ response.appinfo');
      expect(run.stdout).toContain('无法解密：');
      expect(run.stdout).toContain('✗ response.body-sign');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 90_000);

  test('koomock send: a call it cannot build is refused in Chinese (exit 2, one line)', async () => {
    const server = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"resultCode":"000000","resultMsg":"success"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const sellerUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/produce`;
    try {
      for (const args of [['updateInstanceStatus', '--instance', 'i1'], ['upgrade'], ['queryInstance', '--instance', 'i1', '--set', 'flag:=nojson']]) {
        const run = await runCli(['send', ...args, '--seller-url', sellerUrl, '--key', CREDS.keys.basic, '--memory', '--port', '0', '--lang', 'zh'], { timeoutMs: 45_000 });
        expect(run.code).toBe(2);
        expect(linesOf(run.stderr)).toHaveLength(1);
        expect(run.stderr).toMatch(/^koomock：/);
        expect(englishRuns(run.stderr)).toEqual([]);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 90_000);
});
