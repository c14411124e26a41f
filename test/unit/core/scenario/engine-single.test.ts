import { describe, expect, test } from 'vitest';
import { runScenario } from '../../../../mock-server/core/scenario/run/engine.js';
import { splitAssignments } from '../../../../mock-server/core/scenario/load/send-input.js';
import { toSingleCallScenario } from '../../../../mock-server/core/scenario/load/single-call.js';
import { createEngineFixture } from './engine-fixtures.js';

describe('toSingleCallScenario', () => {
  test.for([
    { name: 'newInstance without an order gets a NEW order first', input: { activity: 'newInstance' }, kinds: ['order', 'send'], fields: { orderId: '${order.orderId}', orderLineId: '${order.orderLineId}' } },
    { name: 'newInstance with --order names its first line', input: { activity: 'newInstance', order: 'MOCKONDEMAND' }, kinds: ['send'], fields: { orderId: 'MOCKONDEMAND', orderLineId: 'MOCKONDEMAND-000001' } },
    { name: 'refreshInstance gets a RENEW order, scene RENEWAL and its expiry', input: { activity: 'refreshInstance', instance: 'i-1' }, kinds: ['order', 'send'], fields: { orderId: '${order.orderId}', orderLineId: '${order.orderLineId}', expireTime: '${order.expireAt}', scene: 'RENEWAL', instanceId: 'i-1' } },
    { name: 'queryInstance needs no order', input: { activity: 'queryInstance', instance: 'i-1' }, kinds: ['send'], fields: { instanceId: 'i-1' } },
    { name: 'a value typed by the user is never a reference', input: { activity: 'queryInstance', fields: { instanceId: '${x.y}' } }, kinds: ['send'], fields: { instanceId: '$${x.y}' } },
  ])('$name', ({ input, kinds, fields }) => {
    const scenario = toSingleCallScenario(input);
    expect(scenario.steps.map((s) => s.kind)).toEqual(kinds);
    const send = scenario.steps.at(-1);
    expect(send?.kind === 'send' ? send.with : undefined).toEqual(fields);
    expect(send?.kind === 'send' ? send.retry : undefined).toBe(false);
  });

  test('runs as a scenario: the order is placed, the call judged, the instance booked', async () => {
    const f = createEngineFixture();
    const report = await runScenario(toSingleCallScenario({ activity: 'newInstance' }), f.deps);
    expect(report.status).toBe('passed');
    expect([...f.orders.values()].map((o) => o.status)).toEqual(['ACTIVE']);
    // The marketplace asks queryInstance for the new instance after a synchronous 000000.
    expect(f.seller.received).toEqual(['newInstance', 'queryInstance']);
  });
});

describe('splitAssignments', () => {
  test.for([
    { name: 'a builder field goes to the fields', set: [['status', 'FREEZE']], fields: { status: 'FREEZE' }, overrides: {} },
    { name: 'an extra field goes to the overrides', set: [['extra', 5]], fields: {}, overrides: { extra: 5 } },
    { name: 'a deletion goes to the overrides', set: [['testFlag', null]], fields: {}, overrides: { testFlag: null } },
    { name: 'a dotted path goes to the overrides', set: [['productInfo.skuCode', 'x']], fields: {}, overrides: { 'productInfo.skuCode': 'x' } },
    { name: 'a value the builder refuses is overridden over a valid placeholder', set: [['status', 'MELT']], fields: { status: 'FREEZE' }, overrides: { status: 'MELT' } },
  ] as const)('$name', ({ set, fields, overrides }) => {
    expect(splitAssignments('updateInstanceStatus', set)).toEqual({ fields, overrides });
  });
});
