import { describe, expect, test } from 'vitest';
import {
  createInstanceRecord,
  type InstanceEvent,
  type InstanceRecord,
  type InstanceState,
  transition,
} from '../../../../mock-server/core/market/instance.js';
import { getMockOrder } from '../../../../mock-server/core/market/mock-orders.js';
import type { Order } from '../../../../mock-server/core/market/order.js';

const mock = (id: string): Order => {
  const order = getMockOrder(id, 'seller-1');
  if (order === undefined) throw new Error(`no mock ${id}`);
  return order;
};

const create = (orderId = 'MOCKPERIODYEARNEW'): InstanceRecord => {
  const order = mock(orderId);
  const orderLine = order.orderInfo.orderLine[0];
  if (orderLine === undefined) throw new Error('no line');
  return createInstanceRecord({ instanceId: 'i-1', order, orderLine, at: 1 });
};

const inState = (state: InstanceState, trial = false): InstanceRecord => ({ ...create(), state, trial });

describe('instance records', () => {
  test('a new instance is PROVISIONING and carries its order line and docs/fidelity.md#d16 key', () => {
    expect(create()).toEqual({
      instanceId: 'i-1',
      orderId: 'MOCKPERIODYEARNEW',
      orderLineId: 'MOCKPERIODYEARNEW-000001',
      productId: 'OFFI846204237451911168',
      sellerId: 'seller-1',
      chargingMode: 'PERIOD',
      idempotencyKey: 'MOCKPERIODYEARNEW/line/MOCKPERIODYEARNEW-000001',
      trial: false,
      state: 'PROVISIONING',
      expireTime: '20251121235959',
      createdAt: 1,
      history: [{ at: 1, event: 'CREATED', to: 'PROVISIONING' }],
    });
  });

  test('an on-demand instance is keyed by order and product', () => {
    expect(create('MOCKONDEMAND').idempotencyKey).toBe('MOCKONDEMAND/product/OFFI846204237451911172');
  });

  test('a trial order makes a trial instance', () => {
    expect(create('MOCKPERIODDAYTRIAL').trial).toBe(true);
  });
});

describe('instance lifecycle', () => {
  const app = { frontEndUrl: 'https://app.example.com' };
  test.for([
    ['provisioned', 'PROVISIONING', { type: 'PROVISIONED', at: 2, appInfo: app }, 'ACTIVE'],
    ['provisioning failed', 'PROVISIONING', { type: 'PROVISION_FAILED', at: 2 }, 'FAILED'],
    ['frozen', 'ACTIVE', { type: 'FREEZE', at: 2 }, 'FROZEN'],
    ['unfrozen', 'FROZEN', { type: 'UNFREEZE', at: 2 }, 'ACTIVE'],
    ['released while active', 'ACTIVE', { type: 'RELEASE', at: 2 }, 'RELEASED'],
    ['released while frozen', 'FROZEN', { type: 'RELEASE', at: 2 }, 'RELEASED'],
    ['renewed', 'ACTIVE', { type: 'RENEW', at: 2, orderId: 'R', orderLineId: 'R-000001' }, 'ACTIVE'],
    ['renewed during the freeze period', 'FROZEN', { type: 'RENEW', at: 2 }, 'ACTIVE'],
    ['upgraded', 'ACTIVE', { type: 'UPGRADE', at: 2 }, 'ACTIVE'],
    ['renewal cancelled while frozen', 'FROZEN', { type: 'UNSUBSCRIBE_RENEWAL', at: 2 }, 'FROZEN'],
  ] as const)('%s: %s -> %s', ([, from, event, to]) => {
    const result = transition(inState(from), event as InstanceEvent);
    expect(result.ok && result.instance.state).toBe(to);
    expect(result.ok && result.instance.history.at(-1)).toMatchObject({ at: 2, event: event.type, from, to });
  });

  test.for([
    ['unfreeze a released instance', 'RELEASED', 'UNFREEZE'],
    ['freeze a frozen instance', 'FROZEN', 'FREEZE'],
    ['release a provisioning instance', 'PROVISIONING', 'RELEASE'],
    ['upgrade a frozen instance', 'FROZEN', 'UPGRADE'],
    ['renew a released instance', 'RELEASED', 'RENEW'],
    ['provision an active instance', 'ACTIVE', 'PROVISIONED'],
    ['revive a failed instance', 'FAILED', 'UNFREEZE'],
  ] as const)('refuses to %s', ([, from, type]) => {
    const result = transition(inState(from), { type, at: 2 } as InstanceEvent);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-transition' });
  });

  test('keeps appInfo from the provisioning event', () => {
    const result = transition(inState('PROVISIONING'), { type: 'PROVISIONED', at: 2, appInfo: app });
    expect(result.ok && result.instance.appInfo).toEqual(app);
  });

  test('a renewal records the renewal order and the new expiry', () => {
    const result = transition(inState('ACTIVE'), { type: 'RENEW', at: 3, orderId: 'R', orderLineId: 'R-000001', expireTime: '20261121155959' });
    expect(result.ok && result.instance.expireTime).toBe('20261121155959');
    expect(result.ok && result.instance.orderId).toBe('MOCKPERIODYEARNEW');
    expect(result.ok && result.instance.history.at(-1)).toEqual({ at: 3, event: 'RENEW', from: 'ACTIVE', to: 'ACTIVE', orderId: 'R', orderLineId: 'R-000001' });
  });

  test('trial to formal ends the trial and may change the product', () => {
    const result = transition(inState('ACTIVE', true), { type: 'TRIAL_TO_FORMAL', at: 2, productId: 'OFFI-FORMAL' });
    expect(result.ok && [result.instance.trial, result.instance.productId]).toEqual([false, 'OFFI-FORMAL']);
  });

  test('refuses trial to formal on an instance that is not a trial', () => {
    expect(transition(inState('ACTIVE', false), { type: 'TRIAL_TO_FORMAL', at: 2 })).toMatchObject({ ok: false, reason: 'not-trial' });
  });

  test('never changes the instance it was given', () => {
    const before = inState('ACTIVE');
    const copy = structuredClone(before);
    transition(before, { type: 'FREEZE', at: 2 });
    expect(before).toEqual(copy);
  });
});
