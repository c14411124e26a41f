/**
 * Every body reader goes through the one bounded JSON parser: a 400 KB deeply nested body gets a
 * documented 4xx on every endpoint that reads a body (the Open APIs their documented envelope, the
 * admin API a JSON error), never a 500, and the server keeps answering.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { getSchemaRegistry } from '../../../mock-server/config/schemas-fs.js';
import { parseBoundedJson } from '../../../mock-server/core/bounded-json.js';
import { OPEN_API_ROUTES } from '../../../mock-server/core/openapi/routes.js';
import { computeUsageSignature } from '../../../mock-server/core/signing/index.js';
import { BOUNDARY, MULTIPART_TYPE, toMultipartBody } from '../../unit/core/openapi/multipart-body.js';
import { it, signRequest, USAGE_KEY } from './support.js';

/** About 400 KB: an object whose one field is nested 200,000 levels deep. */
const DEPTH = 199_990;
const DEEP = `{"usage_records":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;

const registry = getSchemaRegistry();
const ENVELOPES = ['common/envelopes/apig-error.schema.json', 'common/envelopes/error-envelope.schema.json', 'common/envelopes/result-envelope.schema.json', 'common/envelopes/oauth-error.schema.json'];
const isEnvelope = (body: unknown): boolean => ENVELOPES.some((id) => registry.validate(id, body).ok);

describe('the bounded JSON parser', () => {
  it('refuses the deep body by its depth, without recursion', () => {
    expect(DEEP.length).toBeGreaterThan(399_000);
    const parsed = parseBoundedJson(DEEP);
    expect(parsed.ok === false && parsed.problem).toBe('depth');
  });
});

/** The request a seller would send to `path`, correctly signed (APIG and, for usage, the body signature). */
function signedDeepRequest(method: string, path: string, baseUrl: string): { url: string; init: RequestInit } {
  const url = `${baseUrl}${path}`;
  let body: string | Uint8Array = DEEP;
  let headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (path.includes('/file')) {
    body = toMultipartBody([{ name: 'isvUpdateFileReq', contentType: 'application/json', data: DEEP }]);
    headers = { 'Content-Type': MULTIPART_TYPE };
    expect(MULTIPART_TYPE).toContain(BOUNDARY);
  }
  if (path.endsWith('/isv/usage-data') && path.startsWith('/api/')) {
    const ts = String(Date.now());
    const nonce = randomUUID().replaceAll('-', '');
    headers = { ...headers, ts, nonce, signature: computeUsageSignature({ key: USAGE_KEY, ts, nonce, body: DEEP }) };
  }
  return { url, init: { method, headers: signRequest({ method, url, headers, body }), body } };
}

describe('a 400 KB deeply nested body', () => {
  const withBody = OPEN_API_ROUTES.filter((r) => r.method !== 'GET');

  it.for(withBody.map((r) => [r.id, r] as const))('Open API %s answers a documented 400', async ([, route], { emulator }) => {
    const path = route.path.replace('{partner_id}', emulator.seller.id).replace('{event_id}', 'ev-1');
    const { url, init } = signedDeepRequest(route.method, path, emulator.url);
    const res = await fetch(url, init);
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(isEnvelope(body), JSON.stringify(body)).toBe(true);
    if (route.id.startsWith('usage.')) expect(body['error_code'] ?? body['resultCode']).toBe('MKT.0101');
    expect((await fetch(`${emulator.url}/_koomock/health`)).status).toBe(200);
  });

  it('a 60 KB deeply nested body with a wrong APIG signature gets 401 APIG.0301: the signature diagnosis stays bounded', async ({ emulator }) => {
    const small = `{"a":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    const url = `${emulator.url}/rest/marketplace/v1/isv/usage-data`;
    const headers = signRequest({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: small, sk: 'notTheSellersSecretKey00000000000000000' });
    const res = await fetch(url, { method: 'POST', headers, body: small });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_code: string }).error_code).toBe('APIG.0301');
  });

  const ADMIN: readonly (readonly [string, string])[] = [
    ['POST', '/orders'],
    ['POST', '/reset'],
    ['POST', '/clock/advance'],
    ['POST', '/faults'],
    ['PUT', '/faults/scope'],
    ['POST', '/send'],
    ['POST', '/exchanges/1/replay'],
    ['PUT', '/runner/orders/ORD-1'],
    ['PUT', '/runner/instances/ins-1'],
    ['POST', '/runner/exchanges'],
  ];

  it.for(ADMIN)('admin %s %s answers a 4xx JSON error', async ([method, path], { emulator }) => {
    const res = await fetch(`${emulator.url}/_koomock${path}`, { method, headers: { 'content-type': 'application/json' }, body: DEEP });
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
    expect(res.status, JSON.stringify(body)).toBeLessThan(500);
    expect(body.error?.message, JSON.stringify(body)).toEqual(expect.any(String));
  });
});
