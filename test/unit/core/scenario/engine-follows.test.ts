import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runScenario } from '../../../../mock-server/core/scenario/run/engine.js';
import { isKoomockError } from '../../../../mock-server/core/errors.js';
import type { Order } from '../../../../mock-server/core/market/order.js';
import { FIXED_TIME } from '../../../support/fixed-clock.js';
import { createEngineFixture, ORDER_AND_CREATE, scenarioOf } from './engine-fixtures.js';

const HEAD = 'id: t\ntitle: test\nsteps:';
const DAY = 86_400_000;
const line = (o: Order | undefined) => o?.orderInfo.orderLine[0];
const byType = (orders: Map<string, Order>, type: string): Order[] => [...orders.values()].filter((o) => o.orderInfo.orderType === type);

const parseError = (yaml: string): string => {
  try {
    scenarioOf(yaml);
  } catch (e) {
    if (isKoomockError(e) && e.code === 'SCENARIO_INVALID') return e.message;
    throw e;
  }
  throw new Error('the scenario parsed, but it should not');
};

describe('order steps with follows', () => {
  test('a renewal of the instance extends its expiry by the period, keeps the buyer and is what refreshInstance sends', async () => {
    const f = createEngineFixture();
    const report = await runScenario(
      scenarioOf(`${HEAD}${ORDER_AND_CREATE}
  - wait: 25d
  - id: renewal
    order: { follows: "\${create}", orderType: RENEW, periodNumber: 1 }
  - id: renew
    send: refreshInstance
    with: { scene: RENEWAL, instanceId: "\${create.instanceId}", orderId: "\${renewal.orderId}", orderLineId: "\${renewal.orderLineId}", expireTime: "\${renewal.expireAt}" }
  - id: again
    order: { follows: "\${renewal}", orderType: RENEW, periodNumber: 2 }
`),
      f.deps,
    );
    expect(report.status).toBe('passed');
    const [created] = byType(f.orders, 'NEW');
    const [first, second] = byType(f.orders, 'RENEW');
    // FIXED_TIME is 2024-11-21 17:08 Beijing: the month ends 20241221155959 (UTC).
    expect(line(created)?.expireTime).toBe('20241221155959');
    expect(line(first)?.expireTime).toBe('20250121155959');
    expect(line(second)?.expireTime).toBe('20250321155959');
    expect(first?.orderInfo.buyerInfo?.customerId).toBe(created?.orderInfo.buyerInfo?.customerId);
    expect(second?.follows?.orderId).toBe(created?.orderInfo.orderId);
    expect(f.instances.get('inst-1')?.expireTime).toBe('20250121155959');
    expect(f.clock.now()).toBe(FIXED_TIME + 25 * DAY);
  });

  test('an upgrade keeps the expiry and the buyer, and charges the difference for the remaining days', async () => {
    const f = createEngineFixture();
    const report = await runScenario(
      scenarioOf(`${HEAD}
  - id: order
    order: { product: PERIOD, periodType: month, periodNumber: 1, linearValue: 10 }
  - id: create
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
  - wait: 10d
  - id: change
    order: { follows: "\${create}", orderType: CHANGE, linearValue: 20 }
  - id: upgrade
    send: upgradeInstance
    with: { instanceId: "\${create.instanceId}", orderId: "\${change.orderId}", orderLineId: "\${change.orderLineId}" }
`),
      f.deps,
    );
    expect(report.status).toBe('passed');
    const [created] = byType(f.orders, 'NEW');
    const [change] = byType(f.orders, 'CHANGE');
    expect(line(change)?.expireTime).toBe(line(created)?.expireTime);
    expect(line(change)?.productInfo[0]?.linearValue).toBe(20);
    expect(change?.orderInfo.buyerInfo?.customerId).toBe(created?.orderInfo.buyerInfo?.customerId);
    // 100 per month for 10 users; 20 users cost 200; 20 of the 30 days of 2024-11-21..2024-12-21 remain.
    expect(line(created)?.currency).toBe('100');
    expect(line(change)?.currency).toBe('66.67');
  });

  test('a cancelled renewal period no longer counts: the next renewal extends the original expiry', async () => {
    const f = createEngineFixture();
    const report = await runScenario(
      scenarioOf(`${HEAD}${ORDER_AND_CREATE}
  - id: renewal
    order: { follows: "\${create}", orderType: RENEW, periodNumber: 1 }
  - id: renew
    send: refreshInstance
    with: { scene: RENEWAL, instanceId: "\${create.instanceId}", orderId: "\${renewal.orderId}", orderLineId: "\${renewal.orderLineId}", expireTime: "\${renewal.expireAt}" }
  - id: cancel
    send: refreshInstance
    with: { scene: UNSUBSCRIBE_RENEWAL_PERIOD, instanceId: "\${create.instanceId}", orderId: "\${renewal.orderId}", orderLineId: "\${renewal.orderLineId}", expireTime: "\${order.expireAt}" }
  - id: renewal-2
    order: { follows: "\${create}", orderType: RENEW, periodNumber: 1 }
`),
      f.deps,
    );
    expect(report.status).toBe('passed');
    const [first, second] = byType(f.orders, 'RENEW');
    expect(first?.status).toBe('UNSUBSCRIBED');
    expect(line(second)?.expireTime).toBe('20250121155959');
  });

  test('the shipped daily dial test renews the case instance forward, for the buyer of its mock order', async () => {
    const f = createEngineFixture();
    const report = await runScenario(scenarioOf(readFileSync('scenarios/daily-dial-test.yaml', 'utf8'), 'daily-dial-test.yaml'), f.deps);
    expect(report.status).toBe('passed');
    const [renewal] = byType(f.orders, 'RENEW');
    expect(renewal?.follows).toMatchObject({ orderId: 'MOCKPERIODYEARNEW', orderLineId: 'MOCKPERIODYEARNEW-000001' });
    expect(line(renewal)?.expireTime).toBe('20261121235959');
    expect(renewal?.orderInfo.buyerInfo?.customerId).toBe('459bbbec25d24749b2eb83be37b602a8');
    const caseInstance = [...f.instances.values()].find((i) => i.orderId === 'MOCKPERIODYEARNEW');
    const renewals = caseInstance?.history.filter((h) => h.event === 'RENEW') ?? [];
    expect(renewals).toHaveLength(3);
    expect(caseInstance?.expireTime).toBe('20261121235959');
    expect((caseInstance?.expireTime ?? '') > '20251121235959').toBe(true);
  });
});

