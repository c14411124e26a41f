import { describe, expect, test } from 'vitest';
import { createInstanceRecord } from '../../../mock-server/core/market/instance.js';
import type { Order, OrderLine } from '../../../mock-server/core/market/order.js';
import type { Emulator } from '../../../mock-server/emulator.js';
import { it, startEmulator } from './support.js';

type Body = Order & { readonly error: { readonly code: string; readonly message: string } };

async function post(emulator: Emulator, body: unknown): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${emulator.url}/_koomock/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Body };
}

function line(order: Order): OrderLine {
  const first = order.orderInfo.orderLine[0];
  if (first === undefined) throw new Error(`order ${order.orderInfo.orderId} has no line`);
  return first;
}

const countOrders = async (emulator: Emulator): Promise<number> => ((await (await fetch(`${emulator.url}/_koomock/orders`)).json()) as { orders: Order[] }).orders.length;

/** A monthly order and the instance the seller made of it, stored as the emulator keeps them. */
async function provisioned(emulator: Emulator): Promise<{ order: Order; instanceId: string }> {
  const created = await post(emulator, { productId: 'OFFI900000000000000001', periodNumber: 1, linearValue: 10 });
  expect(created.status).toBe(201);
  const order = created.body;
  const instanceId = 'inst-admin-follow-on';
  emulator.store.putInstance(createInstanceRecord({ instanceId, order, orderLine: line(order), at: order.createdAt }));
  return { order, instanceId };
}



describe('admin API: follow-on orders (POST /_koomock/orders with follows)', () => {
  it('a renewal of an instance extends its expiry by the period and keeps the buyer', async ({ emulator }) => {
    const { order, instanceId } = await provisioned(emulator);
    const advanced = await fetch(`${emulator.url}/_koomock/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ duration: '25d' }) });
    expect(advanced.status).toBe(200);
    const renewal = await post(emulator, { orderType: 'RENEW', follows: { instanceId }, periodNumber: 2 });
    expect(renewal.status).toBe(201);
    expect(renewal.body.orderInfo.orderType).toBe('RENEW');
    expect(renewal.body.orderInfo.buyerInfo).toEqual(order.orderInfo.buyerInfo);
    const expiry = Date.parse((line(order).expireTime ?? '').replace(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3T$4:$5:$6Z'));
    const expected = new Date(expiry);
    expected.setUTCMonth(expected.getUTCMonth() + 2);
    expect(line(renewal.body).expireTime).toBe(expected.toISOString().replace(/[-:T]/g, '').slice(0, 14));
    expect(line(renewal.body).currency).toBe('200');
    // A second renewal, naming the first one's order, extends from the first renewal's expiry.
    const again = await post(emulator, { orderType: 'RENEW', follows: { orderId: renewal.body.orderInfo.orderId } });
    expect((line(again.body).expireTime ?? '') > (line(renewal.body).expireTime ?? '')).toBe(true);
    expect(again.body.follows).toMatchObject({ orderId: order.orderInfo.orderId, orderLineId: line(order).orderLineId });
  });

  it('an upgrade by order line keeps the expiry; the seller finds it through the order query shape', async ({ emulator }) => {
    const { order } = await provisioned(emulator);
    const change = await post(emulator, { orderType: 'CHANGE', follows: { orderId: order.orderInfo.orderId, orderLineId: line(order).orderLineId }, linearValue: 30 });
    expect(change.status).toBe(201);
    expect(line(change.body)).toMatchObject({ expireTime: line(order).expireTime, periodType: 'month', periodNumber: 1 });
    expect(line(change.body).productInfo[0]?.linearValue).toBe(30);
    const stored = await fetch(`${emulator.url}/_koomock/orders/${change.body.orderInfo.orderId}`);
    expect(((await stored.json()) as Order).orderInfo).toEqual(change.body.orderInfo);
  });

  test.for([
    ['RENEW without follows', { orderType: 'RENEW', productId: 'OFFI900000000000000001' }, /follows an existing order line/],
    ['follows on a NEW order', { orderType: 'NEW', follows: { orderId: 'X' } }, /starts a new order line/],
    ['follows of an unknown instance', { orderType: 'RENEW', follows: { instanceId: 'nope' } }, /has not created/],
    ['follows of an unknown order', { orderType: 'RENEW', follows: { orderId: 'CS0000000000NOPE' } }, /does not exist/],
    ['follows with both ids', { orderType: 'RENEW', follows: { orderId: 'a', instanceId: 'b' } }, /follows must be/],
    ['follows as a string', { orderType: 'RENEW', follows: 'CS1' }, /follows must be/],
    ['a period on an upgrade', { orderType: 'CHANGE', follows: { instanceId: 'inst-admin-follow-on' }, periodNumber: 2 }, /keeps the validity period/],
    ['a conversion of a paid order', { orderType: 'TRIAL_TO_FORMAL', follows: { instanceId: 'inst-admin-follow-on' } }, /is not a trial/],
  ] as const)('rejects %s with 400 INPUT_INVALID and the reason', async ([, body, message]) => {
    const emulator = await startEmulator();
    try {
      await provisioned(emulator);
      const before = await countOrders(emulator);
      const answer = await post(emulator, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('INPUT_INVALID');
      expect(answer.body.error.message).toMatch(message);
      expect(await countOrders(emulator)).toBe(before);
    } finally {
      await emulator.close();
    }
  });

  it('an unsubscription of an instance adds no period and charges nothing', async ({ emulator }) => {
    const { order, instanceId } = await provisioned(emulator);
    const end = await post(emulator, { orderType: 'UNSUBSCRIBE', follows: { instanceId } });
    expect(line(end.body)).toMatchObject({ expireTime: line(order).expireTime, currency: '0' });
  });
});
