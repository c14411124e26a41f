/**
 * APIG's lockout (open-api.md §2.3): 5 failed AK/SK signatures in a row lock the AK for 5 minutes;
 * meanwhile even a correct signature answers 401 APIG.0301 "AK access failed to reach the limit".
 */
import { describe, expect, test } from 'vitest';
import { createHarness, OTHER_SELLER, SELLER, signRequest } from './harness.js';

const QUERY = { path: '/api/mkp-openapi-public/global/v1/order/query', query: 'orderId=MOCKPERIODYEARNEW' };
const WRONG = { ...SELLER, sk: 'notTheSellersSecretKey000000000000000000' };

describe('APIG lockout after 5 failed signatures', () => {
  test('locks the AK for 5 minutes: a correct signature is refused meanwhile, accepted after', async () => {
    const h = createHarness();
    for (let i = 0; i < 5; i += 1) expect((await h.send(signRequest(h, { ...QUERY, seller: WRONG }))).body).toMatchObject({ error_code: 'APIG.0301', error_msg: expect.stringContaining('verify aksk signature fail') });
    const locked = await h.send(signRequest(h, QUERY));
    expect(locked.status).toBe(401);
    expect(locked.body).toEqual({ error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.', request_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    // Another seller's AK is not locked.
    expect((await h.send(signRequest(h, { ...QUERY, seller: OTHER_SELLER }))).status).not.toBe(401);
    h.clock.setWall(h.clock.wallNow() + 5 * 60_000 - 1);
    expect((await h.send(signRequest(h, QUERY))).status).toBe(401);
    h.clock.setWall(h.clock.wallNow() + 1);
    expect((await h.send(signRequest(h, QUERY))).status).toBe(200);
  });

  test('counts failures in a row only: a verified call starts the count again', async () => {
    const h = createHarness();
    for (let i = 0; i < 4; i += 1) await h.send(signRequest(h, { ...QUERY, seller: WRONG }));
    expect((await h.send(signRequest(h, QUERY))).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await h.send(signRequest(h, { ...QUERY, seller: WRONG }));
    expect((await h.send(signRequest(h, QUERY))).status).toBe(200);
  });

  test('journals the locked call with an apig.signature verdict that says why and what to do', async () => {
    const h = createHarness();
    for (let i = 0; i < 5; i += 1) await h.send(signRequest(h, { ...QUERY, seller: WRONG }));
    await h.send(signRequest(h, QUERY));
    const last = h.store.listExchanges({ direction: 'inbound' }).at(-1);
    expect(last?.verdicts).toContainEqual(expect.objectContaining({ id: 'apig.signature', ok: false, received: 'AK locked', hint: expect.stringContaining('apigLockout=off') }));
  });

  test('profile apigLockout off never locks', async () => {
    const h = createHarness({ profile: { apigLockout: 'off' } });
    for (let i = 0; i < 10; i += 1) await h.send(signRequest(h, { ...QUERY, seller: WRONG }));
    expect((await h.send(signRequest(h, QUERY))).status).toBe(200);
  });
});
