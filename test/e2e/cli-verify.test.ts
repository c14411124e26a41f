import { createHash, createHmac } from 'node:crypto';
import { describe, test } from 'vitest';
import { expectOneLineError, SECRET_SENTINEL } from '../support/cli-expect.js';
import { englishRuns } from '../support/english-runs.js';
import { CLI_TEST_TIMEOUT, linesOf, runCli } from '../support/run-cli.js';
import {
  type ApigRow,
  apigRequestArgs,
  OPEN_API_VECTORS as OPEN_API,
  PRODUCE_VECTORS as PRODUCE,
  produceArgs,
  rowAt,
  usageArgs,
} from '../support/signing-vectors.js';

/*
 * `koomock verify …` run in process through main(argv, io) (test/e2e/cli-binary.test.ts spawns the built binary).
 * Every spec vector verifies; wrong signatures are computed here with node:crypto, independently of
 * koomock, so the named mistake is checked against the spec's formulas.
 */

const V2 = rowAt(PRODUCE.v2, 0);
const KIT = rowAt(PRODUCE.kit, 1);
const V1 = rowAt(PRODUCE.v1AuthToken, 0);
const BODY = rowAt(PRODUCE.bodySign, 0);
const APIG1 = rowAt(OPEN_API.apig, 0);
const USAGE = rowAt(OPEN_API.usage, 0);
const V1_QUERY = Object.entries(V1.params).map(([k, v]) => `${k}=${v}`).join('&');

const hmacHex = (key: string, text: string): string => createHmac('sha256', key).update(text).digest('hex');
const apigArgs = (v: ApigRow): string[] => ['--sk', v.sk, ...apigRequestArgs(v)];

const accepted: { name: string; args: string[] }[] = [
  ...PRODUCE.v2.map((r) => ({ name: `v2 ${r.name}`, args: ['verify', 'v2', ...produceArgs(r), '--signature', r.signature ?? ''] })),
  ...PRODUCE.kit.map((r) => ({ name: `kit ${r.name}`, args: ['verify', 'kit', ...produceArgs(r), '--signature', r.sign ?? ''] })),
  { name: 'v1 authToken as --signature', args: ['verify', 'v1', '--key', V1.key, '--params', V1_QUERY, '--signature', V1.authToken] },
  { name: 'v1 authToken URL-encoded in --params', args: ['verify', 'v1', '--key', V1.key, '--params', `${V1_QUERY}&authToken=${encodeURIComponent(V1.authToken)}`] },
  { name: 'Body-Sign header', args: ['verify', 'body', '--key', BODY.key, '--body', BODY.body, '--header', `sign_type="HMAC-SHA256",signature="${BODY.signature}"`] },
  { name: 'Body-Sign signature', args: ['verify', 'body', '--key', BODY.key, '--body', BODY.body, '--signature', BODY.signature] },
  ...OPEN_API.usage.map((r) => ({ name: `usage ${r.name}`, args: ['verify', 'usage', ...usageArgs(r), '--signature', r.signature] })),
  ...OPEN_API.apig.map((v) => ({ name: `apig ${v.name}`, args: ['verify', 'apig', ...apigArgs(v), '--authorization', v.authorization] })),
];

describe.concurrent('koomock verify accepts every spec vector', { timeout: CLI_TEST_TIMEOUT }, () => {
  test.for(accepted)('$name', async ({ args }, { expect }) => {
    expect(await runCli(args)).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
  });
});

