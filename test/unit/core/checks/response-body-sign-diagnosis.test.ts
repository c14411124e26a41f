import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { checkResponseBodySign } from '../../../../mock-server/core/checks/response-body-sign.js';

// produce-api.md §6.5 SELF-GENERATED vector.
const KEY = 'testAccessKey123';
const BODY_TEXT = '{"resultCode":"000000","resultMsg":"success.","instanceId":"abc"}';
const BODY = new TextEncoder().encode(BODY_TEXT);
const header = (signature: string) => `sign_type="HMAC-SHA256", signature="${signature}"`;

const base = { family: 'v1' as const, mode: 'present' as const, key: KEY, body: BODY, truncated: false };

describe('response.body-sign names the mistake that reproduces a wrong signature', () => {
  test.for([
    { mistake: 'hex-instead-of-base64', signature: createHmac('sha256', KEY).update(BODY).digest('hex'), timeStamp: undefined },
    { mistake: 'key-with-timestamp', signature: createHmac('sha256', `${KEY}20200727073711903`).update(BODY).digest('base64'), timeStamp: '20200727073711903' },
    { mistake: 'body-reserialised', signature: createHmac('sha256', KEY).update(JSON.stringify(JSON.parse(BODY_TEXT), null, 2)).digest('base64'), timeStamp: undefined },
  ])('$mistake, in English and Chinese, with what koomock signed', ({ mistake, signature, timeStamp }) => {
    const r = checkResponseBodySign({ ...base, header: header(signature), ...(timeStamp === undefined ? {} : { timeStamp }) });
    expect(r.ok).toBe(false);
    expect(r.hint).toMatch(new RegExp(`likely mistake ${mistake}: .+ \\(.*[\\u4e00-\\u9fff].*\\)`));
    expect(r.hint).toContain(`koomock signed the exact ${BODY.length} body bytes it received`);
  });

  test('names no mistake for a signature no known mistake reproduces', () => {
    const r = checkResponseBodySign({ ...base, header: header('AAAA') });
    expect(r.hint).not.toContain('likely mistake');
  });

  test('a malformed header gets no diagnosis (there is no signature to reproduce)', () => {
    const r = checkResponseBodySign({ ...base, header: 'sign_type=HMAC-SHA256, signature=abc' });
    expect(r.hint).not.toContain('koomock signed');
  });
});
