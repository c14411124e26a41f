import { describe, expect, test } from 'vitest';
import { needsApigSignature, resignOpenApiRequest } from '../../../../mock-server/adapters/pact/openapi-resign.js';
import { verifyApigRequest, verifyUsageSignature } from '../../../../mock-server/core/signing/index.js';

const CREDS = { ak: 'UNITAK00000000000000', sk: 'unitSecretAccessKey0000000000000000000000', usageKey: 'usage-key' };
const NOW = Date.UTC(2026, 11, 7, 2, 0, 0);

/** Verifies the request as the emulation does, with the headers the re-signing set. */
const apigOk = (method: string, pathAndQuery: string, headers: Record<string, string>, set: Record<string, string>, body: Buffer) => {
  const [path = '', query = ''] = pathAndQuery.split('?');
  const all = { ...headers, authorization: set.Authorization ?? '', 'x-sdk-date': set['X-Sdk-Date'] ?? '' };
  const lower = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v]));
  return verifyApigRequest({ method, path, query, headers: lower, rawBody: body }, { lookupSk: (ak) => (ak === CREDS.ak ? CREDS.sk : undefined), now: NOW });
};

describe('resignOpenApiRequest', () => {
  test('signs an order query with APIG over the host it is forwarded with', () => {
    const path = '/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW';
    const headers = { host: '127.0.0.1:4567', 'content-type': 'application/json' };
    const set = resignOpenApiRequest({ method: 'GET', pathAndQuery: path, headers, body: Buffer.alloc(0) }, CREDS, 'valid', NOW);
    expect(Object.keys(set).sort()).toEqual(['Authorization', 'X-Sdk-Date']);
    expect(apigOk('GET', path, headers, set, Buffer.alloc(0)).ok).toBe(true);
  });

  test('signs a usage push twice: the body signature with the usage key, APIG over the same bytes', () => {
    const body = Buffer.from('{"usage_records":[]}');
    const path = '/api/mkp-openapi-public/global/v1/isv/usage-data';
    const headers = { host: '127.0.0.1:4567', 'content-type': 'application/json' };
    const set = resignOpenApiRequest({ method: 'POST', pathAndQuery: path, headers, body }, CREDS, 'valid', NOW);
    expect(verifyUsageSignature({ key: CREDS.usageKey, ts: set.ts, nonce: set.nonce, signature: set.signature, body }, { now: NOW }).ok).toBe(true);
    expect(apigOk('POST', path, headers, set, body).ok).toBe(true);
  });

  test('signs with a wrong secret key when a provider state asks for it', () => {
    const path = '/api/mkp-openapi-public/global/v1/order/query?orderId=X';
    const headers = { host: '127.0.0.1:1' };
    const set = resignOpenApiRequest({ method: 'GET', pathAndQuery: path, headers, body: Buffer.alloc(0) }, CREDS, 'wrong-sk', NOW);
    expect(apigOk('GET', path, headers, set, Buffer.alloc(0)).ok).toBe(false);
  });

  test('leaves OAuth and unknown paths unsigned', () => {
    expect(needsApigSignature('/api/v1/oauth2/token')).toBe(false);
    expect(needsApigSignature('/v1.0/abc/billing/bill-mgr/push-usage-data')).toBe(true);
    expect(needsApigSignature('/api/mkp-openapi-public/global/v1/market-event/e-1/file')).toBe(true);
    expect(resignOpenApiRequest({ method: 'POST', pathAndQuery: '/api/v1/oauth2/token', headers: {}, body: Buffer.alloc(0) }, CREDS)).toEqual({});
  });
});