describe.concurrent('koomock verify names the mistake', { timeout: CLI_TEST_TIMEOUT }, () => {
  test('APIG vector 1 signed without the trailing slash: missing-trailing-slash', async ({ expect }) => {
    const canonical = APIG1.canonicalRequest.replace('/vpcs/\n', '/vpcs\n');
    const hash = createHash('sha256').update(canonical).digest('hex');
    const wrong = hmacHex(APIG1.sk, `SDK-HMAC-SHA256\n20191115T033655Z\n${hash}`);
    const authorization = APIG1.authorization.replace(APIG1.signature, wrong);
    const run = await runCli(['verify', 'apig', ...apigArgs(APIG1), '--authorization', authorization]);
    expect(run.code).toBe(1);
    const lines = linesOf(run.stdout);
    expect(lines[0]).toBe('✗ APIG signature: mismatch');
    expect(run.stdout).toContain(`canonical request:\n-----\n${APIG1.canonicalRequest}\n-----\n`);
    expect(run.stdout).toContain(`string to sign:\n-----\n${APIG1.stringToSign}\n-----\n`);
    expect(lines).toContain(`expected signature: ${APIG1.signature}`);
    expect(lines).toContain(`received signature: ${wrong}`);
    expect(lines).toContain('known mistake: missing-trailing-slash');
    expect(run.stdout).not.toContain(APIG1.sk);
  });

  test('V2 signed over the unsorted body: body-not-sorted', async ({ expect }) => {
    const unsorted = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(V2.payload) as object).reverse()));
    const wrong = hmacHex(V2.key, V2.key + V2.nonce + V2.timestamp + hmacHex(V2.key, unsorted)).toUpperCase();
    const run = await runCli(['verify', 'v2', ...produceArgs(V2, unsorted), '--signature', wrong]);
    expect(run.code).toBe(1);
    const lines = linesOf(run.stdout);
    expect(lines[0]).toBe('✗ V2 signature: mismatch');
    expect(lines).toContain(`RequestPayload (the body, top-level keys sorted, compact, nulls dropped): ${V2.payload}`);
    expect(lines).toContain(`string to sign: {accessKey}${V2.nonce}${V2.timestamp}${hmacHex(V2.key, V2.payload)}`);
    expect(lines).toContain(`expected signature: ${(V2.signature ?? '').toUpperCase()}`);
    expect(lines).toContain('known mistake: body-not-sorted');
    expect(run.stdout).not.toContain(V2.key);
  });

  test('prints the Chinese advice with --lang zh', async ({ expect }) => {
    const unsorted = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(V2.payload) as object).reverse()));
    const wrong = hmacHex(V2.key, V2.key + V2.nonce + V2.timestamp + hmacHex(V2.key, unsorted));
    const run = await runCli(['verify', 'v2', ...produceArgs(V2, unsorted), '--signature', wrong, '--lang', 'zh']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('已知错误: body-not-sorted');
    expect(run.stdout).toContain('顶层键并未排序');
    // The verdict and its detail name the mistake in Chinese too: no English sentence is left.
    expect(linesOf(run.stdout)[0]).toBe('✗ V2 签名：不匹配（mismatch）');
    expect(run.stdout).toContain('已知错误 body-not-sorted 能复现收到的签名');
    expect(englishRuns(run.stdout)).toEqual([]);
  });

  test('a missing flag with --lang zh is said in Chinese, naming the key category', async ({ expect }) => {
    const run = await runCli(['verify', 'v2', '--lang', 'zh']);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual(['koomock：缺少 --key；请传入基础接口密钥；orderNotify 使用通用接口密钥']);
    const en = await runCli(['verify', 'v2']);
    expect(linesOf(en.stderr)).toEqual(['koomock: --key is missing; pass the 基础接口 (basic interface) access key; orderNotify uses the 通用接口 (general) key']);
  });

  test('kit x-sign computed with the V2 formula: inner-digest-added', async ({ expect }) => {
    const wrong = hmacHex(KIT.key, KIT.key + KIT.nonce + KIT.timestamp + hmacHex(KIT.key, KIT.payload));
    const run = await runCli(['verify', 'kit', ...produceArgs(KIT), '--signature', wrong]);
    expect(run.code).toBe(1);
    expect(linesOf(run.stdout)).toContain('known mistake: inner-digest-added');
  });

  test('V1 authToken keyed without timeStamp: key-without-timestamp', async ({ expect }) => {
    const message = Object.entries(V1.params).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&');
    const wrong = createHmac('sha256', V1.key).update(message).digest('base64');
    const run = await runCli(['verify', 'v1', '--key', V1.key, '--params', V1_QUERY, '--signature', wrong]);
    expect(run.code).toBe(1);
    const lines = linesOf(run.stdout);
    expect(lines).toContain(`message signed: ${message}`);
    expect(lines).toContain(`HMAC key: {accessKey}${V1.params.timeStamp ?? ''}`);
    expect(lines).toContain('known mistake: key-without-timestamp');
  });

  test('Body-Sign keyed with accessKey + timeStamp: key-with-timestamp', async ({ expect }) => {
    const wrong = createHmac('sha256', `${BODY.key}20200727073711903`).update(BODY.body).digest('base64');
    const run = await runCli(['verify', 'body', '--key', BODY.key, '--body', BODY.body, '--signature', wrong, '--timestamp', '20200727073711903']);
    expect(run.code).toBe(1);
    expect(linesOf(run.stdout)).toContain('known mistake: key-with-timestamp');
  });

  test('usage signature sent as hex: hex-instead-of-base64', async ({ expect }) => {
    const wrong = hmacHex(USAGE.key, `ts=${USAGE.ts}&nonce=${USAGE.nonce}&body=${USAGE.body}`);
    const run = await runCli(['verify', 'usage', ...usageArgs(USAGE), '--signature', wrong]);
    expect(run.code).toBe(1);
    const lines = linesOf(run.stdout);
    expect(lines[0]).toMatch(/^✗ usage signature: /);
    expect(lines).toContain(`expected signature: ${USAGE.signature}`);
    expect(lines).toContain('known mistake: hex-instead-of-base64');
  });
});

