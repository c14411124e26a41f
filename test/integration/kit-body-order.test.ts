import { createHmac } from 'node:crypto';
import { describe, expect } from 'vitest';
import { createFetchTransport } from '../../mock-server/adapters/seller/fetch-transport.js';
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import type { ProduceDeps } from '../../mock-server/core/produce/deps.js';
import { runProduceCall } from '../../mock-server/core/produce/retry.js';
import { withProfile } from '../../mock-server/core/profile.js';
import { jsonAnswer, type RecordedRequest, sellerTest } from '../support/test-seller.js';
import { createTestClock, createTestRandom, TEST_KEYS } from '../unit/core/produce/support.js';

/*
 * Kit calls go out with their fields in the documented order and x-sign computed over the
 * key-sorted payload, as on the platform: a seller that re-sorts before verifying accepts them, a
 * seller that HMACs the raw bytes does not (and koomock says so through result.code).
 */

const KEY = TEST_KEYS.kit as string;
const hmacHex = (text: string): string => createHmac('sha256', KEY).update(text, 'utf8').digest('hex');

/** The payload a verifier signs: top-level keys sorted, nulls dropped, compact. */
const sortedPayload = (body: string): string => {
  const v = JSON.parse(body) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.keys(v).sort().filter((k) => v[k] !== null).map((k) => [k, v[k]])));
};

const verifies = (req: RecordedRequest, payload: string): boolean =>
  hmacHex(`${KEY}${req.headers['x-nonce'] ?? ''}${req.headers['x-timestamp'] ?? ''}${payload}`).toLowerCase() === (req.headers['x-sign'] ?? '').toLowerCase();

const FIELDS = { instanceId: 'inst-1', tenantId: 'tenant-1', tenantCode: 'acme', name: 'Acme', domainName: 'https://acme.example', flag: 1 };

function deps(): ProduceDeps {
  return { transport: createFetchTransport(), clock: createTestClock(Date.now()), random: createTestRandom(), profile: withProfile({}), keys: TEST_KEYS, schemas: getSchemaRegistry() };
}

describe('kit bodies in the documented field order', () => {
  sellerTest('a seller that sorts the body before verifying accepts tenantSync', async ({ seller }) => {
    seller.setHandler((req) => jsonAnswer(verifies(req, sortedPayload(req.body)) ? { resultCode: '000000', resultMsg: 'Success' } : { resultCode: '000001', resultMsg: 'bad sign' }));
    const outcome = await runProduceCall({ activity: 'tenantSync', url: seller.url, fields: FIELDS }, deps());
    expect(outcome.final).toBe('success');
    const body = seller.requests[0]?.body ?? '';
    expect(Object.keys(JSON.parse(body))).toEqual(['instanceId', 'orderId', 'tenantId', 'tenantCode', 'name', 'domainName', 'flag', 'testFlag', 'timeStamp']);
  });

  sellerTest('a seller that HMACs the raw bytes rejects it, and result.code names the signature', async ({ seller }) => {
    seller.setHandler((req) => jsonAnswer(verifies(req, req.body) ? { resultCode: '000000', resultMsg: 'Success' } : { resultCode: '000001', resultMsg: 'bad sign' }));
    const outcome = await runProduceCall({ activity: 'tenantSync', url: seller.url, fields: FIELDS }, deps());
    expect(outcome.final).toBe('production-interface-message');
    const failed = outcome.attempts[0]?.checks.filter((c) => !c.ok) ?? [];
    expect(failed.map((c) => c.id)).toEqual(['result.code']);
    expect(failed[0]?.hint).toMatch(/sort the top-level keys/);
  });
});
