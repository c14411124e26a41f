import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeBodySign, computeV1AuthToken, decryptV1Field, toBodySignHeader, verifyV1AuthToken } from '../../../mock-server/core/signing/index.js';

/* The exact messages of docs/v1.md are what koomock computes: a reader can check their code against them. */

const doc = readFileSync(new URL('../../../docs/v1.md', import.meta.url), 'utf8');
const KEY = 'testAccessKey123';
const lineStarting = (prefix: string): string => {
  const line = doc.split('\n').find((l) => l.startsWith(prefix));
  if (line === undefined) throw new Error(`docs/v1.md has no line starting with ${prefix}`);
  return line;
};

describe('docs/v1.md example messages', () => {
  test('the GET verifies with the V1 Key, and the message and token printed are the ones signed', () => {
    const query = lineStarting('GET /produce?').slice('GET /produce?'.length);
    expect(verifyV1AuthToken({ key: KEY, query }).ok).toBe(true);
    const message = lineStarting('activity=newInstance&');
    const params = Object.fromEntries(message.split('&').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
    const token = computeV1AuthToken({ key: KEY, params });
    expect(doc).toContain(`\nauthToken = ${token}\n`);
    expect(decryptV1Field({ key: KEY, encryptType: '1', value: params['mobilePhone'] as string })).toEqual({ ok: true, plaintext: '13800000000' });
    expect(decryptV1Field({ key: KEY, encryptType: '1', value: params['email'] as string })).toEqual({ ok: true, plaintext: 'buyer@example.com' });
  });

  test('the answer body carries decryptable login details and its Body-Sign is the one printed', () => {
    const body = lineStarting('{"resultCode":"000000"');
    const appInfo = (JSON.parse(body) as { appInfo: Record<string, string> }).appInfo;
    for (const field of ['userName', 'password']) expect(decryptV1Field({ key: KEY, encryptType: '1', value: appInfo[field] as string }).ok).toBe(true);
    expect(lineStarting('Body-Sign: sign_type="HMAC-SHA256", signature= "R')).toBe(`Body-Sign: ${toBodySignHeader(computeBodySign({ key: KEY, body }))}`);
  });
});