describe('follows in the scenario file', () => {
  test('a RENEW order without follows is refused, with the fix', () => {
    expect(parseError(`${HEAD}${ORDER_AND_CREATE}
  - id: renewal
    order: { product: PERIOD, orderType: RENEW, periodType: month, periodNumber: 1 }
`)).toMatch(/a RENEW order renews an existing order line, but this one has no `follows`[\s\S]*follows: \$\{create\}/);
  });

  test.for([
    ['a NEW order', 'order: { follows: "${create}", product: PERIOD }', /a NEW order starts a new order line and follows none/],
    ['an unknown step', 'order: { follows: "${craete}", orderType: RENEW }', /there is no step `craete`[\s\S]*create/],
    ['a wait step', 'order: { follows: "${pause}", orderType: RENEW }', /step `pause` is a wait step, which creates no order line or instance/],
    ['a queryInstance step', 'order: { follows: "${query}", orderType: RENEW }', /step `query` sends queryInstance/],
    ['a period on an upgrade', 'order: { follows: "${create}", orderType: CHANGE, periodType: month }', /an upgrade keeps the validity period/],
    ['follows with products', 'order: { follows: "${create}", orderType: RENEW, products: [PERIOD] }', /has both `products` and `follows`/],
    ['follows with a path', 'order: { follows: "${create.instanceId}", orderType: RENEW }', /has the wrong form — write a whole step in \$\{…\}, such as \$\{create\}.*no field after the step id/],
  ] as const)('refuses %s', ([, step, message]) => {
    expect(parseError(`${HEAD}${ORDER_AND_CREATE}
  - id: pause
    wait: 1d
  - id: query
    send: queryInstance
    with: { instanceId: "\${create.instanceId}" }
  - id: next
    ${step}
`)).toMatch(message);
  });

  test('follows with products is one finding, without the inner `not` of the schema restating it', () => {
    const message = parseError(`${HEAD}${ORDER_AND_CREATE}
  - id: next
    order: { follows: "\${create}", orderType: RENEW, products: [PERIOD] }
`);
    expect(message).toMatch(/has both `products` and `follows`/);
    expect(message).not.toMatch(/must NOT be valid/);
  });

  test('following an instance the seller never created stops the run with the reason', async () => {
    const f = createEngineFixture('no-instance-id');
    await expect(
      runScenario(
        scenarioOf(`${HEAD}${ORDER_AND_CREATE}
    expect: { outcome: order-failed }
  - id: renewal
    order: { follows: "\${create}", orderType: RENEW }
`),
        f.deps,
      ),
    ).rejects.toThrow(/provisioned no instance koomock knows/);
  });
});
