import { describe, expect } from 'vitest';
import { getSchemaRegistry } from '../../../mock-server/config/schemas-fs.js';
import { computeUsageSignature } from '../../../mock-server/core/signing/index.js';
import { createOnDemandInstance, it, signRequest, USAGE_KEY, USAGE_PUSH, usagePush, usageRecord } from './support.js';

const expectErrorEnvelope = (body: unknown) =>
  expect(getSchemaRegistry().validate('common/envelopes/error-envelope.schema.json', body)).toEqual({ ok: true });

describe('usage push over HTTP (open-api.md §3.3.1, docs/fidelity.md#d26, docs/fidelity.md#d27)', () => {
  it('accepts a valid batch with 200 MKT.0000 and stores it, visible in GET /_koomock/usage', async ({ emulator }) => {
    const instanceId = await createOnDemandInstance(emulator);
    const body = JSON.stringify({ usage_records: [usageRecord(instanceId, 'sn-1'), usageRecord(instanceId, 'sn-2')] });
    const res = await usagePush(emulator.url, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ error_code: 'MKT.0000', error_msg: 'success' });
    const records = await emulator.admin.listUsage({ instanceId });
    expect(records.map((r) => r.metering_sn)).toEqual(['sn-1', 'sn-2']);
    expect(records[0]).toMatchObject({ instance_id: instanceId, usage_value: '99', sellerId: emulator.seller.id });
  });

  it('rejects a body signature made with another key: 400 MKT.0102, nothing stored', async ({ emulator }) => {
    const instanceId = await createOnDemandInstance(emulator);
    const res = await usagePush(emulator.url, JSON.stringify({ usage_records: [usageRecord(instanceId, 'sn-1')] }), `${USAGE_KEY}-wrong`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error_code: string };
    expectErrorEnvelope(body);
    expect(body.error_code).toBe('MKT.0102');
    expect(await emulator.admin.listUsage()).toEqual([]);
  });

  it('rejects a record for an instance the seller does not have: MKT.9001', async ({ emulator }) => {
    const res = await usagePush(emulator.url, JSON.stringify({ usage_records: [usageRecord('7f141bf1-aec8-4859-8323-fb3a8ad50721', 'sn-1')] }));
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error_code: string };
    expectErrorEnvelope(body);
    expect(body.error_code).toBe('MKT.9001');
  });

  it('refuses a byte-identical retry (same nonce) with MKT.0102 saying to sign again; the re-signed retry is accepted and stored once', async ({ emulator }) => {
    const instanceId = await createOnDemandInstance(emulator);
    const body = JSON.stringify({ usage_records: [usageRecord(instanceId, 'sn-retry')] });
    const ts = String(Date.now());
    const nonce = 'retrynonce0000000000000000000001';
    const url = `${emulator.url}${USAGE_PUSH}`;
    const headers = signRequest({ method: 'POST', url, headers: { 'Content-Type': 'application/json', ts, nonce, signature: computeUsageSignature({ key: USAGE_KEY, ts, nonce, body }) }, body });
    const send = () => fetch(url, { method: 'POST', headers, body });
    expect((await send()).status).toBe(200);
    const again = await send();
    expect(again.status).toBe(400);
    const refused = (await again.json()) as { error_code: string; extra_info?: string; error_msg: string };
    expect(refused.error_code).toBe('MKT.0102');
    expect(JSON.stringify(refused)).toContain('a retry of the same push must be signed again');
    expect((await usagePush(emulator.url, body)).status).toBe(200);
    expect((await emulator.admin.listUsage({ instanceId })).map((r) => r.metering_sn)).toEqual(['sn-retry']);
  });

  it('keeps a repeated metering_sn once (idempotent, docs/fidelity.md#d27)', async ({ emulator }) => {
    const instanceId = await createOnDemandInstance(emulator);
    const body = JSON.stringify({ usage_records: [usageRecord(instanceId, 'sn-1')] });
    expect((await usagePush(emulator.url, body)).status).toBe(200);
    expect((await usagePush(emulator.url, body)).status).toBe(200);
    expect(await emulator.admin.listUsage()).toHaveLength(1);
  });
});
