import type { CatalogProduct, ChargingMode } from '../../market/catalog.js';
import type { Finding } from './problems.js';
import type { RawExtendParam, RawOrder } from './raw.js';
import { closestName, suggestName } from '../../suggest.js';
import { toPointer } from '../../schemas/located-yaml.js';

export const CHARGING_MODES: readonly ChargingMode[] = ['PERIOD', 'ONE_TIME', 'ON_DEMAND', 'ON_DEMAND_PKG'];

/** koomock's test hooks in extendParams (docs/scenarios.md), with the values each accepts. */
export const KOOMOCK_PARAMS: Readonly<Record<string, { readonly pattern: RegExp; readonly expected: string }>> = {
  'koomock.provisioning': { pattern: /^(sync|async)$/, expected: '`sync` or `async`' },
  'koomock.provisionDelayMs': { pattern: /^\d{1,9}$/, expected: 'whole milliseconds such as 100' },
  'koomock.responseDelayMs': { pattern: /^\d{1,9}$/, expected: 'whole milliseconds such as 600' },
};

const NOT_FOR_MOCK = ['orderType', 'periodType', 'periodNumber', 'linearValue', 'extendParams', 'lineExtendParams'] as const;

function checkExtendParams(list: readonly RawExtendParam[] | undefined, tokens: readonly (string | number)[]): Finding[] {
  const names = Object.keys(KOOMOCK_PARAMS);
  return (list ?? []).flatMap((p, i): Finding[] => {
    if (!p.name.startsWith('koomock.') && closestName(p.name, names) === undefined) return [];
    const rule = KOOMOCK_PARAMS[p.name];
    if (rule === undefined) {
      return [{ pointer: toPointer([...tokens, i, 'name']), problem: `unknown koomock test hook \`${p.name}\``, hint: suggestName(p.name, names, 'hooks') }];
    }
    return rule.pattern.test(String(p.value))
      ? []
      : [{ pointer: toPointer([...tokens, i, 'value']), problem: `\`${p.name}\` must be ${rule.expected}, received ${JSON.stringify(p.value)}` }];
  });
}

/** Is this selector meant as a charging mode (upper case and underscores, close to one)? */
const looksLikeMode = (s: string): boolean => /^[A-Z_]+$/.test(s) && closestName(s, CHARGING_MODES) !== undefined;

function checkSelector(selector: string, tokens: readonly (string | number)[], order: RawOrder, catalog: readonly CatalogProduct[] | undefined): Finding[] {
  const pointer = toPointer(tokens);
  if ((CHARGING_MODES as readonly string[]).includes(selector)) {
    const periodic = selector === 'PERIOD' || selector === 'ON_DEMAND_PKG';
    if (!periodic && (order.periodType !== undefined || order.periodNumber !== undefined)) {
      return [{ pointer, problem: `${selector} products have no period, but the order sets ${order.periodType === undefined ? 'periodNumber' : 'periodType'}`, hint: 'remove periodType and periodNumber, or order a PERIOD product' }];
    }
    return [];
  }
  if (looksLikeMode(selector)) {
    return [{ pointer, problem: `unknown charging mode \`${selector}\``, hint: suggestName(selector, CHARGING_MODES, 'charging modes') }];
  }
  if (catalog !== undefined && !catalog.some((p) => p.productId === selector)) {
    return [{ pointer, problem: `product \`${selector}\` is not in the catalog`, hint: `${suggestName(selector, catalog.map((p) => p.productId), 'catalog products')} (or name a charging mode such as PERIOD)` }];
  }
  return [];
}

/**
 * Semantic findings for one order step: charging modes and catalog products, mock orders that
 * carry order options, and koomock's own extendParams hooks.
 */
export function validateOrderStep(order: RawOrder, index: number, catalog: readonly CatalogProduct[] | undefined): Finding[] {
  const tokens = ['steps', index, 'order'] as const;
  if (order.mock !== undefined) {
    return NOT_FOR_MOCK.filter((k) => order[k] !== undefined).map((k) => ({
      pointer: toPointer([...tokens, k]),
      at: 'key' as const,
      problem: `\`${k}\` cannot be set on mock order ${order.mock}`,
      hint: 'mock orders are fixed: remove it, or order a catalog product instead of a mock',
    }));
  }
  const selectors = order.products ?? (order.product === undefined ? [] : [order.product]);
  const selectorTokens = (i: number) => (order.products === undefined ? [...tokens, 'product'] : [...tokens, 'products', i]);
  return [
    ...selectors.flatMap((s, i) => checkSelector(s, selectorTokens(i), order, catalog)),
    ...checkExtendParams(order.extendParams, [...tokens, 'extendParams']),
    ...checkExtendParams(order.lineExtendParams, [...tokens, 'lineExtendParams']),
  ];
}