describe.concurrent('koomock verify without a known mistake', { timeout: CLI_TEST_TIMEOUT }, () => {
  test.for([
    { name: 'v2', args: ['verify', 'v2', ...produceArgs({ ...V2, key: 'anotherKey' }), '--signature', V2.signature ?? ''], secret: 'anotherKey' },
    { name: 'usage', args: ['verify', 'usage', ...usageArgs({ ...USAGE, key: 'anotherKey' }), '--signature', USAGE.signature], secret: 'anotherKey' },
    { name: 'apig', args: ['verify', 'apig', ...apigArgs({ ...APIG1, sk: 'anotherSecretKey' }), '--authorization', APIG1.authorization], secret: 'anotherSecretKey' },
  ])('exits 1 on a wrong $name key and says no known mistake matches, without printing the key', async ({ args, secret }, { expect }) => {
    const run = await runCli(args);
    expect(run.code).toBe(1);
    expect(linesOf(run.stdout)[0]).toMatch(/^✗ .*: mismatch$/);
    expect(run.stdout).toContain('no known mistake reproduces the received signature');
    expect(run.stdout).not.toContain(secret);
  });
});

describe.concurrent('koomock verify and time', { timeout: CLI_TEST_TIMEOUT }, () => {
  test('applies the 60 s window when --now is given', async ({ expect }) => {
    const now = String(Number(V2.timestamp) + 61_000);
    const run = await runCli(['verify', 'v2', ...produceArgs(V2), '--signature', V2.signature ?? '', '--now', now]);
    expect(run.code).toBe(1);
    const lines = linesOf(run.stdout);
    expect(lines[0]).toBe('✗ V2 signature: stale');
    expect(lines).toContain('the signature itself matches: only the check above fails');
  });

  test('accepts a timestamp 59 s old', async ({ expect }) => {
    const now = String(Number(V2.timestamp) + 59_000);
    const run = await runCli(['verify', 'v2', ...produceArgs(V2), '--signature', V2.signature ?? '', '--now', now]);
    expect(run.stdout).toBe('ok\n');
  });

  test('rejects a usage ts 61 s in the future', async ({ expect }) => {
    const now = String(Number(USAGE.ts) - 61_000);
    const run = await runCli(['verify', 'usage', ...usageArgs(USAGE), '--signature', USAGE.signature, '--now', now]);
    expect(run.code).toBe(1);
    expect(linesOf(run.stdout)[0]).toBe('✗ usage signature: future');
  });

  test('applies the APIG 15 min rule against --now', async ({ expect }) => {
    const run = await runCli(['verify', 'apig', ...apigArgs(APIG1), '--authorization', APIG1.authorization, '--now', 'now']);
    expect(run.code).toBe(1);
    expect(linesOf(run.stdout)[0]).toBe('✗ APIG signature: stale');
  });
});

describe.concurrent('koomock verify with bad input', { timeout: CLI_TEST_TIMEOUT }, () => {
  const SECRET = SECRET_SENTINEL;
  test.for([
    { name: 'no --signature', args: ['verify', 'v2', ...produceArgs({ ...V2, key: SECRET })], says: '--signature' },
    { name: 'no --authorization', args: ['verify', 'apig', ...apigArgs({ ...APIG1, sk: SECRET })], says: '--authorization' },
    { name: 'both --header and --signature', args: ['verify', 'body', '--key', SECRET, '--body', '{}', '--header', 'x', '--signature', 'y'], says: '--signature' },
    { name: 'an unknown scheme', args: ['verify', 'oauth', '--key', SECRET], says: 'unknown scheme "oauth"' },
    { name: 'an unknown language', args: ['verify', 'usage', ...usageArgs({ ...USAGE, key: SECRET }), '--signature', 'x', '--lang', 'fr'], says: '--lang' },
    { name: 'a --now that is not a time', args: ['verify', 'usage', ...usageArgs({ ...USAGE, key: SECRET }), '--signature', 'x', '--now', 'yesterday'], says: '--now' },
    { name: 'an authToken given twice', args: ['verify', 'v1', '--key', SECRET, '--params', `${V1_QUERY}&authToken=a`, '--signature', 'a'], says: 'authToken' },
    { name: 'malformed JSON in --body', args: ['verify', 'kit', ...produceArgs({ ...KIT, key: SECRET }, '{"flag":1,}'), '--signature', 'x'], says: 'not valid JSON' },
  ])('exits 2 with one line on stderr for $name', async ({ args, says }, { expect }) => {
    expectOneLineError(expect, await runCli(args), { code: 2, says, secret: SECRET });
  });
});
