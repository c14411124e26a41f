import type { CatalogProduct, PeriodType } from '../../market/catalog.js';
import type { ProductSelector } from '../load/model.js';

export type ProductSelection =
  | { readonly ok: true; readonly products: readonly CatalogProduct[] }
  | { readonly ok: false; readonly problem: string; readonly hint: string };

const soldBy = (p: CatalogProduct, periodType: PeriodType | undefined): boolean =>
  periodType === undefined || p.periodTypes === undefined || p.periodTypes.includes(periodType);

/**
 * The catalog products an order step means, one per selector, in order. A productId picks that
 * product; a charging mode picks the next catalog product charged that way that is not picked yet
 * (and, with a `periodType`, is sold by it). So `[ON_DEMAND, ON_DEMAND]` is two different billing
 * items, and shipped scenarios run against any catalog that has the products they need.
 * @example
 *   selectProducts([{ kind: 'chargingMode', chargingMode: 'PERIOD' }], DEFAULT_CATALOG, 'year');
 *   // { ok: true, products: [the first PERIOD product sold by year] }
 */
export function selectProducts(selectors: readonly ProductSelector[], catalog: readonly CatalogProduct[], periodType?: PeriodType): ProductSelection {
  const picked: CatalogProduct[] = [];
  for (const selector of selectors) {
    if (selector.kind === 'productId') {
      const product = catalog.find((p) => p.productId === selector.productId);
      if (product === undefined) {
        return { ok: false, problem: `product ${selector.productId} is not in the catalog`, hint: 'add it to `catalog` in koomock.config.yaml, or name a charging mode such as PERIOD' };
      }
      picked.push(product);
      continue;
    }
    const mode = selector.chargingMode;
    const periodic = mode === 'PERIOD' || mode === 'ON_DEMAND_PKG';
    const product = catalog.find((p) => p.chargingMode === mode && !picked.includes(p) && (!periodic || soldBy(p, periodType)));
    if (product === undefined) {
      const wanted = selectors.filter((s) => s.kind === 'chargingMode' && s.chargingMode === mode).length;
      const by = periodic && periodType !== undefined ? ` sold by ${periodType}` : '';
      return {
        ok: false,
        problem: `the order needs ${wanted} ${mode} product(s)${by}, but the catalog has ${catalog.filter((p) => p.chargingMode === mode && (!periodic || soldBy(p, periodType))).length}`,
        hint: `add ${mode} products${by} to \`catalog\` in koomock.config.yaml (the default catalog has them)`,
      };
    }
    picked.push(product);
  }
  return { ok: true, products: picked };
}
