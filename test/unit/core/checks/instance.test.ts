import { describe, expect, test } from 'vitest';
import { checkInstanceDistinct } from '../../../../mock-server/core/checks/instance-distinct.js';
import { checkInstanceIdempotent } from '../../../../mock-server/core/checks/instance-idempotent.js';

const key = 'orderId CS1 + orderLineId CS1-000001';

describe('instance.idempotent', () => {
  test.for([
    ['the first answer', undefined, 'i1'],
    ['the same instanceId again', 'i1', 'i1'],
    ['an answer without instanceId (left to response.schema)', 'i1', undefined],
  ] as const)('passes for %s', ([, previous, current]) => {
    expect(checkInstanceIdempotent({ key, previous, current }).ok).toBe(true);
  });

  test('fails when a re-send returns another instanceId', () => {
    expect(checkInstanceIdempotent({ key, previous: 'i1', current: 'i2' })).toMatchObject({
      id: 'instance.idempotent',
      ok: false,
      expected: `instanceId "i1" again for ${key}`,
      received: '"i2"',
    });
  });
});

describe('instance.distinct', () => {
  test('passes when every key has its own instance', () => {
    expect(checkInstanceDistinct([{ key: 'productId P1', instanceId: 'a' }, { key: 'productId P2', instanceId: 'b' }]).ok).toBe(true);
  });

  test('passes when one key is answered twice with the same instance', () => {
    expect(checkInstanceDistinct([{ key: 'line 1', instanceId: 'a' }, { key: 'line 1', instanceId: 'a' }]).ok).toBe(true);
  });

  test('fails when two on-demand products share an instance', () => {
    const r = checkInstanceDistinct([
      { key: 'orderId CS1 + productId P1', instanceId: 'a' },
      { key: 'orderId CS1 + productId P2', instanceId: 'a' },
    ]);
    expect(r).toMatchObject({ id: 'instance.distinct', ok: false, received: 'instanceId "a" for orderId CS1 + productId P1 and orderId CS1 + productId P2' });
    expect(r.hint).toContain('orderId + productId');
  });
});
