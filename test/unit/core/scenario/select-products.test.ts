import { describe, expect, test } from 'vitest';
import { DEFAULT_CATALOG } from '../../../../mock-server/config/defaults.js';
import type { ProductSelector } from '../../../../mock-server/core/scenario/load/model.js';
import { selectProducts } from '../../../../mock-server/core/scenario/run/select-products.js';

const mode = (chargingMode: 'PERIOD' | 'ONE_TIME' | 'ON_DEMAND' | 'ON_DEMAND_PKG'): ProductSelector => ({ kind: 'chargingMode', chargingMode });

describe('selectProducts', () => {
  test.for([
    { name: 'the first PERIOD product sold by month', selectors: [mode('PERIOD')], periodType: 'month' as const, ids: ['OFFI900000000000000001'] },
    { name: 'the first PERIOD product sold by year', selectors: [mode('PERIOD')], periodType: 'year' as const, ids: ['OFFI900000000000000002'] },
    { name: 'two different on-demand billing items', selectors: [mode('ON_DEMAND'), mode('ON_DEMAND')], periodType: undefined, ids: ['OFFI900000000000000004', 'OFFI900000000000000005'] },
    { name: 'a product by id', selectors: [{ kind: 'productId' as const, productId: 'OFFI900000000000000003' }], periodType: undefined, ids: ['OFFI900000000000000003'] },
  ])('picks $name', ({ selectors, periodType, ids }) => {
    const r = selectProducts(selectors, DEFAULT_CATALOG, periodType);
    expect(r.ok && r.products.map((p) => p.productId)).toEqual(ids);
  });

  test.for([
    { name: 'more products of a mode than the catalog has', selectors: [mode('ON_DEMAND'), mode('ON_DEMAND'), mode('ON_DEMAND')], periodType: undefined, problem: 'the order needs 3 ON_DEMAND product(s), but the catalog has 2' },
    { name: 'a period type no product is sold by', selectors: [mode('PERIOD')], periodType: 'day' as const, problem: 'the order needs 1 PERIOD product(s) sold by day, but the catalog has 0' },
    { name: 'a productId not in the catalog', selectors: [{ kind: 'productId' as const, productId: 'OFFI1' }], periodType: undefined, problem: 'product OFFI1 is not in the catalog' },
  ])('reports $name', ({ selectors, periodType, problem }) => {
    const r = selectProducts(selectors, DEFAULT_CATALOG, periodType);
    expect(r).toMatchObject({ ok: false, problem });
  });
});
