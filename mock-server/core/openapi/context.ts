import type { Clock, Random } from '../ports.js';
import type { FidelityProfile } from '../profile.js';
import type { Store } from '../store.js';

/** A seller account as the fake Open APIs know it (built from the config by an adapter). */
export interface SellerAccount {
  /** Huawei Cloud account id (32 hex): the `{partner_id}` of Open API paths, the owner of orders. */
  readonly id: string;
  readonly name: string;
  readonly ak: string;
  readonly sk: string;
  /** Usage push body signature key (D26). */
  readonly usageKey: string;
}

export interface SellerDirectory {
  byAk(ak: string): SellerAccount | undefined;
  byId(id: string): SellerAccount | undefined;
}

/** Everything an Open API handler may use. Built once per emulator by an adapter. */
export interface EmulatorContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly random: Random;
  readonly profile: FidelityProfile;
  readonly sellers: SellerDirectory;
}

/** A directory over a fixed list of sellers. */
export function createSellerDirectory(accounts: readonly SellerAccount[]): SellerDirectory {
  return {
    byAk: (ak) => accounts.find((a) => a.ak === ak),
    byId: (id) => accounts.find((a) => a.id === id),
  };
}
