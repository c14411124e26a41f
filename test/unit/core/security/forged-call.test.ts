import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import type { ProduceDeps } from '../../../../mock-server/core/produce/deps.js';
import type { ProduceExchange, TransportRequest, TransportResult } from '../../../../mock-server/core/ports.js';
import { withProfile } from '../../../../mock-server/core/profile.js';
import { replayCall, sendForgedCall } from '../../../../mock-server/core/security/forged-call.js';
import { verifyV2Signature } from '../../../../mock-server/core/signing/index.js';
import { createScriptedTransport, createTestClock, createTestRandom, jsonResult, SELLER_URL, TEST_KEYS } from '../produce/support.js';

const WALL = 1_680_508_066_618;
const release = { activity: 'releaseInstance', url: SELLER_URL, fields: { instanceId: 'i1' } };

/** A seller that verifies V2 signatures with the basic key and answers 000001 when they fail. */
const verifying = (req: TransportRequest): TransportResult => {
  const q = new URL(req.url).searchParams;
  const get = (n: string) => q.get(n) ?? undefined;
  const v = verifyV2Signature({ key: TEST_KEYS.basic, body: req.body ?? '', signature: get('signature'), timestamp: get('timestamp'), nonce: get('nonce') }, { now: WALL });
  return jsonResult(v.ok ? { resultCode: '000000', resultMsg: 'success' } : { resultCode: '000001', resultMsg: v.reason });
};

function deps(answer: (req: TransportRequest) => TransportResult, profile: Parameters<typeof withProfile>[0] = {}) {
  const exchanges: ProduceExchange[] = [];
  const transport = createScriptedTransport(answer);
  const d: ProduceDeps = { transport, clock: createTestClock(WALL), random: createTestRandom(), profile: withProfile(profile), keys: TEST_KEYS, schemas: getSchemaRegistry(), sink: { record: (e) => void exchanges.push(e) } };
  return { d, exchanges, transport };
}

describe('sending a forged call', () => {
  test('sends once, judges the answer with security.<attack> only, and journals the exchange', async () => {
    const { d, exchanges, transport } = deps(verifying);
    const forged = await sendForgedCall(release, 'wrong-key', d);
    expect(transport.requests).toHaveLength(1);
    expect(forged.check).toMatchObject({ id: 'security.wrong-key', ok: true });
    expect(forged.record?.checks).toEqual([forged.check]);
    expect(forged.record?.outcome).toBe('failed');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ activity: 'releaseInstance', attempt: 1, outcome: 'failed', checks: [{ id: 'security.wrong-key', ok: true }] });
  });

  test('an accepted forgery is a failed check and a "success" record', async () => {
    const { d } = deps(() => jsonResult({ resultCode: '000000' }));
    const forged = await sendForgedCall(release, 'signature-missing', d);
    expect(forged.check).toMatchObject({ id: 'security.signature-missing', ok: false, received: expect.stringContaining('no signature parameter') });
    expect(forged.record?.outcome).toBe('success');
    expect(new URL(forged.record?.request.url ?? '').searchParams.has('signature')).toBe(false);
  });

  test('keeps the instanceId of a forged newInstance answer', async () => {
    const { d } = deps(() => jsonResult({ resultCode: '000000', instanceId: 'forged-1' }));
    const forged = await sendForgedCall({ activity: 'newInstance', url: SELLER_URL, fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } }, 'nonce-missing', d);
    expect(forged.record).toMatchObject({ instanceId: 'forged-1', businessId: expect.any(String) });
  });

  test('sends nothing when the attack does not apply under the profile, and says why', async () => {
    const { d, transport } = deps(verifying, { timestampUnit: 'seconds' });
    const forged = await sendForgedCall(release, 'timestamp-in-seconds', d);
    expect(transport.requests).toHaveLength(0);
    expect(forged.record).toBeUndefined();
    expect(forged.check).toMatchObject({ id: 'security.timestamp-in-seconds', ok: false, severity: 'warn' });
  });

  test('refuses kit calls: attacks are defined for V2', async () => {
    const { d } = deps(verifying);
    await expect(sendForgedCall({ activity: 'tenantSync', url: SELLER_URL, fields: { instanceId: 'i1', tenantId: 't', tenantCode: 'c', name: 'n', domainName: 'd', flag: 1 } }, 'wrong-key', d)).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining('defined for V2 calls') });
  });

  test('replay re-sends the previous request byte for byte', async () => {
    const { d, transport } = deps(verifying);
    const first = await sendForgedCall(release, 'wrong-key', d);
    if (first.record === undefined) throw new Error('sent');
    const replayed = await replayCall(first.record, 'replay', d);
    expect(transport.requests[1]).toEqual(transport.requests[0]);
    expect(replayed.check.id).toBe('security.replay');
    expect(replayed.record?.attempt).toBe(2);
  });
});
