import type { Clock, Random } from '../ports.js';
import type { FidelityProfile } from '../profile.js';
import type { Store } from '../store.js';
import type { FaultInjector } from './faults.js';
import type { OAuthClientDirectory } from './oauth-clients.js';

/** A seller account as the fake Open APIs know it (built from the config by an adapter). */
export interface SellerAccount {
  /** Huawei Cloud account id (32 hex): the `{partner_id}` of Open API paths, the owner of orders. */
  readonly id: string;
  readonly name: string;
  readonly ak: string;
  readonly sk: string;
  /** Usage push body signature key (docs/fidelity.md#d26). */
  readonly usageKey: string;
}

export interface SellerDirectory {
  byAk(ak: string): SellerAccount | undefined;
  byId(id: string): SellerAccount | undefined;
  /** Every seller; with APIG auth off, a lone seller answers for calls that carry no known AK. */
  list?(): readonly SellerAccount[];
}

/** Everything an Open API handler may use. Built once per emulator by an adapter. */
export interface EmulatorContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly random: Random;
  readonly profile: FidelityProfile;
  readonly sellers: SellerDirectory;
  /** OAuth clients of the fake OneAccess (open-api.md §6); none registered when absent. */
  readonly oauthClients?: OAuthClientDirectory;
  /** Fault injection per operation; no faults when absent. */
  readonly faults?: FaultInjector;
}

/** A directory over a fixed list of sellers. */
export function createSellerDirectory(accounts: readonly SellerAccount[]): SellerDirectory {
  return {
    byAk: (ak) => accounts.find((a) => a.ak === ak),
    byId: (id) => accounts.find((a) => a.id === id),
    list: () => accounts,
  };
}
