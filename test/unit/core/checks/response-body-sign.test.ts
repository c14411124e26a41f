import { describe, expect, test } from 'vitest';
import { checkResponseBodySign } from '../../../../mock-server/core/checks/response-body-sign.js';

// produce-api.md §6.5 SELF-GENERATED vector.
const KEY = 'testAccessKey123';
const BODY = new TextEncoder().encode('{"resultCode":"000000","resultMsg":"success.","instanceId":"abc"}');
const GOOD = 'sign_type="HMAC-SHA256", signature= "T04vcWSRdUTquvm5TC2jQVd5pZAFsvwfkjVhm+FUL00="';

const input = (family: 'v1' | 'v2' | 'kit', header: string | undefined, mode: 'present' | 'strict' = 'present') => ({
  family,
  mode,
  key: KEY,
  body: BODY,
  truncated: false,
  header,
});

describe('response.body-sign', () => {
  test.for([
    ['V1 with a valid header', input('v1', GOOD)],
    ['V2 with a valid header', input('v2', GOOD)],
    ['V2 without a header (docs/fidelity.md#d11 default)', input('v2', undefined)],
    ['kit without a header', input('kit', undefined)],
    ['V1 without the space after signature=', input('v1', 'sign_type="HMAC-SHA256",signature="T04vcWSRdUTquvm5TC2jQVd5pZAFsvwfkjVhm+FUL00="')],
  ] as const)('passes for %s', ([, i]) => {
    expect(checkResponseBodySign(i)).toMatchObject({ id: 'response.body-sign', ok: true });
  });

  test.for([
    ['V1 without a header', input('v1', undefined), '(missing)', 'V1 answers must carry Body-Sign'],
    ['V2 without a header under strict', input('v2', undefined, 'strict'), '(missing)', 'bodySign=strict'],
    ['V2 with a wrong signature', input('v2', 'sign_type="HMAC-SHA256", signature="AAAA"'), 'mismatch: ', 'does not match'],
    ['V1 with an unquoted header', input('v1', 'sign_type=HMAC-SHA256, signature=abc'), 'malformed: ', 'double quotes'],
  ] as const)('fails for %s', ([, i, received, hint]) => {
    const r = checkResponseBodySign(i);
    expect(r.ok).toBe(false);
    expect(r.received).toContain(received);
    expect(r.hint).toContain(hint);
  });

  test('fails for a body signed with another key, without echoing any key', () => {
    const r = checkResponseBodySign({ ...input('v1', GOOD), key: 'otherKey' });
    expect(r.ok).toBe(false);
    expect(r.hint).not.toContain('otherKey');
  });

  test('does not try to verify a truncated body', () => {
    expect(checkResponseBodySign({ ...input('v1', GOOD), truncated: true }).received).toBe('a body too large to verify');
  });
});
