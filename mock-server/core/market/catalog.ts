/** How a product is charged (order query `chargingMode`). */
export type ChargingMode = 'PERIOD' | 'ONE_TIME' | 'ON_DEMAND' | 'ON_DEMAND_PKG';

/** Period types of a PERIOD product (order query `periodType`). */
export type PeriodType = 'year' | 'month' | 'day' | 'hour';

/** A quantity attribute of a SKU (users, seats, ...): order query `productInfo[].linearValue`. */
export interface LinearAttribute {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/**
 * One sellable product of the seller, as the catalog (config `catalog`) describes it.
 * `productId` differs per period type within one `skuCode` on the real platform, so a product
 * lists one period type per entry when that matters.
 */
export interface CatalogProduct {
  readonly productId: string;
  readonly skuCode: string;
  readonly productName: string;
  readonly chargingMode: ChargingMode;
  /** Allowed period types (PERIOD products only). */
  readonly periodTypes?: readonly PeriodType[];
  readonly linear?: LinearAttribute;
  /** Price of one period (or of the one-time purchase), as the order query's `currency` string. */
  readonly price?: string;
}
