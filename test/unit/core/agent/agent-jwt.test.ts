import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { signAgentJwt, verifyAgentJwt } from '../../../../mock-server/core/signing/agent-jwt/jwt.js';
import { verifyGatewayJwt } from '../../../../examples/agents-backend/src/jwt.js';

const AK = 'd44cd9aa-e48e-be17-27f4-5ef3474797a1';
const SK = 'example-sk';
const AT = 1_729_566_664_115;
const part = (token: string, i: number): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[i] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('the Agents gateway JWT', () => {
  test('has the header and claims of the gateway sample: sign_type SIGN, HS256, api_key, timestamp in ms, exp 5 minutes later in seconds', () => {
    const token = signAgentJwt({ ak: AK, sk: SK, issuedAt: AT });
    expect(part(token, 0)).toEqual({ sign_type: 'SIGN', alg: 'HS256', typ: 'JWT' });
    expect(part(token, 1)).toEqual({ api_key: AK, timestamp: AT, exp: Math.floor((AT + 300_000) / 1000) });
  });

  test('is HS256 over header.payload with the SK, base64url without padding', () => {
    const token = signAgentJwt({ ak: AK, sk: SK, issuedAt: AT });
    const [h, p, s] = token.split('.');
    expect(s).toBe(createHmac('sha256', SK).update(`${h}.${p}`).digest('base64url'));
    expect(token).not.toContain('=');
  });

  test('verifies with the right SK before exp, and says why otherwise', () => {
    const token = signAgentJwt({ ak: AK, sk: SK, issuedAt: AT });
    const skOf = (ak: string) => (ak === AK ? SK : undefined);
    expect(verifyAgentJwt(token, skOf, AT + 1000).ok).toBe(true);
    expect(verifyAgentJwt(token, skOf, AT + 300_000)).toMatchObject({ ok: false, reason: 'stale' });
    expect(verifyAgentJwt(signAgentJwt({ ak: AK, sk: 'other', issuedAt: AT }), skOf, AT)).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(verifyAgentJwt('a.b', skOf, AT)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  test("the reference backend's verifier, written from the docs alone, accepts koomock's token and refuses the broken ones", () => {
    const keys = new Map([[AK, SK]]);
    const bearer = (t: string) => `Bearer ${t}`;
    expect(verifyGatewayJwt(bearer(signAgentJwt({ ak: AK, sk: SK, issuedAt: AT })), keys, AT + 1000)).toEqual({ ok: true, apiKey: AK });
    expect(verifyGatewayJwt(bearer(signAgentJwt({ ak: AK, sk: SK, issuedAt: AT - 600_000 })), keys, AT)).toEqual({ ok: false, why: 'expired' });
    expect(verifyGatewayJwt(bearer(signAgentJwt({ ak: AK, sk: 'forged', issuedAt: AT })), keys, AT)).toEqual({ ok: false, why: 'bad signature' });
  });
});
